// The year worker's path (packet built off the page, moved, rebuilt) gives the page's counts, legend and figures.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFlows, type DataProblem } from '../../src/data/load';
import { parseCountries, parseMinerals } from '../../src/data/records';
import { buildFlowTable, type FlowTable } from '../../src/derive/flow-table';
import { packetTransfer, packYear, unpackYear, type ParsedYear } from '../../src/derive/year-packet';
import { FOCUS_ROLES, RISK_MODES } from '../../src/model/filters';
import { CONTROL_READINGS } from '../../src/model/measures';
import { PRODUCT_CHOICES } from '../../src/model/products';
import { selectFacets } from '../../src/state/facets';
import {
  selectDrawnFlows,
  selectFilterIndex,
  selectFlowTable,
  selectPassingFlows,
} from '../../src/state/selectors';
import { actions, createAppStore, type AppStore, type StaticData } from '../../src/state/store';
import { viewSummary } from '../../src/ui/counts';
import { productsOf, syntheticFlowFile } from '../bench/synthetic';

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const problems: DataProblem[] = [];
const countries = await parseCountries(json('public/data/countries.json'), 'countries', problems);
const minerals = await parseMinerals(json('public/data/minerals.json'), 'minerals', problems);
const data: StaticData = {
  countries: new Map(countries.map((c) => [c.iso3, c])),
  minerals,
  sites: [],
  manifest: null,
};
const known = new Set(data.countries.keys());

/** The worker's side and the move (structured clone with the buffers transferred), then the page's side. */
function throughWorker(parsed: ParsedYear, store: AppStore) {
  const s = store.getState();
  const index = selectFilterIndex(s);
  const packet = packYear(parsed, index, s.filters.controls);
  const moved = structuredClone(packet, { transfer: packetTransfer(packet) });
  // Moved, not copied: the worker's arrays are detached.
  expect(packet.valueUsd.length).toBe(0);
  const { year, table } = unpackYear(moved);
  return { year, table: { index, reading: s.filters.controls, table } };
}

function stores(parsed: ParsedYear, viaWorker: () => ParsedYear) {
  const page = createAppStore();
  actions.setData(page, data);
  actions.setFilters(page, { year: parsed.year });
  actions.yearLoaded(page, parsed);
  const worker = createAppStore();
  actions.setData(worker, data);
  actions.setFilters(worker, { year: parsed.year });
  const moved = throughWorker(viaWorker(), worker);
  actions.yearLoaded(worker, { ...moved.year, table: moved.table });
  return { page, worker };
}

function sameTable(a: FlowTable, b: FlowTable) {
  expect(b.flows.map((f) => f.id)).toEqual(a.flows.map((f) => f.id));
  expect(b.flows.map((f) => [f.valueUsd, f.tonnes, f.risk, f.year])).toEqual(
    a.flows.map((f) => [f.valueUsd, f.tonnes, f.risk, f.year]),
  );
  for (const k of [
    'value',
    'usd',
    'mineral',
    'risk',
    'exporter',
    'importer',
    'exporterShare',
    'importerDependence',
  ] as const)
    expect([...b[k]], k).toEqual([...a[k]]);
  expect(b.byMineral.map((x) => [...x])).toEqual(a.byMineral.map((x) => [...x]));
}

const filterState = fc.record({
  minerals: fc.subarray(
    minerals.map((m) => m.id),
    { minLength: 1, maxLength: 4 },
  ),
  risk: fc.constantFrom(...RISK_MODES),
  focus: fc.constantFrom(null, 'CHN', 'JPN', 'USA', 'DEU', 'AUS'),
  role: fc.constantFrom(...FOCUS_ROLES),
  minValueUsd: fc.constantFrom(0, 1e5, 1e7),
  controls: fc.constantFrom(...CONTROL_READINGS),
  product: fc.constantFrom(...PRODUCT_CHOICES),
  showAllFlows: fc.boolean(),
});

/** What a reader sees of the flows: the counts, the drawn set and the hidden rest, the facet counts, the figures. */
function seen(store: AppStore) {
  const s = store.getState();
  const drawn = selectDrawnFlows(s);
  const facets = selectFacets(s);
  const passing = selectPassingFlows(s);
  return {
    drawn: drawn.shown.map((f) => f.id),
    hidden: drawn.hiddenCount,
    cutoff: drawn.cutoff,
    facets: {
      minerals: [...facets.minerals],
      products: [...facets.products],
      risk: facets.risk,
      reasons: [...facets.reasons],
    },
    summary: viewSummary(passing),
    summaryJa: viewSummary(passing, 'ja'),
  };
}

describe.each([
  ['real data, 2024', () => json('public/data/flows-2024.json')],
  ['real data, 2018 (top partners only)', () => json('public/data/flows-2018.json')],
  [
    'synthetic, 20,000 rows in random order',
    () =>
      syntheticFlowFile({
        count: 20_000,
        seed: 20_261_203,
        year: 2024,
        countries: countries.map((c) => c.iso3),
        products: productsOf(json('public/data/minerals.json') as Parameters<typeof productsOf>[0]),
      }),
  ],
])('year worker path, %s', (_name, file) => {
  const parse = async () => parseFlows(file(), 'flows', known, []);

  test('the table moved from the worker is the page-built table, row for row', async () => {
    const parsed = await parse();
    const store = createAppStore();
    actions.setData(store, data);
    const { table: moved } = throughWorker(await parse(), store);
    const s = store.getState();
    sameTable(
      buildFlowTable(parsed.flows, selectFilterIndex(s), parsed.codes, s.filters.controls),
      moved.table,
    );
  });

  test('random filter states: same counts, drawn flows, facets and figures on both paths', async () => {
    const parsed = await parse();
    const again = await parse();
    const { page, worker } = stores(parsed, () => again);
    expect(selectFlowTable(worker.getState())).toBe(worker.getState().years[parsed.year]?.table?.table);
    fc.assert(
      fc.property(filterState, ({ showAllFlows, ...patch }) => {
        for (const st of [page, worker]) {
          actions.setFilters(st, patch);
          st.setState({ filters: { ...st.getState().filters, showAllFlows } });
        }
        expect(seen(worker)).toEqual(seen(page));
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});
