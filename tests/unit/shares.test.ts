// Unit tests for shares.json: sums within USGS rounding, shares 0..1, known facts, errors naming the row, schema.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { loadCountryIndex } from '../../data/pipeline/countries';
import { testRawDataDir } from '../../data/pipeline/raw-dir';
import { PipelineError } from '../../data/pipeline/read';
import {
  ATLAS_DATA_JSON,
  ATLAS_REFINING_JSON,
  MCS_WORLD_CSVS,
  USGS_PRODUCTION_CSV,
  buildShares,
  halfUnitOfSecondFigure,
  sumTolerance,
  type SharesFile,
} from '../../data/pipeline/shares';
import {
  SHARE_STAGES,
  sharesFileSchema,
  type ShareStage,
  type ShareTable,
} from '../../src/data/shares-schema';

/** The full raw data when present, else the excerpts (the whole MCS 2026 extract; the atlas materials used). */
const RAW = testRawDataDir();
const CURATED = 'data/curated';
const mineralIds = new Set(
  (
    JSON.parse(readFileSync(join(CURATED, 'minerals.json'), 'utf8')) as { minerals: { id: string }[] }
  ).minerals.map((m) => m.id),
);
const countries = loadCountryIndex(RAW, CURATED);
const build = (rawDir: string = RAW): SharesFile =>
  buildShares(rawDir, (name) => countries.resolve(name), mineralIds, countries.iso3ByIso2);
const shares = build();

function tableOf(file: SharesFile, mineral: string, stage: ShareStage, year: string): ShareTable {
  const table = file.minerals[mineral]?.[stage][year];
  if (table === undefined) throw new Error(`no ${mineral} ${stage} ${year} table`);
  return table;
}

const allTables: [string, ShareTable][] = Object.entries(shares.minerals).flatMap(([mineral, m]) =>
  SHARE_STAGES.flatMap((stage) =>
    Object.entries(m[stage]).map(([year, t]): [string, ShareTable] => [`${mineral} ${stage} ${year}`, t]),
  ),
);
const usgsTables = allTables.filter(([, t]) => t.shareBasis === 'world-total');
const atlasTables = allTables.filter(([, t]) => t.shareBasis === 'source-percent');
const known = (values: (number | null)[]): number[] => values.filter((v): v is number => v !== null);

describe('rounding tolerance', () => {
  test.each([
    [380_000, 5_000],
    [390_000, 5_000],
    [900_000, 5_000],
    [1_800_000, 50_000],
    [848_000, 5_000],
    [140, 5],
    [0, 0],
  ])('half a unit in the second significant figure of %d is %d', (x, expected) => {
    expect(halfUnitOfSecondFigure(x)).toBeCloseTo(expected, 9);
  });

  test('the sum tolerance adds the half-units of the total and of every row', () => {
    // gallium 2025e: total 900,000; rows 900,000 + 3,000 + 6,000 = 909,000, 9,000 off.
    expect(sumTolerance(900_000, [900_000, 3_000, 6_000, 0])).toBe(5_000 + 5_000 + 50 + 50);
  });
});

describe('USGS tables: country rows add up to the rounded world total', () => {
  test('the data has the expected USGS tables (MCS 2022-2024 for 2020-2023, MCS 2026 for 2024 and 2025e)', () => {
    const years = (mineral: string, stage: ShareStage): string =>
      usgsTables
        .filter(([name]) => name.startsWith(`${mineral} ${stage} `))
        .map(([name]) => name.split(' ')[2])
        .join(' ');
    expect(
      Object.fromEntries(
        [...mineralIds]
          .sort()
          .flatMap((m) => SHARE_STAGES.map((st) => [`${m} ${st}`, years(m, st)]))
          .filter(([, y]) => y !== ''),
      ),
    ).toEqual({
      'antimony mining': '2021 2022 2024 2023e 2025e',
      'cobalt mining': '2020 2021 2024 2022e 2023e 2025e',
      'fluorspar mining': '2021 2022 2023e',
      'gallium refining': '2020 2021 2022 2024 2023e 2025e',
      'germanium refining': '2020e',
      'graphite mining': '2020 2021 2022 2024 2023e 2025e',
      'lithium mining': '2020 2021 2022 2024 2023e 2025e',
      'manganese mining': '2020 2021 2022 2023e',
      'nickel mining': '2020 2021 2022 2024 2023e 2025e',
      'niobium mining': '2021 2022 2023e',
      'rare-earths mining': '2020 2021 2024 2022e 2023e 2025e',
      'tantalum mining': '2021 2022 2023e',
      'tungsten mining': '2020 2021 2024 2022e 2023e 2025e',
      'vanadium mining': '2021 2022e 2023e',
    });
  });

  // Tolerance: USGS rounds world totals and estimated country figures, keeping at least two significant figures,
  // so |sum - total| <= half a unit in the 2nd significant figure of the total plus the same for every row.
  // The largest relative gaps in the data: vanadium 2023e (rows 103,500 t vs total 100,000 t, 3.5%), tantalum
  // 2022 (3.1%), graphite 2025e (rows 1,752,880 t vs total 1,800,000 t, 2.6%).
  test.each(usgsTables)('%s', (_name, table) => {
    const values = known(table.rows.map((r) => r.value));
    const sum = values.reduce((a, b) => a + b, 0);
    expect(table.worldTotal).not.toBeNull();
    const total = table.worldTotal ?? 0;
    expect(Math.abs(sum - total)).toBeLessThanOrEqual(sumTolerance(total, values));
    expect(Math.abs(sum - total) / total).toBeLessThan(0.04);
  });
});

describe('shares are fractions 0..1, sorted, and add up to about 1 including the aggregate rows', () => {
  test.each(allTables)('%s', (_name, table) => {
    const shares = known(table.rows.map((r) => r.share));
    for (const s of shares) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const sum = shares.reduce((a, b) => a + b, 0);
    // Each share is rounded to 4 decimals: up to 0.00005 per row on top of the source's own rounding.
    const perRow = 0.00005 * shares.length;
    if (table.worldTotal === null) {
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(perRow + 1e-9);
    } else {
      const values = known(table.rows.map((r) => r.value));
      const tolerance = sumTolerance(table.worldTotal, values) / table.worldTotal + perRow;
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(tolerance);
    }
  });

  test.each([
    ['rare-earths', 'mining', '2024'],
    ['cobalt', 'mining', '2024'],
    ['nickel', 'mining', '2025e'],
    ['tungsten', 'mining', '2024'],
    ['lithium', 'mining', '2024'],
    ['gallium', 'refining', '2024'],
  ] as const)('%s %s %s keeps the source\'s "Other countries" row', (mineral, stage, year) => {
    const others = tableOf(shares, mineral, stage, year).rows.filter((r) => r.label === 'Other countries');
    expect(others).toHaveLength(1);
    expect(others[0]?.country).toBeNull();
  });

  test.each(atlasTables.filter(([, t]) => known(t.rows.map((r) => r.value)).reduce((a, b) => a + b, 0) > 0))(
    '%s: atlas shares are the rounded percentages / 100, with the remainder as a row',
    (_name, table) => {
      for (const row of table.rows) expect(row.share).toBeCloseTo((row.value ?? NaN) / 100, 9);
      expect(table.approximate).toBe(true);
    },
  );
});

describe('known facts', () => {
  test("China's 2024 rare-earth mine share is computed from the CSV's own rows", () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(RAW, USGS_PRODUCTION_CSV), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((r) => r['commodity'] === 'rare-earths');
    const china = Number(csv.find((r) => r['country'] === 'China')?.['production_2024']);
    const world = Number(csv.find((r) => r['country']?.startsWith('World total'))?.['production_2024']);
    expect([china, world]).toEqual([270_000, 380_000]);
    const table = tableOf(shares, 'rare-earths', 'mining', '2024');
    expect(table.worldTotal).toBe(world);
    const row = table.rows.find((r) => r.country === 'CHN');
    expect(row?.value).toBe(china);
    // 71%, not the 69% often quoted: MCS 2026 revised 2024 down to 380,000 t; 69% is 2025e (270,000 / 390,000).
    expect(row?.share).toBeCloseTo(china / world, 4);
    expect(row?.share).toBeCloseTo(0.7105, 4);
    expect(tableOf(shares, 'rare-earths', 'mining', '2025e').rows[0]).toMatchObject({
      country: 'CHN',
      value: 270_000,
      share: 0.6923,
    });
  });

  test.each([
    ['rare-earths', 'mining', '2024', 'CHN', 270_000, 0.7105],
    ['cobalt', 'mining', '2024', 'COD', 226_000, 0.7483],
    ['graphite', 'mining', '2024', 'CHN', 1_270_000, 0.8194],
    ['nickel', 'mining', '2024', 'IDN', 2_310_000, 0.6226],
    ['tungsten', 'mining', '2024', 'CHN', 67_000, 0.8171],
    ['antimony', 'mining', '2024', 'CHN', 40_000, 0.3361],
    ['lithium', 'mining', '2024', 'AUS', 82_700, 0.3725],
    ['gallium', 'refining', '2024', 'CHN', 839_000, 0.9894],
    ['rare-earths', 'refining', '2024', 'CHN', 84, 0.84],
    ['lithium', 'refining', '2024', 'CHN', 74, 0.74],
    ['nickel', 'refining', '2024', 'IDN', 45, 0.45],
  ] as const)('%s %s %s: %s %d, share %s', (mineral, stage, year, iso3, value, share) => {
    const row = tableOf(shares, mineral, stage, year).rows.find((r) => r.country === iso3);
    expect(row).toMatchObject({ value, share });
  });

  test.each([
    ['lithium', '2024'],
    ['lithium', '2025e'],
    ['antimony', '2025e'],
  ] as const)('withheld US %s %s stays unknown, with a note, after the known rows', (mineral, year) => {
    const rows = tableOf(shares, mineral, 'mining', year).rows;
    const us = rows.find((r) => r.country === 'USA');
    expect(us).toMatchObject({ value: null, share: null });
    expect(us?.note).toMatch(/withheld/i);
    expect(rows.at(-1)).toBe(us);
  });

  test('sources: USGS tables are reported figures with a link, atlas tables are approximate', () => {
    for (const [, t] of usgsTables) {
      expect(t.approximate).toBe(false);
      // MCS 2026: the publication; MCS 2022-2024: the data release DOIs named in SOURCE.md.
      expect(t.source.url).toMatch(
        /^https:\/\/(pubs\.usgs\.gov\/periodicals\/mcs2026\/|doi\.org\/10\.5066\/P(9KKMCP4|9WCYUI6|144BA54)$)/,
      );
      expect(t.source.title).toMatch(/^Mineral Commodity Summaries 20(22|23|24|26)\b/);
    }
    for (const [, t] of atlasTables) {
      expect(t.approximate).toBe(true);
      expect(t.unit).toMatch(/percent/);
    }
  });

  test('every mineral id has an entry; platinum-group has no shares and says why', () => {
    expect(Object.keys(shares.minerals)).toEqual([...mineralIds].sort());
    const pgm = shares.minerals['platinum-group'];
    expect(pgm?.mining).toEqual({});
    expect(pgm?.refining).toEqual({});
    expect(pgm?.gaps.join(' ')).toMatch(/platinum and for palladium separately/);
  });

  test('the atlas "magnets" refining shares are filed under rare-earths and explained', () => {
    const t = tableOf(shares, 'rare-earths', 'refining', '2024');
    expect(t.measure).toBe('rare-earth refining');
    expect(t.notes.join(' ')).toMatch(/not magnet manufacture/);
  });

  test('the build is deterministic and validates against its schema', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(shares));
    expect(sharesFileSchema.safeParse(shares).success).toBe(true);
  });
});

describe('bad input stops with a PipelineError naming the file and the row', () => {
  /** A copy of the raw inputs buildShares reads, with the CSV lines and the atlas data.json edited. */
  function brokenRaw(
    editCsv: (lines: string[]) => string[],
    editData: (data: { materials: { label: string; refined: { c: string }[] | null }[] }) => void = () => {},
  ): string {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-shares-'));
    for (const f of [USGS_PRODUCTION_CSV, ATLAS_DATA_JSON, ATLAS_REFINING_JSON, ...MCS_WORLD_CSVS]) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(join(RAW, f), join(dir, f));
    }
    const csvFile = join(dir, USGS_PRODUCTION_CSV);
    writeFileSync(csvFile, editCsv(readFileSync(csvFile, 'utf8').split('\n')).join('\n'));
    const dataFile = join(dir, ATLAS_DATA_JSON);
    const data = JSON.parse(readFileSync(dataFile, 'utf8')) as Parameters<typeof editData>[0];
    editData(data);
    writeFileSync(dataFile, JSON.stringify(data));
    return dir;
  }
  /** Replace text in the first line that contains `where`; returns the line's 1-based data row (header = 0). */
  const editLine =
    (where: string, from: string, to: string) =>
    (lines: string[]): string[] =>
      lines.map((line, i) =>
        i === lines.findIndex((l) => l.includes(where)) ? line.replace(from, to) : line,
      );
  const rowOf = (where: string): number =>
    readFileSync(join(RAW, USGS_PRODUCTION_CSV), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(where));

  const chinaRee =
    'rare-earths,"metric tons, rare-earth-oxide (REO) equivalent",World Mine Production and Reserves,China,';
  test.each([
    {
      name: 'an extra field (malformed CSV row)',
      editCsv: editLine(chinaRee, 'pdf', 'pdf,extra'),
      file: USGS_PRODUCTION_CSV,
      row: rowOf(chinaRee),
      message: /malformed CSV/,
    },
    {
      name: 'an unreadable raw production value',
      editCsv: editLine(chinaRee, ',44000000,270000,270000,', ',44000000,27O000,270000,'),
      file: USGS_PRODUCTION_CSV,
      row: rowOf(chinaRee),
      message: /production_2024_raw: cannot read "27O000/,
    },
    {
      name: 'a numeric column that disagrees with its raw string',
      editCsv: editLine(chinaRee, 'China,270000,', 'China,280000,'),
      file: USGS_PRODUCTION_CSV,
      row: rowOf(chinaRee),
      message: /production_2024 "280000" disagrees/,
    },
    {
      name: 'an unknown country',
      editCsv: editLine(',Burma,', ',Burma,', ',Atlantis,'),
      file: USGS_PRODUCTION_CSV,
      row: rowOf(',Burma,'),
      message: /unknown country "Atlantis"/,
    },
    {
      name: 'a commodity that is not a mineral id',
      editCsv: editLine('cobalt,', 'cobalt,', 'kobalt,'),
      file: USGS_PRODUCTION_CSV,
      row: rowOf('cobalt,'),
      message: /"kobalt" is not a known mineral id/,
    },
    {
      name: 'rows that no longer add up to the world total',
      editCsv: editLine(
        chinaRee,
        '270000,270000,,44000000,270000,270000,',
        '370000,270000,,44000000,370000,270000,',
      ),
      file: USGS_PRODUCTION_CSV,
      row: undefined,
      message: /rare-earths 2024: rows add up to 484000, not to the rounded world total 380000/,
    },
  ])('$name', ({ editCsv, file, row, message }) => {
    const dir = brokenRaw(editCsv);
    let error: unknown;
    try {
      build(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PipelineError);
    const pipelineError = error as PipelineError;
    expect(pipelineError.file).toBe(join(dir, file));
    expect(pipelineError.row).toBe(row);
    expect(pipelineError.message).toMatch(message);
    if (row !== undefined) expect(pipelineError.message).toContain(`${file} row ${row}:`);
  });

  test('an unknown ISO2 code in the atlas names data.json', () => {
    const dir = brokenRaw(
      (lines) => lines,
      (data) => {
        const magnets = data.materials.find((m) => m.label === 'magnets');
        const first = magnets?.refined?.[0];
        if (first) first.c = 'XX';
      },
    );
    expect(() => build(dir)).toThrow(/reference_shares\/data\.json: magnets refined: unknown ISO2 code "XX"/);
  });
});

describe('the schema rejects a bad file', () => {
  const mutate = (edit: (f: SharesFile) => void): SharesFile => {
    const copy = structuredClone(shares);
    edit(copy);
    return copy;
  };
  const ree = (f: SharesFile) => tableOf(f, 'rare-earths', 'mining', '2024');
  const usRow = (f: SharesFile) => {
    const row = tableOf(f, 'lithium', 'mining', '2024').rows.find((r) => r.country === 'USA');
    if (!row) throw new Error('no US lithium row');
    return row;
  };

  test.each([
    ['a share above 1', (f: SharesFile) => void Object.assign(ree(f).rows[0] ?? {}, { share: 1.5 })],
    ['a negative value', (f: SharesFile) => void Object.assign(ree(f).rows[0] ?? {}, { value: -1 })],
    ['an ISO2 country code', (f: SharesFile) => void Object.assign(ree(f).rows[0] ?? {}, { country: 'CN' })],
    ['rows out of order', (f: SharesFile) => void ree(f).rows.reverse()],
    ['a javascript: source URL', (f: SharesFile) => void (ree(f).source.url = 'javascript:alert(1)')],
    ['a world-total basis without a world total', (f: SharesFile) => void (ree(f).worldTotal = null)],
    ['a percent basis with a world total', (f: SharesFile) => void (ree(f).shareBasis = 'source-percent')],
    ['a withheld value with a share', (f: SharesFile) => void (usRow(f).share = 0.1)],
    ['a withheld value without a note', (f: SharesFile) => void delete usRow(f).note],
    [
      'a year key that is not a year',
      (f: SharesFile) => {
        const cobalt = f.minerals['cobalt'];
        if (cobalt) cobalt.mining['24'] = ree(f);
      },
    ],
    ['an unknown field', (f: SharesFile) => void Object.assign(ree(f), { extra: 1 })],
    ['a missing source', (f: SharesFile) => void Reflect.deleteProperty(ree(f), 'source')],
    [
      'a mineral without gaps',
      (f: SharesFile) => void Reflect.deleteProperty(f.minerals['cobalt'] ?? {}, 'gaps'),
    ],
  ])('%s', (_name, edit) => {
    expect(sharesFileSchema.safeParse(shares).success).toBe(true);
    expect(sharesFileSchema.safeParse(mutate(edit)).success).toBe(false);
  });
});
