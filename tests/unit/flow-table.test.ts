// The columnar flow table agrees with the object-based definitions: shares, dependence, facet counts, ordering.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFlows } from '../../src/data/load';
import { buildFilterIndex, defaultFilterSpec, flowPasses, type FilterSpec } from '../../src/derive/filter';
import { buildFlowTable, countAtLeast, flowFacets, selectFlowRows } from '../../src/derive/flow-table';
import { exporterShares, importerDependence } from '../../src/derive/flows';
import { RISK_BITS } from '../../src/derive/risk-codes';
import { RISK_REASONS } from '../../src/derive/route-risk';

const countries = (
  JSON.parse(readFileSync('public/data/countries.json', 'utf8')) as { countries: { iso3: string }[] }
).countries.map((c) => c.iso3);
const minerals = (
  JSON.parse(readFileSync('public/data/minerals.json', 'utf8')) as { minerals: { id: string }[] }
).minerals.map((m) => m.id);
const flows = parseFlows(
  JSON.parse(readFileSync('public/data/flows-2022.json', 'utf8')),
  'flows',
  new Set(countries),
  [],
).flows;
const index = buildFilterIndex(countries, minerals);
const table = buildFlowTable(flows, index);

describe('buildFlowTable', () => {
  test('rows are every flow, largest float32 value first', () => {
    expect(table.flows.length).toBe(flows.length);
    expect(new Set(table.flows)).toEqual(new Set(flows));
    for (let r = 1; r < table.value.length; r++)
      expect(table.value[r - 1] ?? 0).toBeGreaterThanOrEqual(table.value[r] ?? 0);
    const m = index.mineral.get('rare-earths') ?? -1;
    expect([...(table.byMineral[m] ?? [])].map((r) => table.flows[r]?.mineral)).toEqual(
      table.flows.filter((f) => f.mineral === 'rare-earths').map((f) => f.mineral),
    );
  });
  test('share and dependence columns equal exporterShares and importerDependence', () => {
    const shares = exporterShares(flows);
    const dep = importerDependence(flows);
    table.flows.forEach((f, r) => {
      expect(table.exporterShare[r]).toBeCloseTo(shares.get(`${f.hs}|${f.exporter}`) ?? NaN, 6);
      expect(table.importerDependence[r]).toBeCloseTo(
        dep.get(`${f.hs}|${f.exporter}|${f.importer}`) ?? NaN,
        6,
      );
    });
  });
});

describe('selectFlowRows', () => {
  test('one or two minerals (row lists instead of a full scan) keep what flowPasses keeps, largest first', () => {
    const base = defaultFilterSpec([]);
    for (const [i, id] of minerals.entries()) {
      for (const chosen of [[id], [id, minerals[(i + 5) % minerals.length] ?? id]]) {
        const spec = { ...base, minerals: chosen, minValueUsd: 1e4 };
        const want = table.flows.filter((f) => flowPasses(f, spec));
        const got = selectFlowRows(table, spec, index, 1);
        expect(got.shown).toEqual(want);
        expect(got.hiddenCount).toBe(0);
      }
    }
  });
});

describe('countAtLeast', () => {
  test.each([
    [[5, 4, 4, 1], 4, 3],
    [[5, 4, 4, 1], 4.5, 1],
    [[5, 4, 4, 1], 0, 4],
    [[5, 4, 4, 1], 6, 0],
    [[], 1, 0],
  ])('%j >= %d -> %d', (values, min, n) => {
    expect(countAtLeast(Float32Array.from(values), min)).toBe(n);
  });
});

describe('flowFacets', () => {
  const subset = <T>(all: readonly T[]) => fc.subarray([...all], { minLength: 0 });
  const specArb: fc.Arbitrary<FilterSpec> = fc.record({
    minerals: subset(minerals),
    kinds: fc.constant(defaultFilterSpec([]).kinds),
    statuses: fc.constant(defaultFilterSpec([]).statuses),
    focus: fc.option(fc.constantFrom('CHN', 'USA', 'JPN', 'DEU'), { nil: null }),
    role: fc.constantFrom('exporter', 'importer', 'either'),
    minValueUsd: fc.constantFrom(0, 1e6, 5e7),
    risk: fc.constantFrom('all', 'china', 'no-china'),
    reasons: subset(RISK_REASONS),
  }) as fc.Arbitrary<FilterSpec>;
  test('counts equal flowPasses with the facet’s own filter lifted (seeded)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const facets = flowFacets(table, spec, index);
        for (const [id, i] of index.mineral)
          expect(facets.mineralFlows[i]).toBe(
            flows.filter((f) => flowPasses(f, { ...spec, minerals: [id] })).length,
          );
        for (const risk of ['all', 'china', 'no-china'] as const)
          expect(facets.risk[risk]).toBe(flows.filter((f) => flowPasses(f, { ...spec, risk })).length);
        const inView = flows.filter((f) => flowPasses(f, { ...spec, risk: 'all' }));
        RISK_REASONS.forEach((reason, k) =>
          expect(facets.reasons[k]).toBe(inView.filter((f) => (f.risk & RISK_BITS[reason]) !== 0).length),
        );
        // The shown flows come largest first.
        const shown = selectFlowRows(table, spec, index, 0.95).shown.map((f) => Math.fround(f.valueUsd));
        expect(shown).toEqual([...shown].sort((a, b) => b - a));
      }),
      { seed: 11, numRuns: 10 },
    );
  });
});
