// The columnar flow table agrees with the object-based definitions: shares, dependence, facet counts, ordering.
import { parseCountries } from '../../src/data/records';
import { flowFacets } from '../../src/derive/flow-facets';
import { selectFlowRows } from '../../src/derive/flow-selection';
import { flowPasses } from './reference/filter';
import { RISK_REASONS, type FilterSpec } from '../../src/model/filters';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFlows } from '../../src/data/load';
import {
  arcBuffersFor,
  arcDatum,
  arcStyle,
  buildArcBuffers,
  EndpointCache,
} from '../../src/derive/arc-buffers';
import { buildFilterIndex, defaultFilterSpec } from '../../src/derive/filter';
import { buildFlowTable, countAtLeast } from '../../src/derive/flow-table';
import { exporterShares, importerDependence, shareColor } from '../../src/derive/flows';
import { readRisk, RISK_BITS } from '../../src/derive/risk-codes';
import type { Flow } from '../../src/model/types';
import { productRefs } from '../../src/derive/products';
import { PRODUCT_CHOICES } from '../../src/model/products';
import type { Mineral } from '../../src/model/types';

const countries = (
  JSON.parse(readFileSync('public/data/countries.json', 'utf8')) as { countries: { iso3: string }[] }
).countries.map((c) => c.iso3);
const mineralList = (JSON.parse(readFileSync('public/data/minerals.json', 'utf8')) as { minerals: Mineral[] })
  .minerals;
const minerals = mineralList.map((m) => m.id);
const parsed2022 = await parseFlows(
  JSON.parse(readFileSync('public/data/flows-2022.json', 'utf8')),
  'flows',
  new Set(countries),
  [],
);
const flows = parsed2022.flows;
const countryList = await parseCountries(
  JSON.parse(readFileSync('public/data/countries.json', 'utf8')),
  'countries',
  [],
);
const index = buildFilterIndex(countries, minerals, productRefs(mineralList));
const table = buildFlowTable(flows, index);

describe('buildFlowTable', () => {
  test('rows are every flow, largest float32 value first', () => {
    expect(table.flows.length).toBe(flows.length);
    expect(new Set(table.flows)).toEqual(new Set(flows));
    for (let r = 1; r < table.value.length; r++)
      expect(table.value[r - 1] ?? 0).toBeGreaterThanOrEqual(table.value[r] ?? 0);
    // Each series' rows: rare-earth magnets under the mineral's own index, compounds and metals under theirs.
    for (const [key, hs] of [
      ['rare-earths', ['850511']],
      ['rare-earths:compounds', ['284610', '284690']],
      ['rare-earths:metals', ['280530']],
    ] as const) {
      const m = index.mineral.get(key) ?? -1;
      const rows = [...(table.byMineral[m] ?? [])].map((r) => table.flows[r]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(
        table.flows.filter((f) => f.mineral === 'rare-earths' && (hs as readonly string[]).includes(f.hs)),
      );
    }
  });
  test('ties keep file order (packed-key sort), -0 sorts as 0', () => {
    const mk = (v: number, i: number) => ({ ...(flows[0] as Flow), valueUsd: v, hs: String(i) });
    const t = buildFlowTable([5, 7, 5, 0, 7, -0, 1e9].map(mk), index);
    expect(t.flows.map((f) => f.hs)).toEqual(['6', '1', '4', '0', '2', '3', '5']);
  });
  test('a file already in table order keeps it; the same flows shuffled give the same table', () => {
    for (let r = 1; r < flows.length; r++)
      expect((flows[r - 1] as Flow).valueUsd).toBeGreaterThanOrEqual((flows[r] as Flow).valueUsd);
    expect(table.flows).toEqual(flows);
    // Reversed: the sort runs (equal values come back in reversed file order, as the tie rule says).
    const reversed = buildFlowTable([...flows].reverse(), index);
    expect([...reversed.value]).toEqual([...table.value]);
    expect(new Set(reversed.flows)).toEqual(new Set(flows));
  });
  test("built from the loader's dictionary codes: the same table as from the flows' strings", () => {
    const fromCodes = buildFlowTable(flows, index, parsed2022.codes);
    for (const k of ['value', 'usd', 'mineral', 'risk', 'exporter', 'importer'] as const)
      expect([...fromCodes[k]]).toEqual([...table[k]]);
    expect(fromCodes.flows).toEqual(table.flows);
    expect(fromCodes.byMineral.map((l) => [...l])).toEqual(table.byMineral.map((l) => [...l]));
    expect([...fromCodes.exporterShare]).toEqual([...table.exporterShare]);
    expect([...fromCodes.importerDependence]).toEqual([...table.importerDependence]);
    // Codes for other flows (wrong length) are ignored.
    const few = buildFlowTable(flows.slice(0, 10), index, parsed2022.codes);
    expect([...few.exporter]).toEqual([...buildFlowTable(flows.slice(0, 10), index).exporter]);
  });
  test('repeated (HS code, exporter, importer) rows count together in the importer dependence', () => {
    const base = flows[0] as Flow;
    const mk = (mineral: string, v: number) => ({ ...base, mineral, valueUsd: v });
    const rival = base.exporter === 'AUS' ? 'CAN' : 'AUS';
    const other = { ...base, exporter: rival, valueUsd: 600 };
    const t = buildFlowTable([mk('rare-earths', 300), mk('lithium', 100), other], index);
    const r = t.flows.findIndex((f) => f.valueUsd === 300);
    // The two rows of the same triple are 400 of the importer's 1000 (not 300): dependence 0.4 for each.
    expect(t.importerDependence[r]).toBeCloseTo(0.4, 6);
    expect(t.importerDependence[t.flows.findIndex((f) => f.valueUsd === 100)]).toBeCloseTo(0.4, 6);
    expect(t.exporterShare[r]).toBeCloseTo(400 / 1000, 6);
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
    controls: fc.constant('today'),
    product: fc.constantFrom(...PRODUCT_CHOICES),
  }) as fc.Arbitrary<FilterSpec>;
  test('counts equal flowPasses with the facet’s own filter lifted (seeded)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const facets = flowFacets(table, spec, index);
        // Per series: its mineral with its product group chosen (rare-earths:compounds = compounds).
        for (const [key, i] of index.mineral) {
          const [id = key] = key.split(':');
          const group = [...(index.groups.get(id) ?? [])].find(([, k]) => k === i)?.[0];
          expect(facets.mineralFlows[i]).toBe(
            flows.filter((f) => flowPasses(f, { ...spec, minerals: [id], product: group ?? spec.product }))
              .length,
          );
        }
        for (const risk of ['all', 'china', 'no-china'] as const)
          expect(facets.risk[risk]).toBe(flows.filter((f) => flowPasses(f, { ...spec, risk })).length);
        const inView = flows.filter((f) => flowPasses(f, { ...spec, risk: 'all' }));
        RISK_REASONS.forEach((reason, k) =>
          expect(facets.reasons[k]).toBe(
            inView.filter((f) => (readRisk(f.risk, spec.controls) & RISK_BITS[reason]) !== 0).length,
          ),
        );
        // The shown flows come largest first.
        const shown = selectFlowRows(table, spec, index, 0.95).shown.map((f) => Math.fround(f.valueUsd));
        expect(shown).toEqual([...shown].sort((a, b) => b - a));
      }),
      { seed: 11, numRuns: 10 },
    );
  });
});

describe('arc buffers and style', () => {
  const countryInfo = new Map(countryList.map((c) => [c.iso3, c]));
  const m = index.mineral.get('rare-earths') ?? -1;
  const b = buildArcBuffers(table, m, countryInfo, new EndpointCache(countryInfo.size));
  test('one arc per drawable flow of the mineral, largest first, end points the short way', () => {
    expect(b.length).toBe(table.byMineral[m]?.length);
    for (let k = 1; k < b.length; k++) expect(b.value[k - 1] ?? 0).toBeGreaterThanOrEqual(b.value[k] ?? 0);
    const k = [...b.rows].findIndex(
      (r) => table.flows[r]?.exporter === 'AUS' && table.flows[r]?.importer === 'USA',
    );
    const d = arcDatum(table, b, k);
    expect(d?.flow.exporter).toBe('AUS');
    // Australia -> United States crosses the Pacific: the target longitude is shifted east past 180.
    expect(d?.target[0] ?? 0).toBeGreaterThan(180);
  });
  test('built down to a threshold: the same arcs as the full build, as a prefix; deepened when drawn below it', () => {
    const ends = new EndpointCache(countryInfo.size);
    const min = b.value[150] ?? 0;
    const part = buildArcBuffers(table, m, countryInfo, ends, min);
    const want = countAtLeast(b.value, min);
    expect(part.length).toBe(want);
    expect(part.length).toBeLessThan(b.length / 4);
    expect([...part.rows]).toEqual([...b.rows.subarray(0, want)]);
    expect([...part.sourcePositions]).toEqual([...b.sourcePositions.subarray(0, 3 * want)]);
    expect([...part.filterValues]).toEqual([...b.filterValues.subarray(0, 4 * want)]);
    expect(part.rest).toBeLessThan(min);
    // Covered thresholds reuse the buffers; a lower one builds at least twice as deep; -Infinity builds all.
    expect(arcBuffersFor(part, table, m, countryInfo, ends, min)).toBe(part);
    expect(arcBuffersFor(part, table, m, countryInfo, ends, b.value[10] ?? 0)).toBe(part);
    const deeper = arcBuffersFor(part, table, m, countryInfo, ends, b.value[want + 1] ?? 0);
    expect(deeper.length).toBeGreaterThanOrEqual(2 * part.length);
    expect([...deeper.rows]).toEqual([...b.rows.subarray(0, deeper.length)]);
    const all = arcBuffersFor(deeper, table, m, countryInfo, ends, -Infinity);
    expect(all.length).toBe(b.length);
    expect(all.rest).toBe(-Infinity);
    expect(arcBuffersFor(all, table, m, countryInfo, ends, -Infinity)).toBe(all);
  });
  test('colours follow the share ramp (within one unit), lost flows are grey and faint', () => {
    const lostId = table.flows[b.rows[0] ?? 0]?.id;
    const style = arcStyle(table, b, 'exporter-share', 'usd', (f) => f.id === lostId);
    expect([...style.sourceColors.subarray(0, 4)]).toEqual([150, 150, 150, Math.round(235 / 3.5)]);
    for (let k = 1; k < Math.min(b.length, 200); k++) {
      const want = shareColor(b.exporterShare[k] ?? 0);
      for (let c = 0; c < 3; c++)
        expect(Math.abs((style.sourceColors[4 * k + c] ?? 0) - (want[c] ?? 0))).toBeLessThanOrEqual(1);
      expect(style.sourceColors[4 * k + 3]).toBe(235);
      expect(style.targetColors[4 * k + 3]).toBe(120);
    }
  });
});
