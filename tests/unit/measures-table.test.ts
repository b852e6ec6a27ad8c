// Unit tests for the export-control table at the pipeline's edge: each malformed row stops with its row, id and column.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadMeasures, MEASURE_COLUMNS, parseHsCodes, parseMeasures } from '../../data/pipeline/measures';
import { loadCuratedMinerals } from '../../data/pipeline/stages/minerals';

const CURATED = 'data/curated';
const HS = parseHsCodes(readFileSync(`${CURATED}/hs-codes.csv`, 'utf8'), 'hs-codes.csv');
const MINERALS = new Set(loadCuratedMinerals(CURATED).map((m) => m.id));
const COUNTRIES = new Set(['CHN', 'USA', 'JPN', 'COD', 'IDN', 'ZWE', 'MYS', 'NAM', 'VNM', 'GAB']);
const VOCAB = { hs: HS, minerals: MINERALS, countries: COUNTRIES };

type Row = Record<(typeof MEASURE_COLUMNS)[number], string>;

/** A valid row; each case changes one field. */
const GOOD: Row = {
  id: 'cn-test-gallium',
  country: 'CHN',
  issuer: 'MOFCOM',
  announcement_no: 'Announcement 2023 No. 23',
  date_announced: '2023-07-03',
  date_in_force: '2023-08-01',
  date_suspended: '',
  date_lifted: '',
  suspended_until: '',
  form: 'licence',
  minerals: 'gallium;germanium',
  materials: 'Gallium and germanium items',
  hs_codes: '811292;282560',
  hs_mapping: 'stated',
  destinations: 'all',
  source_publisher: 'MOFCOM',
  source_title: 'Announcement text',
  source_year: '2023',
  source_url: 'https://example.org/a',
  second_source_publisher: 'Reuters; AFP',
  second_source_title: 'Report',
  second_source_year: '2023',
  second_source_url: '',
  checked: 'Dates checked against the text',
  notes: '',
};

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: Row[]) =>
  [MEASURE_COLUMNS.join(','), ...rows.map((r) => MEASURE_COLUMNS.map((c) => field(r[c])).join(','))].join(
    '\r\n',
  );
const parse = (rows: Row[]) => parseMeasures(csv(rows), 'measures.csv', VOCAB);

describe('a malformed row stops the build, naming the row, the id and the field', () => {
  test.each([
    ['missing source publisher', { source_publisher: '' }, /row 1: cn-test-gallium: source_publisher: empty/],
    ['missing source title', { source_title: '' }, /row 1: cn-test-gallium: source_title: empty/],
    ['missing source year', { source_year: '' }, /row 1: cn-test-gallium: source_year: "" is not a year/],
    [
      'a source URL that is not http(s)',
      { source_url: 'javascript:alert(1)' },
      /source_url: .* not an http\(s\) URL/,
    ],
    [
      'a date that does not exist',
      { date_in_force: '2025-02-30' },
      /cn-test-gallium: date_in_force: "2025-02-30"/,
    ],
    [
      'a date in another format',
      { date_announced: '03/07/2023' },
      /date_announced: "03\/07\/2023" is not a date/,
    ],
    [
      'an unknown HS code',
      { hs_codes: '811292;999999' },
      /hs_codes: unknown HS code 999999 \(not in hs-codes\.csv\)/,
    ],
    ['an HS code that is not 6 digits', { hs_codes: '81129' }, /hs_codes: "81129" is not an HS 6-digit code/],
    ['an unknown form', { form: 'embargo' }, /row 1: cn-test-gallium: form: "embargo" is not one of/],
    ['an unknown mineral', { minerals: 'gallium;unobtainium' }, /minerals: unknown mineral id "unobtainium"/],
    ['a bad country', { country: 'China' }, /country: "China" is not a known ISO 3166-1 alpha-3 code/],
    ['a bad destination', { destinations: 'USA;XXX' }, /destinations: "XXX" is not a known ISO/],
    ['suspended before announced', { date_suspended: '2023-07-01' }, /date_suspended: 2023-07-01 is before/],
    ['lifted before announced', { date_lifted: '2022-12-31' }, /date_lifted: 2022-12-31 is before/],
    ['a second source without a year', { second_source_year: '' }, /second_source_year: "" is not a year/],
  ] as const)('%s', (_name, change, message) => {
    expect(() => parse([{ ...GOOD, ...change }])).toThrow(message);
  });

  test('a duplicate id names the second row', () => {
    expect(() => parse([GOOD, { ...GOOD, country: 'USA' }])).toThrow(
      /row 2: cn-test-gallium: id: duplicate id/,
    );
  });

  test('a missing or extra column stops before any row', () => {
    const text = csv([GOOD]).replace('notes', 'remarks');
    expect(() => parseMeasures(text, 'measures.csv', VOCAB)).toThrow(/measures\.csv: columns must be/);
  });
});

describe('a good row becomes a Measure', () => {
  test('dates null where empty, all destinations null, lists split, both sources kept as written', () => {
    const [m] = parse([{ ...GOOD, destinations: 'USA;JPN', date_lifted: '2024-01-01' }]);
    expect(m).toEqual({
      id: 'cn-test-gallium',
      country: 'CHN',
      issuer: 'MOFCOM',
      announcementNo: 'Announcement 2023 No. 23',
      announced: '2023-07-03',
      inForce: '2023-08-01',
      suspended: null,
      lifted: '2024-01-01',
      suspendedUntil: null,
      form: 'licence',
      minerals: ['gallium', 'germanium'],
      materials: 'Gallium and germanium items',
      hs: ['811292', '282560'],
      hsMapping: 'stated',
      destinations: ['USA', 'JPN'],
      sources: [
        { publisher: 'MOFCOM', title: 'Announcement text', year: 2023, url: 'https://example.org/a' },
        { publisher: 'Reuters; AFP', title: 'Report', year: 2023 },
      ],
      checked: 'Dates checked against the text',
      notes: '',
    });
    expect(parse([GOOD])[0]?.destinations).toBeNull();
  });

  test('without a second source there is one source', () => {
    const second = { second_source_publisher: '', second_source_title: '', second_source_year: '' };
    expect(parse([{ ...GOOD, ...second }])[0]?.sources).toHaveLength(1);
  });
});

describe('hs-codes.csv', () => {
  test.each([
    ['hs,description\r\n81129,Short code', /row 1: hs: "81129" is not 6 digits/],
    ['hs,description\r\n811292,A\r\n811292,B', /row 2: hs: 811292 is listed twice/],
    ['hs,description\r\n811292,', /row 1: description: empty for 811292/],
    ['code,text\r\n811292,A', /columns must be hs,description/],
  ])('%s', (text, message) => {
    expect(() => parseHsCodes(text, 'hs-codes.csv')).toThrow(message);
  });
});

describe('the real curated table', () => {
  const all = loadMeasures(
    CURATED,
    MINERALS,
    new Set(['CHN', 'USA', 'JPN', 'COD', 'IDN', 'ZWE', 'MYS', 'NAM', 'VNM', 'GAB']),
  );
  test('parses: 27 measures, checked on 2026-12-03', () => {
    expect(all.measures).toHaveLength(27);
    expect(all.asOf).toBe('2026-12-03');
    const perCountry: Record<string, number> = {};
    for (const m of all.measures) perCountry[m.country] = (perCountry[m.country] ?? 0) + 1;
    expect(perCountry).toEqual({ CHN: 16, IDN: 2, COD: 2, ZWE: 3, MYS: 1, NAM: 1, VNM: 1, GAB: 1 });
  });
  test('every mineral product code has an HS 2022 description (850511 magnets)', () => {
    for (const m of loadCuratedMinerals(CURATED))
      for (const p of m.products) expect(HS.has(p.hs), p.hs).toBe(true);
    expect(HS.get('850511')).toBe(
      'Permanent magnets of metal and articles intended to become permanent magnets after magnetisation',
    );
  });
  test('2024 No. 46 names the union of the codes of 2023 No. 23 and 2024 No. 33', () => {
    const hs = (id: string) => all.measures.find((m) => m.id === id)?.hs ?? [];
    const union = new Set([...hs('cn-2023-23-gallium-germanium'), ...hs('cn-2024-33-antimony-superhard')]);
    expect(new Set(hs('cn-2024-46-us-dual-use'))).toEqual(union);
  });
});
