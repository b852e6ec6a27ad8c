// The drawn flows are capped: a huge file of evenly valued flows draws at most MAX_DRAWN_FLOWS and counts the rest.
import { describe, expect, test } from 'vitest';
import { MAX_DRAWN_FLOWS } from '../../src/config/app';
import { buildFilterIndex, defaultFilterSpec, flowGpuFilter } from '../../src/derive/filter';
import { selectFlowRows } from '../../src/derive/flow-selection';
import { buildFlowTable } from '../../src/derive/flow-table';
import type { Flow } from '../../src/model/types';

const COUNTRIES = Array.from({ length: 200 }, (_, i) =>
  `C${String(i).padStart(2, '0')}`.slice(0, 3).padEnd(3, 'X'),
);

/** mulberry32: seeded, so the test is the same every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function evenFlows(n: number, seed: number, spread = 1000): Flow[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `f${i}`,
    year: 2024,
    exporter: COUNTRIES[i % COUNTRIES.length] as string,
    importer: COUNTRIES[(i * 7 + 3) % COUNTRIES.length] as string,
    mineral: 'rare-earths',
    hs: '850511',
    valueUsd: 1_000_000 + Math.floor(r() * spread),
    tonnes: null,
    risk: 0,
  }));
}

describe('drawing cap', () => {
  const index = buildFilterIndex(COUNTRIES, ['rare-earths']);
  const spec = defaultFilterSpec(['rare-earths']);

  test.each([0.95, 1])('200,000 evenly valued flows at fraction %s: at most the cap is drawn', (fraction) => {
    const table = buildFlowTable(evenFlows(200_000, 7), index);
    const sel = selectFlowRows(table, spec, index, fraction, MAX_DRAWN_FLOWS);
    expect(sel.capped).toBe(true);
    expect(sel.shownCount).toBeLessThanOrEqual(MAX_DRAWN_FLOWS);
    expect(sel.shownCount).toBeGreaterThan(MAX_DRAWN_FLOWS * 0.9);
    expect(sel.shownCount + sel.hiddenCount).toBe(200_000);
    // The GPU keeps exactly the drawn flows: every drawn value is at or above the cut-off, every hidden one below.
    const gpu = flowGpuFilter(spec, index, sel.cutoff);
    const values = Array.from(sel.passingRows, (r) => table.value[r] as number);
    expect(values.slice(0, sel.shownCount).every((v) => v >= gpu.minValue)).toBe(true);
    expect(values.slice(sel.shownCount).every((v) => v < gpu.minValue)).toBe(true);
  });

  test('below the cap nothing changes', () => {
    const table = buildFlowTable(evenFlows(5_000, 3), index);
    const capped = selectFlowRows(table, spec, index, 0.95, MAX_DRAWN_FLOWS);
    const free = selectFlowRows(table, spec, index, 0.95);
    expect(capped.capped).toBe(false);
    expect(capped.shownCount).toBe(free.shownCount);
    expect(capped.cutoff).toBe(free.cutoff);
  });

  test('where every value ties the ties are drawn (no cut-off can separate them)', () => {
    const table = buildFlowTable(evenFlows(1_000, 5, 0), index);
    const sel = selectFlowRows(table, spec, index, 1, 100);
    expect(sel.capped).toBe(false);
    expect(sel.shownCount).toBe(1_000);
  });
});
