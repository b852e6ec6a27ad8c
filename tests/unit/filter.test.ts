// The map and the panels agree: GPU filter uniforms (simulated as DataFilterExtension applies them) keep exactly what the CPU predicates keep.
import { parseCountries } from '../../src/data/records';
import { selectFlowRows } from '../../src/derive/flow-selection';
import { flowPasses, legibleCutoff } from './reference/filter';
import { RISK_REASONS, type FilterSpec } from '../../src/model/filters';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFlows, parseSites } from '../../src/data/load';
import { buildSiteBuffers, UNKNOWN_MINERAL_CATEGORY } from '../../src/derive/site-buffers';
import { arcBuffersFor, EndpointCache, type ArcBuffers } from '../../src/derive/arc-buffers';
import { buildFlowTable, countAtLeast } from '../../src/derive/flow-table';
import {
  buildFilterIndex,
  defaultFilterSpec,
  flowFilterCategory,
  flowGpuFilter,
  MAX_CATEGORIES,
  riskPasses,
  siteGpuFilter,
  sitePasses,
} from '../../src/derive/filter';
import { SITE_KINDS, SITE_STATUSES, type Flow } from '../../src/model/types';
import { productRefs } from '../../src/derive/products';
import { PRODUCT_CHOICES } from '../../src/model/products';
import type { Mineral } from '../../src/model/types';

const sites = await parseSites(JSON.parse(readFileSync('public/data/sites.geojson', 'utf8')), 'sites', []);
const countries = (
  JSON.parse(readFileSync('public/data/countries.json', 'utf8')) as { countries: { iso3: string }[] }
).countries.map((c) => c.iso3);
const flows = (
  await parseFlows(
    JSON.parse(readFileSync('public/data/flows-2024.json', 'utf8')),
    'flows',
    new Set(countries),
    [],
  )
).flows;
const mineralList = (JSON.parse(readFileSync('public/data/minerals.json', 'utf8')) as { minerals: Mineral[] })
  .minerals;
const minerals = mineralList.map((m) => m.id);
const index = buildFilterIndex(countries, minerals, productRefs(mineralList));
const siteBuffers = buildSiteBuffers(sites, index);

/** DataFilterExtension's numeric test: every value within its [min, max] (float32). */
function inRanges(value: number[], ranges: [number, number][]): boolean {
  return value.every((v, i) => {
    const [lo, hi] = ranges[i] ?? [0, 0];
    return Math.fround(v) >= Math.fround(lo) && Math.fround(v) <= Math.fround(hi);
  });
}

const table = buildFlowTable(flows, index);
const countryInfo = new Map(
  (await parseCountries(JSON.parse(readFileSync('public/data/countries.json', 'utf8')), 'countries', [])).map(
    (c) => [c.iso3, c],
  ),
);
// As the app keeps them (src/layers/arc-sets.ts): per mineral, built down to the threshold drawn and deepened when
// a later filter draws below it. The random filters run in sequence over the same buffers.
const bufferCache = new Map<number, ArcBuffers>();
const ends = new EndpointCache(countryInfo.size);
const buffers = (m: number, minValue: number): ArcBuffers => {
  const b = arcBuffersFor(bufferCache.get(m), table, m, countryInfo, ends, minValue);
  bufferCache.set(m, b);
  return b;
};

/** DataFilterExtension semantics: every numeric value within its [min, max] (float32) and every category listed. */
function gpuKeeps(
  value: number[],
  category: number[],
  part: { filterRange: [number, number][]; filterCategories: number[][] },
): boolean {
  const inRange = value.every((v, i) => {
    const [lo, hi] = part.filterRange[i] ?? [0, 0];
    return Math.fround(v) >= Math.fround(lo) && Math.fround(v) <= Math.fround(hi);
  });
  return inRange && category.every((c, i) => (part.filterCategories[i] ?? []).includes(c));
}

const subset = <T>(all: readonly T[]) => fc.subarray([...all], { minLength: 0 });
const specArb: fc.Arbitrary<FilterSpec> = fc.record({
  minerals: subset(minerals),
  kinds: subset(SITE_KINDS),
  statuses: subset(SITE_STATUSES),
  focus: fc.option(fc.constantFrom('CHN', 'USA', 'JPN', 'DEU', 'KOR', 'AUS', 'MYS', 'ZZZ'), { nil: null }),
  role: fc.constantFrom('exporter', 'importer', 'either'),
  minValueUsd: fc.constantFrom(0, 1e3, 1e6, 5e7, 1e9),
  risk: fc.constantFrom('all', 'china', 'no-china'),
  reasons: subset(RISK_REASONS),
  // The table and buffers below are read for today's controls (the flow-year reading has its own test).
  controls: fc.constant('today'),
  product: fc.constantFrom(...PRODUCT_CHOICES),
}) as fc.Arbitrary<FilterSpec>;

describe('CPU predicate and GPU filter agree', () => {
  test('the flow-year reading: a table read for it keeps what flowPasses keeps (seeded)', () => {
    const yearTable = buildFlowTable(flows, index, undefined, 'flow-year');
    fc.assert(
      fc.property(specArb, (spec) => {
        const f = { ...spec, controls: 'flow-year' as const };
        const passing = flows.filter((x) => flowPasses(x, f));
        expect(selectFlowRows(yearTable, f, index, 1).passingRows.length).toBe(passing.length);
      }),
      { seed: 5, numRuns: 40 },
    );
  });
  test('flows, for random filters and legibility cut-offs (seeded)', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom(0.95, 1), (spec, fraction) => {
        // The specification: flowPasses, then legibleCutoff over what passes.
        const passing = flows.filter((f) => flowPasses(f, spec));
        const cutoff = legibleCutoff(passing, fraction);
        const cpu = new Set(
          passing.filter((f) => Math.fround(f.valueUsd) >= Math.fround(cutoff)).map((f) => f.id),
        );
        // The fast CPU path (value-sorted table) draws the same flows with the same cut-off.
        const sel = selectFlowRows(table, spec, index, fraction);
        expect(sel.cutoff).toBe(cutoff);
        expect(new Set(sel.shown.map((f) => f.id))).toEqual(cpu);
        expect(sel.passingRows.length).toBe(passing.length);
        // The GPU: one layer per selected mineral drawing the prefix at or above minValue, then the uniforms.
        const gpu = flowGpuFilter(spec, index, sel.cutoff);
        const kept = new Set<string>();
        for (const m of gpu.minerals) {
          const b = buffers(m, gpu.minValue);
          const count = countAtLeast(b.value, gpu.minValue);
          for (let k = 0; k < count; k++) {
            const values = [0, 1, 2].map((d) => b.filterValues[4 * k + d] ?? NaN);
            const code = b.riskCodes[k] ?? -1;
            if (gpu.codes.includes(code) && gpu.parts.some((p) => inRanges(values, p.filterRange)))
              kept.add(table.flows[b.rows[k] ?? -1]?.id ?? '?');
          }
        }
        expect(kept).toEqual(cpu);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
  test('sites, for random filters (seeded): a site shows when any of its instances passes the GPU filter', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const cpu = sites.filter((s) => sitePasses(s, spec)).map((s) => s.id);
        const gpu = siteGpuFilter(spec, index);
        // The typed attributes the layer draws (derive/site-buffers.ts); each category value is its own bit.
        const shown = new Set<string>();
        for (let k = 0; k < siteBuffers.length; k++) {
          const category = [...siteBuffers.categories.subarray(3 * k, 3 * k + 3)];
          if (gpuKeeps([siteBuffers.filterValues[k] ?? NaN], category, gpu))
            shown.add(siteBuffers.site[k]?.id ?? '?');
        }
        expect(sites.filter((s) => shown.has(s.id)).map((s) => s.id)).toEqual(cpu);
      }),
      { seed: 7, numRuns: 60 },
    );
  });
  test("every category dimension stays within deck.gl's DataFilterExtension limits", () => {
    // Sites: 3 category dimensions (limit 32 each), each value its own bit: every value below 32, and mineral
    // indexes below the bit reserved for unknown minerals.
    expect(Math.max(...siteBuffers.categories)).toBeLessThan(MAX_CATEGORIES[3] ?? 0);
    expect(index.mineral.size).toBeLessThanOrEqual(UNKNOWN_MINERAL_CATEGORY);
    expect(siteBuffers.length).toBe(sites.reduce((n, x) => n + x.minerals.length, 0));
    // Sea lanes: 2 (limit 64 each); arcs: the risk code is its own bit (0..31, limit 128 with one dimension).
    const flowDims = [0, 1].map(
      (d) => new Set(flows.map((f) => flowFilterCategory(f, index, 'today')[d])).size,
    );
    for (const n of flowDims) expect(n).toBeLessThanOrEqual(MAX_CATEGORIES[2] ?? 0);
    expect(Math.max(...flows.map((f) => f.risk))).toBeLessThan(MAX_CATEGORIES[1] ?? 0);
  });
});

describe('risk filter', () => {
  test('china and no-china partition all, for any set of enabled reasons', () => {
    for (let mask = 0; mask < 16; mask++) {
      for (let code = 0; code < 32; code++) {
        expect(riskPasses(code, 'china', mask) !== riskPasses(code, 'no-china', mask)).toBe(true);
        expect(riskPasses(code, 'all', mask)).toBe(true);
      }
    }
  });
  test('counts of china + no-china equal all on the real 2024 rare-earth flows', () => {
    const base = defaultFilterSpec(['rare-earths']);
    const n = (risk: FilterSpec['risk']) => flows.filter((f) => flowPasses(f, { ...base, risk })).length;
    expect(n('china') + n('no-china')).toBe(n('all'));
    expect(n('china')).toBeGreaterThan(0);
    expect(n('no-china')).toBeGreaterThan(0);
  });
});

describe('legibleCutoff', () => {
  const mk = (v: number, i: number): Flow => ({
    id: String(i),
    year: 2024,
    exporter: 'A',
    importer: 'B',
    mineral: 'm',
    hs: '000000',
    valueUsd: v,
    tonnes: null,
    risk: 0,
  });
  test.each([
    [[900, 60, 30, 10], 0.95, 60],
    [[900, 60, 30, 10], 0.5, 900],
    [[900, 60, 30, 10], 1, 0],
    [[5, 5, 5, 5], 0.95, 5],
    [[], 0.95, 0],
  ])('%j at %f -> %d', (values, fraction, cutoff) => {
    expect(legibleCutoff(values.map(mk), fraction)).toBe(cutoff);
  });
});
