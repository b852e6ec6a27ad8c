// Unit tests for the shares of earlier years: MCS 2022-2024 world tables parsed, the edition rule, the chart's year.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCountryIndex } from '../../data/pipeline/countries';
import { testRawDataDir } from '../../data/pipeline/raw-dir';
import { PipelineError } from '../../data/pipeline/read';
import { buildShares } from '../../data/pipeline/shares';
import {
  cleanMcsCountry,
  latestEdition,
  mcsWorldCsv,
  parseMcsWorld,
  type McsYearTable,
} from '../../data/pipeline/sources/usgs-mcs-world';
import type { ShareStage, ShareTable } from '../../src/data/shares-schema';
import { chooseShareYear, missingYearMessage } from '../../src/derive/share-year';

/** The full raw data when present, else the committed excerpts (the MCS 2022-2024 world files are whole). */
const RAW = testRawDataDir();
const CURATED = 'data/curated';
const mineralIds = new Set(
  (
    JSON.parse(readFileSync(join(CURATED, 'minerals.json'), 'utf8')) as { minerals: { id: string }[] }
  ).minerals.map((m) => m.id),
);
const countries = loadCountryIndex(RAW, CURATED);
const resolve = (name: string): string | null => countries.resolve(name);
const shares = buildShares(RAW, resolve, mineralIds, countries.iso3ByIso2);

function tableOf(mineral: string, stage: ShareStage, year: string): ShareTable {
  const table = shares.minerals[mineral]?.[stage][year];
  if (table === undefined) throw new Error(`no ${mineral} ${stage} ${year} table`);
  return table;
}

describe('MCS 2022-2024 world tables, checked by hand against the raw CSVs', () => {
  // Each figure read off the raw file named in the comment; share = value / world total, rounded to 4 decimals.
  test.each([
    // mcs2023-raree: China Prod_t_2021 168000, World total 290000 (MCS 2022 had 2021e 168000 of 280000).
    ['rare-earths', 'mining', '2021', 'CHN', 168_000, 290_000, 0.5793, 2023],
    // mcs2024-raree: China Prod_t_est_2022 210000, World total 300000 (same as MCS 2023's 2022e).
    ['rare-earths', 'mining', '2022e', 'CHN', 210_000, 300_000, 0.7, 2024],
    // mcs2024-raree: China Prod_t_est_2023 240000 of 350000 (SOURCE.md's check).
    ['rare-earths', 'mining', '2023e', 'CHN', 240_000, 350_000, 0.6857, 2024],
    // rare_earths_mcs2022-raree: China Prod_t_2020 140000 of 240000.
    ['rare-earths', 'mining', '2020', 'CHN', 140_000, 240_000, 0.5833, 2022],
    // mcs2024-lithi: Australia Prod_t_2022 74700; World total 146000 (excludes U.S. production).
    ['lithium', 'mining', '2022', 'AUS', 74_700, 146_000, 0.5116, 2024],
    // mcs2024-galli: China Prod_kg_2022 600000 of 610000 (SOURCE.md's check).
    ['gallium', 'refining', '2022', 'CHN', 600_000, 610_000, 0.9836, 2024],
    // mcs2024-vanad: Russia "e20,000" (estimate flag glued on) for 2022.
    ['vanadium', 'mining', '2022e', 'RUS', 20_000, 102_000, 0.1961, 2024],
  ] as const)(
    '%s %s %s: %s %d of %d = %s (MCS %d)',
    (mineral, stage, year, iso3, value, worldTotal, share, edition) => {
      const table = tableOf(mineral, stage, year);
      expect(table.worldTotal).toBe(worldTotal);
      expect(table.rows.find((r) => r.country === iso3)).toMatchObject({ value, share });
      expect(table.source).toMatchObject({ publisher: 'U.S. Geological Survey', year: edition });
      expect(table.source.title).toMatch(new RegExp(`^Mineral Commodity Summaries ${edition} data release`));
    },
  );

  test('the world total\'s qualifier and "W" rows are kept: lithium 2022 excludes the withheld US figure', () => {
    const table = tableOf('lithium', 'mining', '2022');
    expect(table.notes.join(' ')).toMatch(/USGS world total: Excludes U.S. production/);
    expect(table.rows.find((r) => r.country === 'USA')).toMatchObject({ value: null, share: null });
    expect(table.rows.find((r) => r.country === 'USA')?.note).toMatch(/^W: withheld/);
  });

  test('a year the latest edition gives no world total for has no table, and a gap says why', () => {
    // MCS 2023 and 2024 give germanium only "NA"; MCS 2022's 2020e and 2021e estimates: 2021 is withdrawn.
    // (2024 comes from the atlas, whose excerpt leaves germanium out: only the USGS years are compared.)
    const usgsYears = Object.keys(shares.minerals['germanium']?.refining ?? {}).filter((y) => y < '2024');
    expect(usgsYears).toEqual(['2020e']);
    expect(shares.minerals['germanium']?.gaps.join(' ')).toMatch(
      /No refining figure for 2021: USGS MCS 2023 gives no world total \("NA"\), withdrawing the estimate of MCS 2022/,
    );
  });

  test('the MCS 2026 extract keeps its years: no MCS 2022-2024 table overrides 2024 or 2025e', () => {
    expect(tableOf('rare-earths', 'mining', '2024').source.year).toBe(2026);
  });
});

describe('USGS country cells are cleaned before matching', () => {
  test.each([
    ['China', 'country', 'CHN', 'China', undefined],
    ['United\u00a0States', 'country', 'USA', 'United States', undefined],
    ['Vietnam\u00a0', 'country', 'VNM', 'Vietnam', undefined],
    ['New Caledonia9', 'country', 'NCL', 'New Caledonia', undefined],
    ['Russiae', 'country', 'RUS', 'Russia', 'USGS marks the figure as estimated'],
    ['Korea, Republic ofe', 'country', 'KOR', 'Korea, Republic of', 'USGS marks the figure as estimated'],
    ['Kazakhstan, concentrate', 'country', 'KAZ', 'Kazakhstan', 'concentrate'],
    ['Russia (recoverable)', 'country', 'RUS', 'Russia', 'recoverable'],
    ['Other countries6', 'other', null, 'Other countries', undefined],
    ['World total (rounded)10', 'world', null, 'World total (rounded)', undefined],
    [
      'World total (rounded), excluding U.S. production',
      'world',
      null,
      'World total (rounded), excluding U.S. production',
      'excluding U.S. production',
    ],
  ] as const)('%j', (raw, kind, iso3, label, note) => {
    const cleaned = cleanMcsCountry(raw, resolve);
    expect(cleaned).toMatchObject({ kind, iso3, label });
    expect(cleaned?.note).toBe(note);
  });

  test('an unknown name is null (the parser then stops naming the row)', () => {
    expect(cleanMcsCountry('Atlantis', resolve)).toBeNull();
  });
});

describe('bad MCS world files stop with a PipelineError naming the file and the row', () => {
  const file = mcsWorldCsv(2023, 'rare-earths') ?? '';
  const text = readFileSync(join(RAW, file), 'utf8');
  test.each([
    {
      name: 'an unknown country',
      from: 'MCS2023,Burma,',
      to: 'MCS2023,Atlantis,',
      row: 4,
      message: /unknown country "Atlantis"/,
    },
    {
      name: 'an unreadable figure',
      from: ',168000,210000,',
      to: ',168000,21O000,',
      row: 7,
      message: /cannot read "21O000"/,
    },
    {
      name: 'another edition in Source',
      from: 'MCS2023,China,',
      to: 'MCS2022,China,',
      row: 7,
      message: /Source "MCS2022" is not MCS2023/,
    },
    {
      name: 'rows off the world total',
      from: ',168000,210000,',
      to: ',268000,210000,',
      row: undefined,
      message: /2021: rows add up to/,
    },
    {
      name: 'a Type of another measure',
      from: 'MCS2023,China,"Rare earths, mine',
      to: 'MCS2023,China,"Rare earths, refinery',
      row: 7,
      message: /Type "Rare earths, refinery/,
    },
    {
      name: 'production columns of other years',
      from: 'Prod_t_2021',
      to: 'Prod_t_2019',
      row: undefined,
      message: /expected production columns for 2021 and 2022, got 2019, 2022/,
    },
  ])('$name', ({ from, to, row, message }) => {
    expect(text).toContain(from);
    let error: unknown;
    try {
      parseMcsWorld(text.replace(from, to), file, 2023, 'rare-earths', resolve);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).row).toBe(row);
    expect((error as PipelineError).message).toMatch(message);
  });
});

describe('the edition rule: the later edition revises the earlier one', () => {
  const table = (worldTotal: number, estimated: boolean): ShareTable => ({
    measure: 'mine production',
    estimated,
    unit: 'metric tons',
    worldTotal,
    shareBasis: 'world-total',
    approximate: false,
    source: { publisher: 'U.S. Geological Survey', title: 't', year: 2022, url: 'https://doi.org/10.5066/x' },
    notes: [],
    rows: [{ country: 'CHN', label: 'China', value: worldTotal, share: 1 }],
  });
  const t = (
    edition: 2022 | 2023 | 2024,
    year: number,
    worldTotal: number | null,
    estimated = false,
  ): McsYearTable => ({
    mineral: 'rare-earths',
    stage: 'mining',
    edition,
    year,
    table: worldTotal === null ? null : table(worldTotal, estimated),
  });

  test.each([
    { name: 'one edition: kept as is', input: [t(2022, 2020, 240_000)], want: [[2022, 2020, 240_000, 0]] },
    {
      name: 'two editions, later listed last',
      input: [t(2022, 2021, 280_000, true), t(2023, 2021, 290_000)],
      want: [[2023, 2021, 290_000, 1]],
    },
    {
      name: 'two editions, later listed first',
      input: [t(2024, 2022, 300_000, true), t(2023, 2022, 310_000, true)],
      want: [[2024, 2022, 300_000, 1]],
    },
    {
      name: 'the later edition withdrew the figure (no world total): no table, not the older estimate',
      input: [t(2022, 2021, 140_000, true), t(2023, 2021, null)],
      want: [[2023, 2021, null, 0]],
    },
    {
      name: 'different years are independent',
      input: [t(2023, 2021, 290_000), t(2023, 2022, 300_000, true)],
      want: [
        [2023, 2021, 290_000, 0],
        [2023, 2022, 300_000, 0],
      ],
    },
  ])('$name', ({ input, want }) => {
    const got = latestEdition(input).map((x) => [
      x.edition,
      x.year,
      x.table?.worldTotal ?? null,
      x.table?.notes.filter((n) => /revises it/.test(n)).length ?? 0,
    ]);
    expect(got).toEqual(want);
  });

  test('the note names the edition set aside, its year label and world total', () => {
    const [kept] = latestEdition([t(2022, 2021, 280_000, true), t(2023, 2021, 290_000)]);
    expect(kept?.table?.notes).toContain(
      'Also in MCS 2022 (2021e, world total 280000); the later edition, MCS 2023, revises it and is the figure used.',
    );
  });

  test('in the built data: rare earths 2021 is MCS 2023, and says MCS 2022 was set aside', () => {
    const rare2021 = tableOf('rare-earths', 'mining', '2021');
    expect(rare2021.source.year).toBe(2023);
    expect(rare2021.notes.join(' ')).toMatch(/Also in MCS 2022 \(2021e, world total 280000\)/);
  });
});

describe("the chart's year: the slider's year or a plain 'no figure', never another year's table", () => {
  const keys = ['2024', '2025e', '2020', '2021', '2022e', '2023e'];
  test.each([
    { year: 2024, keys, want: { kind: 'year', key: '2024' } },
    { year: 2022, keys, want: { kind: 'year', key: '2022e' } },
    { year: 2020, keys, want: { kind: 'year', key: '2020' } },
    {
      year: 2018,
      keys,
      want: {
        kind: 'missing',
        nearest: ['2020'],
        available: ['2020', '2021', '2022e', '2023e', '2024', '2025e'],
      },
    },
    {
      year: 2022,
      keys: ['2020', '2024'],
      want: { kind: 'missing', nearest: ['2020', '2024'], available: ['2020', '2024'] },
    },
    { year: 2019, keys: ['2024'], want: { kind: 'missing', nearest: ['2024'], available: ['2024'] } },
    { year: 2019, keys: [], want: { kind: 'missing', nearest: [], available: [] } },
  ])('$year among $keys', ({ year, keys: k, want }) => {
    expect(chooseShareYear(k, year)).toEqual(want);
  });

  test('the message names the year and the nearest years with figures', () => {
    const choice = chooseShareYear(['2020', '2021', '2024', '2025e'], 2018);
    if (choice.kind !== 'missing') throw new Error('expected missing');
    expect(missingYearMessage('USGS', 2018, choice)).toBe(
      'No USGS figure for 2018; nearest: 2020 (years with figures: 2020, 2021, 2024, 2025e)',
    );
    expect(missingYearMessage('USGS', 2018, { kind: 'missing', nearest: [], available: [] })).toBe(
      'No USGS figure for 2018.',
    );
  });

  test('every trade year 2018-2024 has a rare-earth mining table except 2018 and 2019', () => {
    const ree = Object.keys(shares.minerals['rare-earths']?.mining ?? {});
    const found = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => chooseShareYear(ree, y).kind);
    expect(found).toEqual(['missing', 'missing', 'year', 'year', 'year', 'year', 'year']);
  });
});
