// Unit tests for the table view's sorting and paging: numbers, strings, nulls last both ways, stable ties, bounds.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clampPage, pageBounds, pageOf, sortIndex, type SortValue } from '../../src/derive/table-sort';

describe('sortIndex', () => {
  test.each<[string, SortValue[], boolean, number[]]>([
    ['numbers ascending, as numbers', [10, 9, 100, 1], false, [3, 1, 0, 2]],
    ['numbers descending', [10, 9, 100, 1], true, [2, 0, 1, 3]],
    ['strings, case-insensitive', ['b', 'A', 'c', 'a'], false, [1, 3, 0, 2]],
    ['strings equal but for case tie', ['a', 'A', 'a'], true, [0, 1, 2]],
    ['strings with numbers inside', ['site 10', 'site 9', 'site 1'], false, [2, 1, 0]],
    ['nulls last ascending', [null, 3, null, 1], false, [3, 1, 0, 2]],
    ['nulls last descending', [null, 3, null, 1], true, [1, 3, 0, 2]],
    ['empty strings count as null', ['', 'b', 'a'], true, [1, 2, 0]],
    ['stable ties ascending', [2, 1, 2, 1], false, [1, 3, 0, 2]],
    ['stable ties descending', [2, 1, 2, 1], true, [0, 2, 1, 3]],
    ['numbers before strings', ['x', 5], false, [1, 0]],
    ['no rows', [], false, []],
  ])('%s', (_, values, desc, expected) => {
    expect(Array.from(sortIndex(values, desc))).toEqual(expected);
  });
  test('10,000 rows: largest first, nulls last', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? null : (i * 7919) % 10_007));
    const index = sortIndex(values, true);
    expect(index.length).toBe(10_000);
    expect(values[index[0] as number]).toBe(10_006);
    expect(values[index[9_999] as number]).toBeNull();
  });
});

/** The rule written as one comparison (numbers < strings < nulls ascending; strings, numbers, nulls descending). */
function sortByComparison(values: readonly SortValue[], desc: boolean): number[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const cls = (v: SortValue) =>
    typeof v === 'number' && !Number.isNaN(v) ? 0 : typeof v === 'string' && v !== '' ? 1 : 2;
  const sign = desc ? -1 : 1;
  return values
    .map((_, i) => i)
    .sort((a, b) => {
      const va = values[a] ?? null;
      const vb = values[b] ?? null;
      const ca = cls(va);
      const cb = cls(vb);
      if (ca !== cb) return ca === 2 || cb === 2 ? ca - cb : sign * (ca - cb);
      if (ca === 2) return a - b;
      const d = ca === 0 ? (va as number) - (vb as number) : collator.compare(va as string, vb as string);
      return d === 0 ? a - b : sign * d;
    });
}

describe('sortIndex against the rule as one comparison', () => {
  const value = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(0.5, -0, Number.NaN, 1e9, -1e9, null, '', 'a', 'A', 'b', 'site 9', 'site 10', 'Ä'),
  );
  test('random columns, both directions: the same order, ties in row order', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.boolean(), (values, desc) => {
        expect(Array.from(sortIndex(values, desc))).toEqual(sortByComparison(values, desc));
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });
});

describe('paging', () => {
  test.each<[number, number, { start: number; end: number }]>([
    [0, 250, { start: 0, end: 100 }],
    [2, 250, { start: 200, end: 250 }],
    [9, 250, { start: 200, end: 250 }],
    [-1, 250, { start: 0, end: 100 }],
    [0, 0, { start: 0, end: 0 }],
  ])('page %i of %i rows', (page, n, bounds) => {
    expect(pageBounds(page, n)).toEqual(bounds);
  });
  test('the page of a row and clamping', () => {
    expect(pageOf(0)).toBe(0);
    expect(pageOf(99)).toBe(0);
    expect(pageOf(100)).toBe(1);
    expect(clampPage(5, 101)).toBe(1);
    expect(clampPage(3, 0)).toBe(0);
  });
});
