// Unit tests for supply-shock scenarios: hand-checked 2024 magnet losses from raw BACI, synthetic cases, CSV output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { fullRawDataDir, testRawDataDir } from '../../data/pipeline/raw-dir';
import { parseFlows, type DataProblem } from '../../src/data/load';
import { parseCountries } from '../../src/data/records';
import { RISK_BITS, OVERLAND_BIT } from '../../src/derive/risk-codes';
import {
  SCENARIO_CSV_COLUMNS,
  isFlowLost,
  resultsToCsv,
  scenarioResults,
  type ImporterResult,
  type Scenario,
} from '../../src/derive/scenario';
import type { Flow } from '../../src/model/types';

/**
 * The full BACI 2024 file when present, else the committed excerpt: it holds every HS 850511 row into USA, JPN,
 * DEU, KOR, AUS and Taiwan (S19), so the hand counts below are the same on both (tests/fixtures/raw/README.md).
 */
const BACI_2024 = join(
  testRawDataDir(),
  'critical-materials-atlas-baci',
  'baci_full_fixtures',
  'baci_2024.csv',
);
const FULL_BACI = fullRawDataDir() !== null;
/** Importers whose every HS 850511 row the excerpt holds (Taiwan written S19 in BACI). */
const EXCERPT_IMPORTERS = ['AUS', 'DEU', 'JPN', 'KOR', 'TWN', 'USA'];
const MAGNETS_HS = '850511';
const CHINA = ['CHN', 'HKG', 'MAC'];

/**
 * Independent reading of the raw BACI CSV (columns i,j,cmd,value; value in USD): plain line split, no app code.
 * BACI writes Taiwan as "S19" (app: TWN). Values such as "2021.9999999999998" are rounded to whole dollars, as the
 * pipeline publishes them. Returns per importer: all HS 850511 imports and those from CHN+HKG+MAC (to a
 * non-Chinese importer), plus imports per exporter.
 */
function rawMagnetImports(): Map<
  string,
  { total: number; fromChina: number; byExporter: Map<string, number> }
> {
  const out = new Map<string, { total: number; fromChina: number; byExporter: Map<string, number> }>();
  const fix = (code: string) => (code === 'S19' ? 'TWN' : code);
  const lines = readFileSync(BACI_2024, 'utf8').split(/\r?\n/);
  expect(lines[0]).toBe('i,j,cmd,value');
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const [i, j, cmd, value] = line.split(',');
    if (cmd !== MAGNETS_HS || i === undefined || j === undefined || value === undefined) continue;
    const exporter = fix(i);
    const importer = fix(j);
    const usd = Math.round(Number(value));
    let a = out.get(importer);
    if (a === undefined) {
      a = { total: 0, fromChina: 0, byExporter: new Map() };
      out.set(importer, a);
    }
    a.total += usd;
    if (CHINA.includes(exporter) && !CHINA.includes(importer)) a.fromChina += usd;
    a.byExporter.set(exporter, (a.byExporter.get(exporter) ?? 0) + usd);
  }
  return out;
}

/** The app's published 2024 flows (public/data/flows-2024.json), validated as the app does. */
async function appFlows2024(): Promise<Flow[]> {
  const countries = await parseCountries(
    JSON.parse(readFileSync('public/data/countries.json', 'utf8')),
    'countries.json',
    [],
  );
  const problems: DataProblem[] = [];
  const { flows } = await parseFlows(
    JSON.parse(readFileSync('public/data/flows-2024.json', 'utf8')),
    'flows-2024.json',
    new Set(countries.map((c) => c.iso3)),
    problems,
  );
  expect(problems).toEqual([]);
  return flows;
}

const raw = rawMagnetImports();
const magnets = (await appFlows2024()).filter((f) => f.mineral === 'rare-earths' && f.hs === MAGNETS_HS);
const chinaStop = scenarioResults(magnets, { id: 'china-stop' });
const resultOf = (rows: readonly ImporterResult[], iso3: string): ImporterResult => {
  const r = rows.find((x) => x.importer === iso3);
  if (r === undefined) throw new Error(`no result for ${iso3}`);
  return r;
};

describe('china-stop on 2024 permanent magnets (HS 850511), hand-checked against raw BACI', () => {
  // Counted from baci_2024.csv with awk (rows cmd == 850511, j == importer; China = i in CHN, HKG, MAC):
  //   USA: total 491,902,474; CHN 366,341,101 + HKG 80,759              = 366,421,860 -> 0.744908
  //   JPN: total 568,756,873; CHN 156,879,570 + HKG 41,412              = 156,920,982 -> 0.275902
  //   DEU: total 623,407,730; CHN 513,918,501 + HKG 1,323,749           = 515,242,250 -> 0.826493
  //   KOR: total 307,481,113; CHN 268,850,565 + HKG 12,238 + MAC 18     = 268,862,821 -> 0.874404
  test.each([
    ['USA', 491_902_474, 366_421_860, 0.744908],
    ['JPN', 568_756_873, 156_920_982, 0.275902],
    ['DEU', 623_407_730, 515_242_250, 0.826493],
    ['KOR', 307_481_113, 268_862_821, 0.874404],
  ] as const)('%s', (iso3, beforeUsd, fromChinaUsd, lossShare) => {
    const fromRaw = raw.get(iso3);
    expect(fromRaw?.total).toBe(beforeUsd);
    expect(fromRaw?.fromChina).toBe(fromChinaUsd);

    const r = resultOf(chinaStop, iso3);
    expect(r.beforeUsd).toBe(beforeUsd);
    expect(r.lostUsd).toBe(fromChinaUsd);
    expect(r.afterUsd).toBe(beforeUsd - fromChinaUsd);
    expect(r.lossShare).toBeCloseTo(lossShare, 6);
    expect(r.lossShare).toBeCloseTo(fromChinaUsd / beforeUsd, 12);
  });

  test('top remaining suppliers match the raw CSV (Japan, the least China-dependent of the four)', () => {
    const byExporter = raw.get('JPN')?.byExporter ?? new Map<string, number>();
    const remaining = [...byExporter]
      .filter(([e]) => !CHINA.includes(e))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    const after = 568_756_873 - 156_920_982;
    const r = resultOf(chinaStop, 'JPN');
    expect(r.topRemaining.map((s) => [s.exporter, s.usd])).toEqual(remaining);
    for (const s of r.topRemaining) expect(s.share).toBeCloseTo(s.usd / after, 12);
  });

  test('every importer in the raw CSV matches, all of them with the full file (Taiwan as TWN, not S19)', () => {
    // The excerpt is complete only for its hand-counted importers (its first rows hold a few others in part).
    const counted = (importer: string) => FULL_BACI || EXCERPT_IMPORTERS.includes(importer);
    const expected = [...raw]
      .filter(([importer, a]) => a.total > 0 && counted(importer))
      .map(([importer, a]) => [importer, a.total, a.fromChina] as const)
      .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    const compared = chinaStop.filter((r) => counted(r.importer));
    expect(compared.map((r) => [r.importer, r.beforeUsd, r.lostUsd] as const)).toEqual(expected);
    expect(expected.length).toBe(FULL_BACI ? chinaStop.length : EXCERPT_IMPORTERS.length);
    expect(raw.has('S19')).toBe(false);
    expect(raw.has('TWN')).toBe(true);
    expect(resultOf(chinaStop, 'TWN').beforeUsd).toBe(raw.get('TWN')?.total);
  });

  test('rows are sorted by lost USD, then importer', () => {
    for (let k = 1; k < chinaStop.length; k++) {
      const a = chinaStop[k - 1];
      const b = chinaStop[k];
      if (a === undefined || b === undefined) throw new Error('unreachable');
      expect(a.lostUsd > b.lostUsd || (a.lostUsd === b.lostUsd && a.importer < b.importer)).toBe(true);
    }
  });
});

const flow = (
  exporter: string,
  importer: string,
  valueUsd: number,
  tonnes: number | null = 1,
  risk = 0,
): Flow => ({
  id: `2024-test-000000-${exporter}-${importer}`,
  year: 2024,
  exporter,
  importer,
  mineral: 'test',
  hs: '000000',
  valueUsd,
  tonnes,
  risk,
});

const T = RISK_BITS.transit;
const S = RISK_BITS['south-china-sea'];
const O = RISK_BITS.origin;
const D = RISK_BITS.destination;

describe('isFlowLost', () => {
  test.each([
    ['china-stop: from CHN', flow('CHN', 'USA', 1), { id: 'china-stop' }, true],
    ['china-stop: from HKG', flow('HKG', 'USA', 1), { id: 'china-stop' }, true],
    ['china-stop: from MAC', flow('MAC', 'USA', 1), { id: 'china-stop' }, true],
    ['china-stop: from TWN is not China', flow('TWN', 'USA', 1), { id: 'china-stop' }, false],
    ['china-stop: CHN to HKG stays inside China', flow('CHN', 'HKG', 1), { id: 'china-stop' }, false],
    ['china-stop: into China is not an export', flow('JPN', 'CHN', 1), { id: 'china-stop' }, false],
    ['route-block: transit bit', flow('VNM', 'JPN', 1, 1, T), { id: 'route-block' }, true],
    ['route-block: South China Sea bit', flow('MYS', 'JPN', 1, 1, S), { id: 'route-block' }, true],
    ['route-block: both', flow('VNM', 'KOR', 1, 1, T | S), { id: 'route-block' }, true],
    ['route-block: origin only is not a route', flow('CHN', 'USA', 1, 1, O), { id: 'route-block' }, false],
    ['route-block: destination only', flow('AUS', 'CHN', 1, 1, D), { id: 'route-block' }, false],
    ['route-block: overland', flow('MNG', 'CHN', 1, 1, D | OVERLAND_BIT), { id: 'route-block' }, false],
    ['route-block: no risk', flow('AUS', 'USA', 1, 1, 0), { id: 'route-block' }, false],
    ['custom: listed', flow('AUS', 'USA', 1), { id: 'custom', exporters: ['AUS', 'BRA'] }, true],
    ['custom: not listed', flow('CHN', 'USA', 1), { id: 'custom', exporters: ['AUS', 'BRA'] }, false],
    ['custom: empty list', flow('AUS', 'USA', 1), { id: 'custom', exporters: [] }, false],
    ['custom: no list', flow('AUS', 'USA', 1), { id: 'custom' }, false],
  ] satisfies [string, Flow, Scenario, boolean][])('%s', (_name, f, scenario, lost) => {
    expect(isFlowLost(f, scenario)).toBe(lost);
  });
});

describe('scenarioResults on synthetic flows', () => {
  test('route-block with known risk bits', () => {
    const flows = [
      flow('VNM', 'JPN', 100, 10, T | S), // blocked
      flow('AUS', 'JPN', 300, 30, 0), // open
      flow('MYS', 'JPN', 50, 5, S), // blocked
      flow('CHN', 'JPN', 200, 20, O | T), // blocked (transit)
      flow('USA', 'JPN', 150, 15, 0), // open
      flow('CHN', 'USA', 400, 40, O), // open: origin alone does not block a route
      flow('DEU', 'USA', 0, 0, T), // zero value: counted, changes nothing
    ];
    const rows = scenarioResults(flows, { id: 'route-block' });
    expect(rows).toEqual([
      {
        importer: 'JPN',
        beforeUsd: 800,
        afterUsd: 450,
        lostUsd: 350,
        lossShare: 350 / 800,
        beforeTonnes: 80,
        afterTonnes: 45,
        tonnesComplete: true,
        lostTonnes: 35,
        lostTonnesAtLeast: 35,
        lostUsdNoTonnes: 0,
        topRemaining: [
          { exporter: 'AUS', usd: 300, share: 300 / 450 },
          { exporter: 'USA', usd: 150, share: 150 / 450 },
        ],
      },
      {
        importer: 'USA',
        beforeUsd: 400,
        afterUsd: 400,
        lostUsd: 0,
        lossShare: 0,
        beforeTonnes: 40,
        afterTonnes: 40,
        tonnesComplete: true,
        lostTonnes: 0,
        lostTonnesAtLeast: 0,
        lostUsdNoTonnes: 0,
        topRemaining: [{ exporter: 'CHN', usd: 400, share: 1 }],
      },
    ]);
  });

  test('custom with two exporters; several flows of one exporter add up; top 3 only', () => {
    const flows = [
      flow('AUS', 'DEU', 100),
      flow('BRA', 'DEU', 60),
      flow('CHN', 'DEU', 500),
      flow('JPN', 'DEU', 70),
      flow('JPN', 'DEU', 30), // second HS code from Japan
      flow('KOR', 'DEU', 90),
      flow('VNM', 'DEU', 10),
      flow('AUS', 'FRA', 40),
      flow('ZAF', 'FRA', 10),
    ];
    const rows = scenarioResults(flows, { id: 'custom', exporters: ['AUS', 'BRA'] });
    expect(rows.map((r) => [r.importer, r.beforeUsd, r.afterUsd, r.lostUsd, r.lossShare])).toEqual([
      ['DEU', 860, 700, 160, 160 / 860],
      ['FRA', 50, 10, 40, 0.8],
    ]);
    expect(resultOf(rows, 'DEU').topRemaining).toEqual([
      { exporter: 'CHN', usd: 500, share: 500 / 700 },
      { exporter: 'JPN', usd: 100, share: 100 / 700 },
      { exporter: 'KOR', usd: 90, share: 90 / 700 },
    ]);
  });

  test('ties in lost USD sort by importer; a total loss leaves no suppliers', () => {
    const rows = scenarioResults([flow('CHN', 'USA', 5), flow('CHN', 'AUT', 5), flow('HKG', 'BEL', 5)], {
      id: 'china-stop',
    });
    expect(rows.map((r) => r.importer)).toEqual(['AUT', 'BEL', 'USA']);
    for (const r of rows) {
      expect(r.afterUsd).toBe(0);
      expect(r.lossShare).toBe(1);
      expect(r.topRemaining).toEqual([]);
      expect(r.afterTonnes).toBe(0);
    }
  });

  test.each([
    [
      'a lost flow without tonnes: before unknown, after known',
      [flow('CHN', 'USA', 100, null), flow('AUS', 'USA', 50, 5)],
      { before: null, after: 5, complete: false },
    ],
    [
      'a remaining flow without tonnes: both unknown',
      [flow('CHN', 'USA', 100, 10), flow('AUS', 'USA', 50, null)],
      { before: null, after: null, complete: false },
    ],
    [
      'all flows with tonnes (0 tonnes is a known quantity)',
      [flow('CHN', 'USA', 100, 10), flow('AUS', 'USA', 50, 0)],
      { before: 10, after: 0, complete: true },
    ],
  ] as const)('tonnes: %s', (_name, flows, want) => {
    const [r] = scenarioResults(flows, { id: 'china-stop' });
    expect(r?.beforeTonnes).toBe(want.before);
    expect(r?.afterTonnes).toBe(want.after);
    expect(r?.tonnesComplete).toBe(want.complete);
    expect(r?.beforeUsd).toBe(150);
  });

  test('importers with no imports above 0 USD are left out; empty input gives no rows', () => {
    expect(scenarioResults([flow('CHN', 'USA', 0)], { id: 'china-stop' })).toEqual([]);
    expect(scenarioResults([], { id: 'route-block' })).toEqual([]);
  });
});

describe('resultsToCsv', () => {
  const rows: ImporterResult[] = [
    {
      importer: 'KOR',
      beforeUsd: 307_481_113,
      afterUsd: 38_618_292,
      lostUsd: 268_862_821,
      lossShare: 268_862_821 / 307_481_113,
      beforeTonnes: null,
      afterTonnes: 12.5,
      tonnesComplete: false,
      lostTonnes: null,
      lostTonnesAtLeast: 0,
      lostUsdNoTonnes: 268_862_821,
      topRemaining: [{ exporter: 'JPN', usd: 19_309_146, share: 19_309_146 / 38_618_292 }],
    },
  ];
  const names = (iso3: string) => ({ KOR: 'Korea, Republic of', JPN: 'Japan "Nippon" <b>' })[iso3] ?? iso3;
  const meta = {
    mineral: 'Rare earths, magnets',
    year: 2024,
    scenario: 'China stops exporting',
    source: 'CEPII BACI HS17 V202601',
    stockpileMonths: 6,
    coverage: "Rare earths: magnets (HS 850511): every reporter's trade.",
  };
  const csv = resultsToCsv(rows, names, meta);

  test('RFC 4180: header, CRLF records, quoted comma and doubled quote, empty unknowns, no HTML', () => {
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(SCENARIO_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      [
        'KOR',
        '"Korea, Republic of"',
        '307481113',
        '38618292',
        '268862821',
        '0.874404',
        '',
        '12.5',
        'false',
        'JPN',
        '"Japan ""Nippon"" <b>"',
        '19309146',
        '0.5',
        ',,,,,,,',
        // Lost tonnes unknown; six months of the lost USD: 268,862,821 / 12 * 6.
        '',
        '6',
        '',
        '134431410.5',
        '"Rare earths, magnets"',
        '2024',
        'China stops exporting',
        'CEPII BACI HS17 V202601',
        "Rare earths: magnets (HS 850511): every reporter's trade.",
      ].join(','),
    );
    expect(csv).not.toContain('&');
  });

  test('a CSV parser reads the fields back unchanged', () => {
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [header, record] = parsed.data;
    expect(header).toEqual(SCENARIO_CSV_COLUMNS);
    expect(record?.[1]).toBe('Korea, Republic of');
    expect(record?.[10]).toBe('Japan "Nippon" <b>');
    expect(record?.length).toBe(SCENARIO_CSV_COLUMNS.length);
  });

  test('no rows gives the header only; newlines in a field are quoted', () => {
    expect(resultsToCsv([], names, meta)).toBe(SCENARIO_CSV_COLUMNS.join(',') + '\r\n');
    const multi = resultsToCsv(rows, names, { ...meta, coverage: 'line one\nline two' });
    expect(multi).toContain('"line one\nline two"\r\n');
  });
});
