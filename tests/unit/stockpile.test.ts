// Unit tests for stockpile cover: tonnes and USD for some months, months a stockpile covers, partner-set totals.
import { describe, expect, test } from 'vitest';
import type { ImporterResult } from '../../src/derive/scenario';
import {
  lostImportsOf,
  monthsCovered,
  partnerStockpile,
  stockpileNeed,
  type LostImports,
} from '../../src/derive/stockpile';

/** Hand-made losses for one product in one year. */
const JPN: LostImports = { importer: 'JPN', lostUsd: 120_000_000, lostTonnes: 2400 };
const DEU: LostImports = { importer: 'DEU', lostUsd: 60_000_000, lostTonnes: 600 };
const USA: LostImports = { importer: 'USA', lostUsd: 36_000_000, lostTonnes: null };
const KOR: LostImports = { importer: 'KOR', lostUsd: 0, lostTonnes: 0 };

describe('need for a number of months', () => {
  test.each<[LostImports, number, number | null, number]>([
    // [lost, months, tonnes = lostTonnes / 12 * months, usd = lostUsd / 12 * months]
    [JPN, 3, 600, 30_000_000], // 2400 / 12 = 200 t a month; 120 M / 12 = 10 M a month
    [JPN, 12, 2400, 120_000_000],
    [DEU, 6, 300, 30_000_000], // 50 t and 5 M a month
    [DEU, 0, 0, 0],
    [USA, 6, null, 18_000_000], // tonnes unknown: unknown, not zero
  ])('%o for %i months', (lost, months, tonnes, usd) => {
    expect(stockpileNeed(lost, months)).toMatchObject({ importer: lost.importer, months, tonnes, usd });
  });
  test('a lower bound from the lost flows that have tonnes, and the share of value without', () => {
    // 1,200 t known of 48 M lost; 12 M of the lost value has no quantity: 6 months -> at least 600 t, 25% unknown.
    const need = stockpileNeed(
      { importer: 'JPN', lostUsd: 48e6, lostTonnes: null, lostTonnesAtLeast: 1200, lostUsdNoTonnes: 12e6 },
      6,
    );
    expect(need).toEqual({
      importer: 'JPN',
      months: 6,
      tonnes: null,
      usd: 24e6,
      tonnesAtLeast: 600,
      unquantifiedShare: 0.25,
    });
  });
});

describe('months a stockpile covers', () => {
  test.each<[LostImports, number, number | null]>([
    // [lost, stockpile tonnes, months = stockpile / (lostTonnes / 12)]
    [JPN, 1000, 5], // 1000 / 200
    [JPN, 100, 0.5],
    [DEU, 600, 12],
    [DEU, 0, 0],
    [USA, 1000, null],
    [KOR, 10, Infinity],
  ])('%o with %i t', (lost, stockpile, months) => {
    expect(monthsCovered(lost, stockpile)).toBe(months);
  });
});

describe('a partner set together', () => {
  const rows = [JPN, DEU, USA, KOR];

  test('all tonnes known: sums and a joint stockpile', () => {
    // (2400 + 600) / 12 = 250 t a month; (120 M + 60 M) / 12 = 15 M a month.
    expect(partnerStockpile(rows, new Set(['JPN', 'DEU', 'FRA']), 4, 1000)).toEqual({
      importers: ['DEU', 'JPN'],
      months: 4,
      tonnes: 1000,
      tonnesKnown: 1000,
      tonnesUnknown: [],
      usd: 60_000_000,
      monthsCovered: 4,
    });
  });

  test('a partner with unknown tonnes makes the set unknown; the known part is kept as a lower bound', () => {
    expect(partnerStockpile(rows, new Set(['JPN', 'USA']), 6, 1000)).toEqual({
      importers: ['JPN', 'USA'],
      months: 6,
      tonnes: null,
      tonnesKnown: 1200,
      tonnesUnknown: ['USA'],
      usd: 78_000_000, // (120 M + 36 M) / 2
      monthsCovered: null,
    });
  });

  test('an empty set needs nothing and any stockpile lasts', () => {
    const r = partnerStockpile(rows, new Set(['BRA']), 6, 10);
    expect([r.tonnes, r.usd, r.monthsCovered]).toEqual([0, 0, Infinity]);
  });
});

describe('from scenario results', () => {
  const result = (change: Partial<ImporterResult>): ImporterResult => ({
    importer: 'JPN',
    beforeUsd: 100,
    afterUsd: 40,
    lostUsd: 60,
    lossShare: 0.6,
    beforeTonnes: 10,
    afterTonnes: 4,
    tonnesComplete: true,
    lostTonnes: 6,
    lostTonnesAtLeast: 6,
    lostUsdNoTonnes: 0,
    topRemaining: [],
    ...change,
  });
  test.each<[Partial<ImporterResult>, number | null]>([
    [{}, 6],
    [{ lostTonnes: null }, null],
    // A remaining flow without tonnes does not hide the lost flows' own tonnes.
    [{ beforeTonnes: null, afterTonnes: null, tonnesComplete: false }, 6],
  ])('lost tonnes of %o', (change, lostTonnes) => {
    expect(lostImportsOf(result(change))).toMatchObject({ importer: 'JPN', lostUsd: 60, lostTonnes });
  });
});
