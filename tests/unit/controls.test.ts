// Unit tests for export controls over time: in-force logic on dates, coverage on the real table, and the controls scenario.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCountryIndex } from '../../data/pipeline/countries';
import { loadMeasures } from '../../data/pipeline/measures';
import { FIXTURE_RAW_DIR } from '../../data/pipeline/raw-dir';
import { runPipeline } from '../../data/pipeline/run';
import { loadCuratedMinerals } from '../../data/pipeline/stages/minerals';
import { parseFlows, type DataProblem } from '../../src/data/load';
import { parseCountries } from '../../src/data/records';
import {
  controlBits,
  controlsOn,
  inForceDuringYear,
  inForceOn,
  measureCovers,
  measureStatus,
  type Trade,
} from '../../src/derive/controls';
import { CONTROL_BIT_IN_YEAR, CONTROL_BIT_TODAY } from '../../src/derive/risk-codes';
import { isFlowLost, scenarioResults } from '../../src/derive/scenario';
import type { Measure, MeasureStatus } from '../../src/model/measures';

const CURATED = 'data/curated';
const countries = loadCountryIndex(FIXTURE_RAW_DIR, CURATED);
const table = loadMeasures(
  CURATED,
  new Set(loadCuratedMinerals(CURATED).map((m) => m.id)),
  new Set(countries.names.keys()),
);
const ASOF = table.asOf;
const byId = (id: string): Measure => {
  const m = table.measures.find((x) => x.id.startsWith(id));
  if (m === undefined) throw new Error(`no measure ${id}`);
  return m;
};

/** A measure announced 2023-07-03, in force 2023-08-01; each case sets its later dates. */
const base: Measure = {
  id: 'test',
  country: 'CHN',
  issuer: 'x',
  announcementNo: 'x',
  announced: '2023-07-03',
  inForce: '2023-08-01',
  suspended: null,
  lifted: null,
  suspendedUntil: null,
  form: 'licence',
  minerals: ['gallium'],
  materials: 'x',
  hs: ['811292'],
  hsMapping: 'stated',
  destinations: null,
  sources: [{ publisher: 'x', title: 'x', year: 2023 }],
  checked: 'x',
  notes: '',
};
const SUSPENDED = { suspended: '2024-01-10', suspendedUntil: '2024-06-30' };

describe('measureStatus and inForceOn on dates', () => {
  test.each([
    ['before the announcement', {}, '2023-07-02', 'not-announced'],
    ['announced, not yet in force', {}, '2023-07-03', 'announced'],
    ['in force from its first day', {}, '2023-08-01', 'in-force'],
    ['in force years later', {}, '2026-12-03', 'in-force'],
    ['suspended from the suspension day', SUSPENDED, '2024-01-10', 'suspended'],
    ['suspended through suspendedUntil', SUSPENDED, '2024-06-30', 'suspended'],
    ['lapsed after suspendedUntil (not counted again)', SUSPENDED, '2024-07-01', 'lapsed'],
    ['lifted from the lifting day', { lifted: '2024-03-01' }, '2024-03-01', 'lifted'],
    ['in force the day before lifting', { lifted: '2024-03-01' }, '2024-02-29', 'in-force'],
    ['undated: announced, no in-force date', { inForce: null }, '2024-01-01', 'undated'],
    ['undated: no dates at all', { announced: null, inForce: null }, '2024-01-01', 'undated'],
  ] satisfies [string, Partial<Measure>, string, MeasureStatus][])('%s', (_n, change, date, status) => {
    const m = { ...base, ...change };
    expect(measureStatus(m, date)).toBe(status);
    expect(inForceOn(m, date)).toBe(status === 'in-force');
  });

  test('a suspension row is "in force" while it runs, lifted after, and never restricts', () => {
    const s: Measure = {
      ...base,
      form: 'suspension',
      inForce: '2025-11-07',
      announced: '2025-11-07',
      suspendedUntil: '2026-11-10',
    };
    expect(measureStatus(s, '2026-01-01')).toBe('in-force');
    expect(measureStatus(s, '2026-11-11')).toBe('lifted');
    for (const d of ['2025-11-07', '2026-01-01', '2026-12-03']) expect(inForceOn(s, d)).toBe(false);
    for (const y of [2025, 2026]) expect(inForceDuringYear(s, y)).toBe(false);
    expect(measureCovers(s, 'CHN', 'USA', '811292')).toBe(false);
  });
});

describe('inForceDuringYear boundaries', () => {
  test.each([
    ['in force from 12-31: counts for that year', { inForce: '2023-12-31' }, 2023, true],
    ['in force from 01-01 of the next year: not this year', { inForce: '2024-01-01' }, 2023, false],
    ['in force from 01-01: counts for that year', { inForce: '2024-01-01' }, 2024, true],
    ['lifted on 01-01: not that year', { lifted: '2024-01-01' }, 2024, false],
    ['lifted on 01-02: in force on 01-01', { lifted: '2024-01-02' }, 2024, true],
    [
      'suspended on 01-01: not that year',
      { suspended: '2024-01-01', suspendedUntil: '2024-12-31' },
      2024,
      false,
    ],
    ['lapsed suspension does not count later', SUSPENDED, 2025, false],
    ['no in-force date: never', { inForce: null }, 2024, false],
    ['suspended before it started: never', { suspended: '2023-07-31' }, 2023, false],
  ] satisfies [string, Partial<Measure>, number, boolean][])('%s', (_n, change, year, want) => {
    expect(inForceDuringYear({ ...base, ...change }, year)).toBe(want);
  });
});

describe('the real table', () => {
  const trade = (exporter: string, importer: string, hs: string, year: number): Trade => ({
    exporter,
    importer,
    hs,
    year,
  });
  const ids = (t: Trade, reading: 'today' | 'flow-year') =>
    controlsOn(table.measures, t, reading, ASOF).map((m) => m.id);

  test('2025 No. 18 (rare earths) is in force on the check date and not in 2024', () => {
    const m = byId('cn-2025-18');
    expect(inForceOn(m, ASOF)).toBe(true);
    expect(inForceDuringYear(m, 2024)).toBe(false);
    expect(inForceDuringYear(m, 2025)).toBe(true);
  });

  test('2025 No. 57 never applied (suspended 2025-11-07, before its 2025-11-08 start) and has lapsed by the check date', () => {
    const m = byId('cn-2025-57');
    for (const y of [2025, 2026]) expect(inForceDuringYear(m, y)).toBe(false);
    expect(measureStatus(m, '2025-11-08')).toBe('suspended');
    expect(measureStatus(m, ASOF)).toBe('lapsed');
    expect(inForceOn(m, ASOF)).toBe(false);
  });

  test('2023 No. 23 covers CHN -> JPN 811292 in 2024 under both readings', () => {
    const t = trade('CHN', 'JPN', '811292', 2024);
    expect(ids(t, 'flow-year')).toEqual(['cn-2023-23-gallium-germanium']);
    expect(ids(t, 'today')).toEqual(['cn-2023-23-gallium-germanium']);
    expect(controlBits(table.measures, t, ASOF)).toBe(CONTROL_BIT_IN_YEAR | CONTROL_BIT_TODAY);
  });

  test('2024 No. 46 covers CHN -> USA but not CHN -> JPN for its codes', () => {
    const m = byId('cn-2024-46');
    for (const hs of m.hs) {
      expect(measureCovers(m, 'CHN', 'USA', hs)).toBe(true);
      expect(measureCovers(m, 'CHN', 'JPN', hs)).toBe(false);
    }
    expect(ids(trade('CHN', 'USA', '811010', 2024), 'flow-year')).toContain(m.id);
    expect(ids(trade('CHN', 'USA', '811010', 2024), 'today')).not.toContain(m.id);
  });

  test.each([
    [
      'CHN natural graphite 250490 (the graphite measure names 250410, not 250490)',
      trade('CHN', 'USA', '250490', 2024),
    ],
    ["a Hong Kong exporter is not covered by China's measures", trade('HKG', 'USA', '850511', 2025)],
    ['DRC cobalt oxides 282200 in 2024', trade('COD', 'CHN', '282200', 2024)],
  ])('not controlled in the flow year: %s', (_n, t) => {
    expect(ids(t, 'flow-year')).toEqual([]);
  });

  test('no HKG flow is controlled under either reading', () => {
    expect(controlBits(table.measures, trade('HKG', 'USA', '850511', 2024), ASOF)).toBe(0);
    expect(controlBits(table.measures, trade('CHN', 'USA', '250490', 2024), ASOF)).toBe(0);
  });

  test('DRC cobalt 282200: the 2025 suspension and quota count in 2025, not in 2024; the quota today', () => {
    const t = trade('COD', 'CHN', '282200', 2025);
    expect(ids(t, 'flow-year')).toEqual([
      'cod-2025-arecoms-001-cobalt-export-suspension',
      'cod-2025-arecoms-004-cobalt-export-quota',
    ]);
    expect(ids(t, 'today')).toEqual(['cod-2025-arecoms-004-cobalt-export-quota']);
    expect(controlBits(table.measures, { ...t, year: 2024 }, ASOF)).toBe(CONTROL_BIT_TODAY);
  });
});

describe('the controls scenario on 2024 magnets (HS 850511), hand-counted from the committed BACI excerpt', () => {
  // The excerpt holds every 2024 HS 850511 row into USA, JPN, DEU and KOR (tests/fixtures/raw/README.md).
  const BACI = join(FIXTURE_RAW_DIR, 'critical-materials-atlas-baci/baci_full_fixtures/baci_2024.csv');
  const IMPORTERS = ['USA', 'JPN', 'DEU', 'KOR'];

  /** Per importer: all 850511 imports and those exported by CHN (HKG and MAC are not China's measures' exporter). */
  const hand = new Map<string, { total: number; fromChn: number }>();
  for (const line of readFileSync(BACI, 'utf8').split(/\r?\n/).slice(1)) {
    const [i, j, cmd, value] = line.split(',');
    if (cmd !== '850511' || j === undefined || !IMPORTERS.includes(j)) continue;
    const a = hand.get(j) ?? { total: 0, fromChn: 0 };
    const usd = Math.round(Number(value));
    a.total += usd;
    if (i === 'CHN') a.fromChn += usd;
    hand.set(j, a);
  }

  const out = mkdtempSync(join(tmpdir(), 'cmm-controls-'));
  runPipeline({
    rawDir: FIXTURE_RAW_DIR,
    curatedDir: CURATED,
    outDir: out,
    reportFile: join(out, 'REPORT.md'),
  });
  const read = (f: string): unknown => JSON.parse(readFileSync(join(out, f), 'utf8'));

  test.each(IMPORTERS)('%s: the loss share is its share of magnets from CHN', async (iso3) => {
    const problems: DataProblem[] = [];
    const known = new Set(
      (await parseCountries(read('countries.json'), 'countries.json', problems)).map((c) => c.iso3),
    );
    const { flows } = await parseFlows(read('flows-2024.json'), 'flows-2024.json', known, problems);
    expect(problems).toEqual([]);
    const magnets = flows.filter((f) => f.hs === '850511');
    const scenario = { id: 'controls', reading: 'today' } as const;
    expect(magnets.filter((f) => f.exporter === 'HKG').some((f) => isFlowLost(f, scenario))).toBe(false);
    const r = scenarioResults(magnets, scenario).find((x) => x.importer === iso3);
    const h = hand.get(iso3);
    expect(h).toBeDefined();
    expect(r?.beforeUsd).toBe(h?.total);
    expect(r?.lostUsd).toBe(h?.fromChn);
    expect(r?.lossShare).toBeCloseTo((h?.fromChn ?? NaN) / (h?.total ?? NaN), 12);
  });
});
