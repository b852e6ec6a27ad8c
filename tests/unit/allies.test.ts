// Unit tests for the allied-supply view: partner presets, partners' import origins (raw BACI check), bloc shares.
import { parseCountries } from '../../src/data/records';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { testRawDataDir } from '../../data/pipeline/raw-dir';
import { EU27, PARTNER_PRESETS, partnerPreset } from '../../src/config/partners';
import { parseFlows, parseShares, type DataProblem } from '../../src/data/load';
import { sharesFileSchema, type ShareTable, type SharesFile } from '../../src/data/shares-schema';
import { blocShares, partnerSupply, type PartnerSupply } from '../../src/derive/allies';
import type { Flow } from '../../src/model/types';

const countryCodes = new Set(
  (
    await parseCountries(JSON.parse(readFileSync('public/data/countries.json', 'utf8')), 'countries.json', [])
  ).map((c) => c.iso3),
);

function presetMembers(id: string): ReadonlySet<string> {
  const p = partnerPreset(id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return new Set(p.members);
}

describe('partner presets (config/partners.ts)', () => {
  test('ids are unique and every preset cites a source', () => {
    const ids = PARTNER_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PARTNER_PRESETS) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(20);
    }
  });

  test.each(PARTNER_PRESETS.map((p) => [p.id, p] as const))(
    '%s: ISO3 codes, known to the app, no duplicates',
    (_id, p) => {
      expect(p.members.length).toBeGreaterThan(0);
      for (const code of p.members) {
        expect(code).toMatch(/^[A-Z]{3}$/);
        expect(countryCodes.has(code), code).toBe(true);
      }
      expect(new Set(p.members).size).toBe(p.members.length);
    },
  );

  test('EU-27 and the issue presets', () => {
    expect(EU27).toHaveLength(27);
    expect(new Set(EU27).size).toBe(27);
    expect(EU27).not.toContain('GBR');
    expect([...presetMembers('us-japan')].sort()).toEqual(['JPN', 'USA']);
    expect([...presetMembers('us-japan-australia-eu')].sort()).toEqual(['AUS', 'JPN', 'USA', ...EU27].sort());
    expect([...presetMembers('quad')].sort()).toEqual(['AUS', 'IND', 'JPN', 'USA']);
    expect(presetMembers('msp').size).toBe(14);
  });
});

const flow = (exporter: string, importer: string, valueUsd: number): Flow => ({
  id: `2024-test-000000-${exporter}-${importer}`,
  year: 2024,
  exporter,
  importer,
  mineral: 'test',
  hs: '000000',
  valueUsd,
  tonnes: null,
  risk: 0,
});

const sumsToOne = (r: PartnerSupply) => {
  expect(r.fromPartners + r.fromChina + r.fromOthers).toBeCloseTo(1, 12);
  expect(r.fromPartnersUsd + r.fromChinaUsd + r.fromOthersUsd).toBe(r.importsUsd);
};

describe('partnerSupply on synthetic flows', () => {
  const partners = new Set(['USA', 'JPN', 'AUS']);
  const flows = [
    flow('CHN', 'USA', 600),
    flow('HKG', 'USA', 100),
    flow('JPN', 'USA', 200), // partner
    flow('VNM', 'USA', 100), // other
    flow('USA', 'JPN', 50), // partner
    flow('AUS', 'JPN', 50), // partner
    flow('CHN', 'DEU', 999), // importer not a partner: ignored
    flow('DEU', 'AUS', 0), // AUS imports nothing above 0: no row
  ];

  test('one row per importing partner, largest first, shares add up to 1', () => {
    const rows = partnerSupply(flows, partners);
    expect(rows).toEqual([
      {
        country: 'USA',
        importsUsd: 1000,
        fromPartnersUsd: 200,
        fromChinaUsd: 700,
        fromOthersUsd: 100,
        fromPartners: 0.2,
        fromChina: 0.7,
        fromOthers: 0.1,
      },
      {
        country: 'JPN',
        importsUsd: 100,
        fromPartnersUsd: 100,
        fromChinaUsd: 0,
        fromOthersUsd: 0,
        fromPartners: 1,
        fromChina: 0,
        fromOthers: 0,
      },
    ]);
    rows.forEach(sumsToOne);
  });

  test('a Chinese code in the partner set still counts as China; empty set gives no rows', () => {
    const rows = partnerSupply(flows, new Set(['USA', 'CHN']));
    expect(rows.map((r) => [r.country, r.fromChinaUsd, r.fromPartnersUsd, r.fromOthersUsd])).toEqual([
      ['USA', 700, 0, 300],
    ]);
    expect(partnerSupply(flows, new Set())).toEqual([]);
  });
});

const magnetProblems: DataProblem[] = [];
const magnetFlows = (
  await parseFlows(
    JSON.parse(readFileSync('public/data/flows-2024.json', 'utf8')),
    'flows-2024.json',
    new Set(countryCodes),
    magnetProblems,
  )
).flows.filter((f) => f.mineral === 'rare-earths' && f.hs === '850511');
const sharesFile = await parseShares(
  JSON.parse(readFileSync('public/data/shares.json', 'utf8')),
  'shares.json',
);

describe('partnerSupply on 2024 permanent magnets (HS 850511), checked against raw BACI', () => {
  const problems = magnetProblems;
  const magnets = magnetFlows;
  const partners = presetMembers('us-japan-australia-eu');
  const rows = partnerSupply(magnets, partners);

  /**
   * Plain line split of baci_2024.csv (i,j,cmd,value; USD), S19 = Taiwan; no app code. The full file when present,
   * else the committed excerpt, which holds every HS 850511 row into USA, JPN, DEU and AUS (tests/fixtures/raw).
   */
  function rawOrigins(importer: string): { total: number; partners: number; china: number } {
    const csv = readFileSync(
      join(testRawDataDir(), 'critical-materials-atlas-baci', 'baci_full_fixtures', 'baci_2024.csv'),
      'utf8',
    );
    const out = { total: 0, partners: 0, china: 0 };
    for (const line of csv.split(/\r?\n/).slice(1)) {
      const [i, j, cmd, value] = line.split(',');
      if (cmd !== '850511' || j !== importer || i === undefined) continue;
      const usd = Math.round(Number(value));
      const exporter = i === 'S19' ? 'TWN' : i;
      out.total += usd;
      if (['CHN', 'HKG', 'MAC'].includes(exporter)) out.china += usd;
      else if (partners.has(exporter)) out.partners += usd;
    }
    return out;
  }

  test('validation kept every row', () => expect(problems).toEqual([]));

  test.each(['USA', 'JPN', 'DEU', 'AUS'])('%s', (iso3) => {
    const want = rawOrigins(iso3);
    const r = rows.find((x) => x.country === iso3);
    expect(r?.importsUsd).toBe(want.total);
    expect(r?.fromChinaUsd).toBe(want.china);
    expect(r?.fromPartnersUsd).toBe(want.partners);
    expect(r?.fromOthersUsd).toBe(want.total - want.china - want.partners);
    if (r !== undefined) sumsToOne(r);
  });

  test('hand-counted: the United States (from China 366,421,860 of 491,902,474 USD)', () => {
    const usa = rows.find((x) => x.country === 'USA');
    expect(usa?.fromChina).toBeCloseTo(0.744908, 6);
  });

  test('every row sums to 1 and only partners appear', () => {
    for (const r of rows) {
      sumsToOne(r);
      expect(partners.has(r.country)).toBe(true);
    }
  });
});

describe('blocShares, rare earths, "+ Australia and EU" on public/data/shares.json', () => {
  const shares = sharesFile;
  const result = blocShares(shares, 'rare-earths', presetMembers('us-japan-australia-eu'));

  // By hand from shares.json (partners = USA, JPN, AUS + EU-27):
  //   mining 2024 (USGS MCS 2026, world 380,000 t REO): USA 0.1197 + AUS 0.0763 = 0.1960 (Japan and EU members are
  //     not listed); China 0.7105; "Other countries" 0.0026 could hold partners -> lower bound, at most 0.1986.
  //   mining 2025e: USA 0.1308 + AUS 0.0744 = 0.2052; China 0.6923; "Other countries" 0.0014 -> at most 0.2066.
  //   refining 2024 (atlas/IEA rounded %): USA 0.05 + FRA 0.01 = 0.06; China 0.84; "Rest of world (remainder)" 0.04
  //     -> lower bound, at most 0.10.
  test.each([
    ['mining', '2024', 0.196, 0.7105, /at most 19\.86%/],
    ['mining', '2025e', 0.2052, 0.6923, /at most 20\.66%.*Estimate/],
    ['refining', '2024', 0.06, 0.84, /at most 10%.*approximate/],
  ] as const)('%s %s', (stage, year, bloc, china, note) => {
    const r = result.find((x) => x.stage === stage && x.year === year);
    expect(r?.bloc).toBe(bloc);
    expect(r?.china).toBe(china);
    expect(r?.covered).toBe(false);
    expect(r?.note).toMatch(/Lower bound/);
    expect(r?.note).toMatch(note);
  });

  test('order: mining by year, then refining', () => {
    expect(result.map((r) => `${r.stage} ${r.year}`)).toEqual([
      'mining 2020',
      'mining 2021',
      'mining 2022e',
      'mining 2023e',
      'mining 2024',
      'mining 2025e',
      'refining 2024',
    ]);
  });

  test('U.S.–Japan only: the refining bloc is the United States alone', () => {
    const r = blocShares(shares, 'rare-earths', presetMembers('us-japan')).find(
      (x) => x.stage === 'refining',
    );
    expect(r?.bloc).toBe(0.05);
  });

  test('a remainder row hides nobody when every partner and China are named: exact', () => {
    const result = blocShares(shares, 'rare-earths', new Set(['USA', 'FRA']));
    const mining2024 = result.find((r) => r.stage === 'mining' && r.year === '2024');
    const refining = result.find((r) => r.stage === 'refining');
    // Refining names CHN, USA and FRA: 0.05 + 0.01, exact. Mining does not name France.
    expect(refining).toMatchObject({ bloc: 0.06, china: 0.84, covered: true });
    expect(refining?.note).toMatch(/Every partner and China are named/);
    expect(mining2024).toMatchObject({ bloc: 0.1197, china: 0.7105, covered: false });
  });

  test('unknown mineral gives no rows', () => {
    expect(blocShares(shares, 'unobtainium', new Set(['USA']))).toEqual([]);
  });
});

describe('blocShares edge cases on synthetic tables', () => {
  const source = { publisher: 'Test', title: 'Synthetic table', year: 2026 };
  const table = (rows: ShareTable['rows'], over: Partial<ShareTable> = {}): ShareTable => ({
    measure: 'mine production',
    estimated: false,
    unit: 'metric tons',
    worldTotal: 100,
    shareBasis: 'world-total',
    approximate: false,
    source,
    notes: [],
    rows,
    ...over,
  });
  const file = (mining: Record<string, ShareTable>, refining: Record<string, ShareTable> = {}): SharesFile =>
    sharesFileSchema.parse({ about: ['test'], stages: [], minerals: { x: { mining, refining, gaps: [] } } });
  const W = 'W: withheld by the source';

  test.each([
    [
      'complete table: exact',
      table([
        { country: 'CHN', label: 'China', value: 60, share: 0.6 },
        { country: 'AUS', label: 'Australia', value: 30, share: 0.3 },
        { country: 'USA', label: 'United States', value: 10, share: 0.1 },
      ]),
      { bloc: 0.4, china: 0.6, covered: true },
    ],
    [
      'a zero "Other countries" row does not hide anyone',
      table([
        { country: 'CHN', label: 'China', value: 90, share: 0.9 },
        { country: 'AUS', label: 'Australia', value: 10, share: 0.1 },
        { country: null, label: 'Other countries', value: 0, share: 0 },
      ]),
      { bloc: 0.1, china: 0.9, covered: true },
    ],
    [
      'a withheld partner: known part only, not covered',
      table([
        { country: 'CHN', label: 'China', value: 70, share: 0.7 },
        { country: 'AUS', label: 'Australia', value: 20, share: 0.2 },
        { country: 'USA', label: 'United States', value: null, share: null, note: W },
      ]),
      { bloc: 0.2, china: 0.7, covered: false },
    ],
    [
      'every listed partner withheld: unknown',
      table([
        { country: 'CHN', label: 'China', value: 70, share: 0.7 },
        { country: 'USA', label: 'United States', value: null, share: null, note: W },
      ]),
      { bloc: null, china: 0.7, covered: false },
    ],
    [
      'China withheld: unknown; no partner listed in a complete table: 0',
      table([
        { country: 'BRA', label: 'Brazil', value: 80, share: 0.8 },
        { country: 'CHN', label: 'China', value: null, share: null, note: W },
      ]),
      { bloc: 0, china: null, covered: false },
    ],
    [
      'China not listed in a complete table: 0',
      table([{ country: 'BRA', label: 'Brazil', value: 100, share: 1 }]),
      { bloc: 0, china: 0, covered: true },
    ],
  ] as const)('%s', (_name, t, want) => {
    const [r] = blocShares(file({ '2024': t }), 'x', new Set(['USA', 'AUS', 'JPN']));
    expect(r).toMatchObject({ stage: 'mining', year: '2024', ...want });
    expect(r?.note.length).toBeGreaterThan(0);
  });

  test('withheld partner is named in the note', () => {
    const [r] = blocShares(
      file({
        '2024': table([
          { country: 'CHN', label: 'China', value: 70, share: 0.7 },
          { country: 'AUS', label: 'Australia', value: 20, share: 0.2 },
          { country: 'USA', label: 'United States', value: null, share: null, note: W },
        ]),
      }),
      'x',
      new Set(['USA', 'AUS']),
    );
    expect(r?.note).toMatch(/United States/);
    expect(r?.note).not.toMatch(/at most/);
  });

  test('source-percent table with a remainder: lower bound with an upper limit', () => {
    const refining = table(
      [
        { country: 'CHN', label: 'CN', value: 90, share: 0.9 },
        { country: null, label: 'Rest of world (remainder)', value: 6, share: 0.06 },
        { country: 'JPN', label: 'JP', value: 4, share: 0.04 },
      ],
      { worldTotal: null, shareBasis: 'source-percent', unit: 'percent', approximate: true },
    );
    const [r] = blocShares(file({}, { '2024': refining }), 'x', new Set(['USA', 'JPN']));
    expect(r).toMatchObject({ stage: 'refining', year: '2024', bloc: 0.04, china: 0.9, covered: false });
    expect(r?.note).toMatch(
      /Lower bound.*names 2 countries.*"Rest of world \(remainder\)" \(6%\).*at most 10%/,
    );
  });
});
