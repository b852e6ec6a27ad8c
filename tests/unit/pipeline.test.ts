// Pipeline tests on the committed raw excerpts (rules, errors, schemas, known facts); on the full raw data, public/data.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  countriesFileSchema,
  flowFileSchema,
  flowRowSchema,
  manifestSchema,
  mineralsFileSchema,
  siteFeatureSchema,
} from '../../src/data/schema';
import { measuresFileSchema } from '../../src/data/measures-schema';
import { flowRowAt, type FlowColumns } from '../../src/data/flow-columns';
import { FIXTURE_RAW_DIR, fullRawDataDir, RAW_DATA_HINT } from '../../data/pipeline/raw-dir';
import { runPipeline } from '../../data/pipeline/run';
import { mergeDuplicates, similarNames, type CheckedSite } from '../../data/pipeline/sites';

/** The committed excerpts (tests/fixtures/raw/README.md): every rule below runs on them. */
const RAW = FIXTURE_RAW_DIR;
/** The full raw data, needed only to reproduce public/data byte for byte. */
const FULL = fullRawDataDir();
const CURATED = 'data/curated';
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
let out: string;

if (FULL === null) console.log(`skipped: reproducing public/data needs the full raw data (${RAW_DATA_HINT})`);

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'cmm-pipeline-'));
  runPipeline({ rawDir: RAW, curatedDir: CURATED, outDir: out, reportFile: join(out, 'REPORT.md') });
}, 120_000);

const read = (f: string) => readFileSync(join(out, f), 'utf8');
interface Feature {
  geometry: { coordinates: [number, number] };
  properties: {
    id: string;
    name: string;
    country: string;
    kind: string;
    minerals: string[];
    sources: unknown[];
  };
}
const sites = () => (JSON.parse(read('sites.geojson')) as { features: Feature[] }).features;

describe('determinism', () => {
  test('a second run on the excerpts gives byte-identical files', () => {
    const again = mkdtempSync(join(tmpdir(), 'cmm-pipeline-'));
    runPipeline({ rawDir: RAW, curatedDir: CURATED, outDir: again, reportFile: join(again, 'REPORT.md') });
    const files = readdirSync(out).sort();
    expect(readdirSync(again).sort()).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  }, 120_000);
});

describe.skipIf(FULL === null)('the full raw data reproduces public/data', () => {
  let full: string;
  beforeAll(() => {
    full = mkdtempSync(join(tmpdir(), 'cmm-pipeline-full-'));
    runPipeline({
      rawDir: FULL ?? '',
      curatedDir: CURATED,
      outDir: full,
      reportFile: join(full, 'REPORT.md'),
    });
  }, 240_000);

  test('every file equals the committed public/data, and the report data/REPORT.md', () => {
    const files = readdirSync(full).sort();
    expect(files).toEqual([...readdirSync('public/data').sort(), 'REPORT.md'].sort());
    for (const f of files.filter((x) => x !== 'REPORT.md')) {
      expect(
        readFileSync(join('public/data', f)).equals(readFileSync(join(full, f))),
        `public/data/${f} is stale: run npm run data`,
      ).toBe(true);
    }
    expect(
      readFileSync(join(full, 'REPORT.md')).equals(readFileSync('data/REPORT.md')),
      'data/REPORT.md',
    ).toBe(true);
  });

  test('the full data has thousands of sites and flows, and every BACI magnet row of 2024', () => {
    const features = (
      JSON.parse(readFileSync(join(full, 'sites.geojson'), 'utf8')) as { features: Feature[] }
    ).features;
    expect(features.length).toBeGreaterThan(2500);
    for (const year of YEARS) {
      const file = JSON.parse(readFileSync(join(full, `flows-${year}.json`), 'utf8')) as FlowColumns;
      expect(file.rows).toBeGreaterThan(5000);
    }
    const file = JSON.parse(readFileSync(join(full, 'flows-2024.json'), 'utf8')) as FlowColumns;
    const rows = Array.from({ length: file.rows }, (_, i) => flowRowAt(file, i));
    expect(rows.filter((r) => r[3] === '850511').length).toBeGreaterThan(4000);
  });
});

describe('errors name the file and the row', () => {
  const withBrokenRaw = (mutate: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-raw-'));
    cpSync(RAW, dir, { recursive: true });
    mutate(dir);
    const o = mkdtempSync(join(tmpdir(), 'cmm-out-'));
    return () => runPipeline({ rawDir: dir, curatedDir: CURATED, outDir: o, reportFile: join(o, 'R.md') });
  };
  test('a missing source file', () => {
    const run = withBrokenRaw((d) => rmSync(join(d, 'usgs-pp1802-critical-minerals/PP1802_CritMin_pts.csv')));
    expect(run).toThrow(/PP1802_CritMin_pts\.csv: file not found/);
  }, 120_000);
  test('an empty source file', () => {
    const run = withBrokenRaw((d) => writeFileSync(join(d, 'usgs-ree-orris-grauch-2002/ree_main.csv'), ''));
    expect(run).toThrow(/ree_main\.csv: file is empty/);
  }, 120_000);
  test('a malformed BACI row stops with file and row', () => {
    const run = withBrokenRaw((d) => {
      const f = join(d, 'critical-materials-atlas-baci/baci_full_fixtures/baci_2024.csv');
      const lines = readFileSync(f, 'utf8').split('\n');
      lines[3] = 'AFG,IDN,251110,five';
      writeFileSync(f, lines.join('\n'));
    });
    expect(run).toThrow(/baci_2024\.csv row 3: value/);
  }, 120_000);
  test('a missing raw folder names the file to look for', () => {
    const o = mkdtempSync(join(tmpdir(), 'cmm-out-'));
    expect(() =>
      runPipeline({ rawDir: '/nonexistent', curatedDir: CURATED, outDir: o, reportFile: join(o, 'R.md') }),
    ).toThrow(/country_codes_V202601\.csv: file not found/);
  });
});

describe('outputs pass their schemas', () => {
  test('sites', () => {
    const fs = sites();
    expect(fs.length).toBeGreaterThan(100);
    for (const f of fs) expect(siteFeatureSchema.safeParse(f).success, f.properties.id).toBe(true);
    expect(new Set(fs.map((f) => f.properties.id)).size).toBe(fs.length);
  });
  test('flows, countries, minerals, sources', () => {
    const countries = countriesFileSchema.parse(JSON.parse(read('countries.json')));
    const known = new Set(countries.countries.map((c) => c.iso3));
    for (const year of YEARS) {
      const file = flowFileSchema.parse(JSON.parse(read(`flows-${year}.json`)));
      expect(file.year).toBe(year);
      expect(file.rows).toBeGreaterThan(0);
      for (const column of Object.values(file.columns)) expect(column.length).toBe(file.rows);
      for (let i = 0; i < file.rows; i++) {
        const row = flowRowSchema.parse(flowRowAt(file as FlowColumns, i));
        expect(known.has(row[0]) && known.has(row[1])).toBe(true);
      }
      expect(file.complete['rare-earths']).toBe(year === 2022 || year === 2024);
    }
    mineralsFileSchema.parse(JSON.parse(read('minerals.json')));
    manifestSchema.parse(JSON.parse(read('sources.json')));
  });
  test("measures: every monthly value is the sum of its group partners' rows in the excerpt", () => {
    const file = measuresFileSchema.parse(JSON.parse(read('measures.json')));
    expect(file.measures).toHaveLength(27);
    const lines = readFileSync(
      join(RAW, 'china-critical-mineral-exports-comtrade-qennis/country_monthly_stats.csv'),
      'utf8',
    ).split('\n');
    for (const series of file.monthly) {
      for (const [k, month] of [
        [78, '2023-07-01'],
        [79, '2023-08-01'],
      ] as const) {
        let sum = 0;
        for (const line of lines.slice(1)) {
          const f = line.split(',');
          if (f[0] === month && f[5] === series.label) sum += Number(f[1]);
        }
        expect(series.valueUsd[k], `${series.id} ${month}`).toBe(sum);
      }
      expect(series.valueUsd.filter((v) => v !== null)).toHaveLength(2);
    }
  });
});

describe('de-duplication', () => {
  test.each([
    ['Mountain Pass', 'Mountain Pass rare-earth mine and processing facility', true],
    ['Bayan Obo (Baotou)', 'Bayan Obo', true],
    ['Maoniuping', 'Mao Niu Ping', true],
    ['Mount Weld', 'Weld Range', false],
    ['Kamoto Mine', 'Kamoto', true],
    ['Tenke', 'Fungurume', false],
  ])('similarNames(%s, %s) = %s', (a, b, same) => {
    expect(similarNames(a, b)).toBe(same);
  });
  test('three spellings of one site within a few km become one feature keeping every source', () => {
    const base: Omit<CheckedSite, 'id' | 'name' | 'lng' | 'lat' | 'source' | 'rank' | 'ref'> = {
      dataset: 'x',
      kind: 'deposit',
      minerals: ['rare-earths'],
      countryName: 'China',
      country: 'CHN',
      status: 'unknown',
      operator: null,
      capacity: null,
      precision: 'approximate',
      vintage: 2002,
      notes: null,
    };
    const merged = mergeDuplicates(
      [
        {
          ...base,
          id: 'a',
          ref: 'a',
          name: 'Bayan Obo',
          lng: 109.97,
          lat: 41.78,
          source: { publisher: 'USGS', title: 'A', year: 2002 },
          rank: 1,
        },
        {
          ...base,
          id: 'b',
          ref: 'b',
          name: 'Bayan Obo (Baotou)',
          lng: 109.98,
          lat: 41.79,
          source: { publisher: 'USGS', title: 'B', year: 2017 },
          rank: 1,
          vintage: 2017,
        },
        {
          ...base,
          id: 'c',
          ref: 'c',
          name: 'Bayan Obo Mine',
          lng: 110.0,
          lat: 41.77,
          source: { publisher: 'Co.', title: 'C', year: 2025 },
          rank: 3,
          kind: 'mine',
          status: 'operating',
          vintage: 2025,
          precision: 'exact',
        },
        {
          ...base,
          id: 'd',
          ref: 'd',
          name: 'Baiyun Obo far away',
          lng: 111.5,
          lat: 41.77,
          source: { publisher: 'USGS', title: 'D', year: 2005 },
          rank: 1,
        },
      ],
      [],
    );
    expect(merged).toHaveLength(2);
    const bo = merged.find((s) => s.id === 'c');
    expect(bo?.sources.map((s) => s.title)).toEqual(['C', 'A', 'B']);
    expect(bo?.kind).toBe('mine');
    expect(bo?.status).toBe('operating');
  });
});

describe('known facts', () => {
  const near = (f: Feature, lng: number, lat: number, km: number) => {
    const [x, y] = f.geometry.coordinates;
    const d = Math.hypot((x - lng) * 111 * Math.cos((lat * Math.PI) / 180), (y - lat) * 111);
    return d <= km;
  };
  test.each([
    [/Mountain Pass/, 'USA', -115.53, 35.48, 5],
    [/Mount Weld/, 'AUS', 122.55, -28.86, 10],
    [/Bayan Obo/, 'CHN', 109.97, 41.78, 15],
    [/Lynas.*(Malaysia|Advanced)/i, 'MYS', 103.37, 4.0, 15],
    [/La Rochelle/, 'FRA', -1.15, 46.16, 25],
    [/Sillam/, 'EST', 27.74, 59.4, 15],
  ])('%s is in %s near its real place', (name, country, lng, lat, km) => {
    const f = sites().find((x) => name.test(x.properties.name));
    expect(f, String(name)).toBeDefined();
    expect(f?.properties.country).toBe(country);
    expect(near(f as Feature, lng, lat, km)).toBe(true);
  });
  test('China -> Germany permanent magnets 2024 equals the BACI row', () => {
    const file = JSON.parse(read('flows-2024.json')) as FlowColumns;
    const rows = Array.from({ length: file.rows }, (_, i) => flowRowAt(file, i));
    expect(rows.find((r) => r[0] === 'CHN' && r[1] === 'DEU' && r[3] === '850511')?.[4]).toBe(513918501);
  });
});

describe('the report names every fix, exclusion and merge (rows chosen in make-raw-fixtures.ts)', () => {
  const section = (name: string): string => {
    const text = read('REPORT.md');
    const start = text.indexOf(`\n## ${name}\n`);
    const end = text.indexOf('\n## ', start + 1);
    return start < 0 ? '' : text.slice(start, end < 0 ? undefined : end);
  };
  test.each([
    ['fixed', /ree_main\.csv rec_id 136: "Mrima Hill".*longitude sign flipped.*KEN/],
    ['fixed', /deposit\.csv gid 2503: "Timerhdoudine".*longitude sign flipped.*MAR/],
    ['fixed', /FeatureUID KEN006: "Mine at Kilifi".*latitude sign flipped.*KEN/],
    ['fixed', /FeatureUID ZAF095: "Kroondal Platinum Mine".*latitude sign flipped.*ZAF/],
    ['excluded', /rec_id 13: "Bonga": stated Angola \(AGO\) but .* lies in COG/],
    ['excluded', /"Kevitsa": stated Finland \(FIN\) but .* lies in RUS/],
    ['excluded', /FeatureUID SOM003: .* lies in the sea/],
    ['excluded', /FeatureUID MMR004: "Mine in Chipwi".* lies in CHN/],
    ['kept-coastal', /rec_id 77: "Salmon Bay": 1\.7 km off the USA outline/],
    ['kept-coastal', /deposit\.csv gid 62: "Frazer Island"/],
    ['merged', /"Kivuvu Mine" keeps 2 records: .*BDI007.*PP1802_CritMin_pts\.csv row \d+ \("Kivuvu"\)/],
    [
      'merged',
      /keeps 3 records: .*COD001 \("Big Hill Tailings Treatment Plant"\).*COD002.*cur-stl-lubumbashi/,
    ],
    ['merged', /"Selebi-Phikwe Mines" keeps 2 records: .*deposit\.csv gid 2191/],
    [
      'merged',
      /cur-mountain-pass: .* keeps 4 records: .*deposit\.csv gid 641.*PP1802.*ree_main\.csv rec_id 59/,
    ],
  ])('%s: %s', (name, line) => {
    expect(section(name)).toMatch(line);
  });
});
