// Table-driven tests of validation at the app's edge: bad features are reported by id, the rest is kept.
import { parseCountries, parseMinerals } from '../../src/data/records';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  isCountry,
  isFlowFile,
  isManifest,
  isMineralsFile,
  isSiteCollection,
  isSiteFeature,
  SCHEMA_KEYS,
} from '../../src/data/checks';
import {
  DataFileError,
  fileErrorFromMessage,
  parseFlows,
  parseSites,
  type DataProblem,
} from '../../src/data/load';
import {
  countrySchema,
  type FlowRow,
  flowFileSchema,
  manifestSchema,
  mineralSchema,
  mineralsFileSchema,
  siteCollectionSchema,
  siteFeatureSchema,
  sourceSchema,
} from '../../src/data/schema';
import { encodeFlowColumns, flowRowAt, type FlowColumns } from '../../src/data/flow-columns';

/**
 * A copy of `o` with the value at `path` replaced by `v` (or deleted); unchanged when an earlier edit removed the
 * path. The empty path replaces the whole value. Used to mutate real records for the fast-check property tests.
 */
function setAt(o: unknown, path: string[], v: unknown, del: boolean): unknown {
  if (path.length === 0) return v;
  if (typeof o !== 'object' || o === null) return o;
  const copy = structuredClone(o) as Record<string, unknown>;
  let cur: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (typeof next !== 'object' || next === null) return copy;
    cur = next as Record<string, unknown>;
  }
  const last = path[path.length - 1] ?? '';
  if (del) delete cur[last];
  else cur[last] = v;
  return copy;
}

/**
 * Property: on real records with one to three random edits (a path set to an odd value, or deleted), whatever the
 * hand-written `check` accepts the zod `schema` accepts too.
 */
function fastCheckAgrees(
  real: readonly unknown[],
  paths: string[][],
  odd: fc.Arbitrary<unknown>,
  check: (x: unknown) => boolean,
  schema: { safeParse(x: unknown): { success: boolean } },
  seed: number,
): void {
  fc.assert(
    fc.property(
      fc.nat(real.length - 1),
      fc.array(fc.tuple(fc.constantFrom(...paths), odd, fc.boolean()), { minLength: 1, maxLength: 3 }),
      (i, edits) => {
        const x = edits.reduce<unknown>((acc, [path, v, del]) => setAt(acc, path, v, del), real[i]);
        if (check(x)) expect(schema.safeParse(x).success).toBe(true);
      },
    ),
    { seed, numRuns: 4000 },
  );
}

const good = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-115.532, 35.479] },
  properties: {
    id: 'cur-mountain-pass',
    name: 'Mountain Pass',
    kind: 'mine',
    minerals: ['rare-earths'],
    country: 'USA',
    status: 'operating',
    precision: 'exact',
    sources: [{ publisher: 'USGS', title: 'MCS 2026', year: 2026 }],
    vintage: 2025,
  },
};
const withProps = (patch: Record<string, unknown>) => ({
  ...good,
  properties: { ...good.properties, ...patch },
});

describe('parseSites', () => {
  test.each([
    [
      'coordinates out of range',
      { ...good, geometry: { type: 'Point', coordinates: [999, 10] } },
      /coordinates/,
    ],
    ['unknown kind', withProps({ kind: 'castle' }), /kind/],
    ['no sources', withProps({ sources: [] }), /sources/],
    ['id not URL-safe', withProps({ id: 'Bad Id!' }), /URL-safe/],
    ['missing precision', withProps({ precision: undefined }), /precision/],
    ['country not ISO3', withProps({ country: 'United States' }), /alpha-3/],
    [
      'source URL not a URL',
      withProps({ sources: [{ publisher: 'x', title: 'y', year: 2020, url: 'javascript:alert(1)' }] }),
      /url/,
    ],
    ['extra property', withProps({ html: '<b>' }), /unexpected fields \(html\)/],
  ])('%s is reported and skipped', async (_title, bad, error) => {
    const problems: DataProblem[] = [];
    const sites = await parseSites(
      { type: 'FeatureCollection', features: [good, bad] },
      'sites.geojson',
      problems,
    );
    expect(sites.map((s) => s.id)).toEqual(['cur-mountain-pass']);
    expect(problems).toHaveLength(1);
    expect(`${problems[0]?.message}`).toMatch(error);
  });
  test('duplicate ids are reported', async () => {
    const problems: DataProblem[] = [];
    expect(
      await parseSites({ type: 'FeatureCollection', features: [good, good] }, 'f', problems),
    ).toHaveLength(1);
    expect(problems[0]?.message).toBe('duplicate id');
    expect(problems[0]?.id).toBe('cur-mountain-pass');
  });
  test('a file that is not a FeatureCollection is a file error', async () => {
    await expect(parseSites({ type: 'Topology' }, 'sites.geojson', [])).rejects.toThrow(DataFileError);
  });
});

describe('parseFlows', () => {
  const head = {
    year: 2024,
    complete: { 'rare-earths': true },
    sources: [{ publisher: 'CEPII', title: 'BACI', year: 2026 }],
  };
  const file = (rows: FlowRow[]) => ({ ...head, ...encodeFlowColumns(rows) });
  test('valid rows become flows with stable ids and shared strings', async () => {
    const problems: DataProblem[] = [];
    const r = await parseFlows(
      file([
        ['CHN', 'DEU', 'rare-earths', '850511', 513918501, 12607, 1],
        ['CHN', 'USA', 'rare-earths', '850511', 5, null, 0],
      ]),
      'flows-2024.json',
      new Set(['CHN', 'DEU', 'USA']),
      problems,
    );
    expect(problems).toEqual([]);
    expect(r.flows.map((f) => ({ ...f, id: f.id }))[0]).toEqual({
      id: '2024-rare-earths-850511-CHN-DEU',
      year: 2024,
      exporter: 'CHN',
      importer: 'DEU',
      mineral: 'rare-earths',
      hs: '850511',
      valueUsd: 513918501,
      tonnes: 12607,
      risk: 1,
    });
    expect(r.flows[1]?.tonnes).toBeNull();
  });
  // Row 2 of a two-row file is broken in one column; row 1 always survives.
  const good: FlowRow = ['CHN', 'DEU', 'rare-earths', '850511', 5, null, 1];
  test.each<[string, string, unknown, RegExp]>([
    ['exporter index past the list', 'exporter', 9, /exporter: not an index/],
    ['importer index not an integer', 'importer', 0.5, /importer: not an index/],
    ['mineral index negative', 'mineral', -1, /mineral: not an index/],
    ['hs index a string', 'hs', '850511', /hs: not an index/],
    ['negative value', 'valueUsd', -5, /valueUsd/],
    ['value not finite', 'valueUsd', null, /valueUsd/],
    ['tonnes negative', 'tonnes', -1, /tonnes/],
    ['risk out of range', 'risk', 128, /risk: not an integer 0..127/],
    ['risk not an integer', 'risk', 1.5, /risk/],
  ])('%s: the row is reported and skipped', async (_, column, value, message) => {
    const f = file([good, good]);
    (f.columns as Record<string, unknown[]>)[column]![1] = value;
    const problems: DataProblem[] = [];
    const r = await parseFlows(f, 'flows-2024.json', new Set(['CHN', 'DEU']), problems);
    expect(r.flows.length).toBe(1);
    expect(problems.map((p) => p.id)).toEqual(['row 2']);
    expect(problems[0]?.message).toMatch(message);
  });
  test('a country without a map anchor: reported and skipped', async () => {
    const problems: DataProblem[] = [];
    const r = await parseFlows(
      file([good, ['CHN', 'XXX', 'rare-earths', '850511', 1, null, 1]]),
      'f',
      new Set(['CHN', 'DEU']),
      problems,
    );
    expect(r.flows.length).toBe(1);
    expect(problems).toEqual([{ file: 'f', id: 'row 2', message: 'unknown country CHN or XXX' }]);
  });
  test.each<[string, (f: Record<string, unknown>) => void, RegExp]>([
    [
      'a wrong envelope',
      (f) => void (f.year = 'x'),
      /unexpected format \(field "year" should be a number, not string\)/,
    ],
    [
      'a bad dictionary code',
      (f) => void ((f.dictionaries as { hs: string[] }).hs[0] = '8505'),
      /dictionaries\.hs\.0/,
    ],
    [
      'a short column',
      (f) => void (f.columns as { risk: number[] }).risk.pop(),
      /columns\.risk: 1 entries, not 2/,
    ],
    [
      'the old row layout',
      (f) => void Object.assign(f, { columns: ['exporter'], rows: [] }),
      /unexpected format/,
    ],
  ])('%s is a file error', async (_, edit, message) => {
    const f = file([good, good]) as unknown as Record<string, unknown>;
    edit(f);
    await expect(parseFlows(f, 'f', new Set(['CHN', 'DEU']), [])).rejects.toThrow(message);
  });
  test('encode then decode gives the rows back (real 2024 file)', () => {
    const raw = JSON.parse(readFileSync('public/data/flows-2024.json', 'utf8')) as FlowColumns;
    const rows = Array.from({ length: raw.rows }, (_, i) => flowRowAt(raw, i));
    expect(encodeFlowColumns(rows)).toEqual({
      rows: raw.rows,
      dictionaries: raw.dictionaries,
      columns: raw.columns,
    });
  });
});

describe('parseMinerals', () => {
  const file = JSON.parse(readFileSync('public/data/minerals.json', 'utf8')) as {
    minerals: { id: string }[];
  };
  test('a bad mineral is skipped with a plain message; the others are kept', async () => {
    const problems: DataProblem[] = [];
    const [first, second, ...rest] = file.minerals;
    const bad = { minerals: [{ ...first, color: 'red' }, second, ...rest] };
    const kept = await parseMinerals(bad, 'minerals.json', problems);
    expect(kept.map((m) => m.id)).toEqual([second, ...rest].map((m) => m?.id));
    expect(problems).toEqual([
      { file: 'minerals.json', id: first?.id, message: 'field "color" is not in the expected format' },
    ]);
  });
  test('a file with no valid mineral is a file error', async () => {
    await expect(parseMinerals({ minerals: [{ id: 1 }] }, 'minerals.json', [])).rejects.toThrow(
      DataFileError,
    );
    await expect(parseMinerals({ minerals: [] }, 'minerals.json', [])).rejects.toThrow(/no valid mineral/);
  });
});

describe('parseCountries', () => {
  test('rejects more than two ports', async () => {
    const port = { name: 'P', position: [0, 0], coast: null };
    const c = {
      iso3: 'USA',
      iso2: 'US',
      name: 'United States',
      anchor: [0, 0],
      anchorKind: 'port',
      anchorName: 'P',
      ports: [port, port, port],
      label: null,
    };
    const problems: DataProblem[] = [];
    expect(await parseCountries({ countries: [c] }, 'countries.json', problems)).toEqual([]);
    expect(problems).toEqual([
      { file: 'countries.json', id: 'USA', message: 'field "ports" is above its maximum (2)' },
    ]);
  });
});

describe('isSiteFeature (fast path) never accepts what siteFeatureSchema rejects', () => {
  const real = (
    JSON.parse(readFileSync('public/data/sites.geojson', 'utf8')) as { features: Record<string, unknown>[] }
  ).features;
  test('every published site takes the fast path', () => {
    expect(real.filter((f) => !isSiteFeature(f)).length).toBe(0);
  });
  const oddValue = fc.oneof(
    fc.constantFrom(
      '',
      'x',
      'CHN',
      'chn',
      'mine',
      'Mine',
      'operating',
      'exact',
      'Bad Id',
      'ok-id',
      'javascript:alert(1)',
      'https://example.org:99999/',
      'http://1.2.3.999/',
      'https://www.usgs.gov/x y',
      'https://www.usgs.gov/data?x=1',
      'ftp://example.org/',
      'https://',
    ),
    fc.integer({ min: -200, max: 2200 }),
    fc.double({ noNaN: false }),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant([]),
    fc.constant({}),
    fc.constant([0, 0]),
    fc.constant([{ publisher: 'P', title: 'T', year: 2020 }]),
  );
  const paths = [
    ['type'],
    ['geometry', 'type'],
    ['geometry', 'coordinates'],
    ['geometry', 'coordinates', '0'],
    ['geometry', 'coordinates', '1'],
    ['geometry', 'extra'],
    ...['id', 'name', 'kind', 'minerals', 'country', 'status', 'operator', 'capacity', 'precision'].map(
      (k) => ['properties', k],
    ),
    ['properties', 'sources'],
    ['properties', 'sources', '0'],
    ['properties', 'minerals', '0'],
    ['properties', 'sources', '0', 'url'],
    ['properties', 'sources', '0', 'year'],
    ['properties', 'sources', '0', 'publisher'],
    ['properties', 'sources', '0', 'extra'],
    ['properties', 'capacity', 'value'],
    ['properties', 'vintage'],
    ['properties', 'notes'],
    ['properties', 'extra'],
    ['extra'],
  ];
  test('on mutated real features (seeded)', () => {
    fastCheckAgrees(real, paths, oddValue, isSiteFeature, siteFeatureSchema, 5);
  });
});

describe('isCountry (fast path) never accepts what countrySchema rejects', () => {
  const real = (
    JSON.parse(readFileSync('public/data/countries.json', 'utf8')) as { countries: Record<string, unknown>[] }
  ).countries;
  test('every published country takes the fast path', () => {
    expect(real.filter((c) => !isCountry(c)).length).toBe(0);
  });
  const oddValue = fc.oneof(
    fc.constantFrom('', 'x', 'CHN', 'chn', 'port', 'centroid', 'Port'),
    fc.integer({ min: -200, max: 200 }),
    fc.double({ noNaN: false }),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant([]),
    fc.constant({}),
    fc.constant([0, 0]),
    fc.constant([200, 0]),
    fc.constant([0, -95]),
    fc.constant([1, 2, 3]),
    fc.constant([{ name: 'P', position: [0, 0], coast: null }]),
    fc.constant([
      { name: 'P', position: [0, 0], coast: null },
      { name: 'Q', position: [1, 1], coast: 'x' },
      {},
    ]),
  );
  const paths = [
    ...['iso3', 'iso2', 'name', 'anchor', 'anchorKind', 'anchorName', 'ports', 'label', 'extra'].map((k) => [
      k,
    ]),
    ['anchor', '0'],
    ['anchor', '1'],
    ['label', '1'],
    ['ports', '0'],
    ['ports', '0', 'name'],
    ['ports', '0', 'position'],
    ['ports', '0', 'position', '0'],
    ['ports', '0', 'coast'],
    ['ports', '0', 'extra'],
  ];
  test('on mutated real countries (seeded)', () => {
    fastCheckAgrees(real, paths, oddValue, isCountry, countrySchema, 11);
  });
  test('a bad country is skipped with a plain message naming it; the other countries are kept', async () => {
    const problems: DataProblem[] = [];
    const bad = { countries: [{ ...real[0], anchor: [500, 0] }, real[1], null] };
    const kept = await parseCountries(bad, 'countries.json', problems);
    expect(kept).toEqual([real[1]]);
    expect(problems.map((p) => `${p.id}: ${p.message}`)).toEqual([
      `${String((real[0] as { iso3: string }).iso3)}: field "anchor.0" is above its maximum (180)`,
      'record 3: the record should be an object, not null',
    ]);
    await expect(parseCountries({ countries: 'x' }, 'countries.json', [])).rejects.toThrow(DataFileError);
  });
});

describe('fast envelope and file checks never accept what their zod schema rejects', () => {
  /** Every path into a JSON value, arrays sampled at their first two items (enough for per-item rules). */
  const pathsOf = (v: unknown, at: string[] = []): string[][] => {
    const out: string[][] = [at];
    if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => out.push(...pathsOf(x, [...at, String(i)])));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
    return out;
  };
  const odd = fc.oneof(
    fc.constantFrom(
      '',
      'x',
      'CHN',
      'chn',
      '850511',
      '8505',
      '#d62976',
      '#D62976',
      'rare-earths',
      'ore',
      'Ore',
    ),
    fc.integer({ min: -5, max: 2200 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(null, undefined, true, [], {}, [1], ['x'], { a: 1 }, 1.5),
  );
  const small = <T>(v: T, keep: (x: T) => T): T => keep(structuredClone(v));
  const flows = small(JSON.parse(readFileSync('public/data/flows-2024.json', 'utf8')) as FlowColumns, (f) => {
    // Two rows are enough for the envelope: the columns' entries are not its business.
    for (const k of Object.keys(f.columns)) (f.columns as Record<string, unknown[]>)[k]!.length = 2;
    return { ...f, rows: 2 };
  });
  const cases: [string, (v: unknown) => boolean, { safeParse(v: unknown): { success: boolean } }, unknown][] =
    [
      [
        'minerals.json',
        isMineralsFile,
        mineralsFileSchema,
        JSON.parse(readFileSync('public/data/minerals.json', 'utf8')),
      ],
      [
        'sources.json',
        isManifest,
        manifestSchema,
        JSON.parse(readFileSync('public/data/sources.json', 'utf8')),
      ],
      ['flows-2024.json', isFlowFile, flowFileSchema, flows],
      [
        'sites.geojson envelope',
        isSiteCollection,
        siteCollectionSchema,
        { type: 'FeatureCollection', features: [] },
      ],
    ];
  test.each(cases)('%s: the published file takes the fast path', (_, check, schema, real) => {
    expect(check(real)).toBe(true);
    expect(schema.safeParse(real).success).toBe(true);
  });
  test.each(cases)('%s: mutated (seeded)', (_, check, schema, real) => {
    const paths = pathsOf(real);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), odd, fc.boolean()), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let v: unknown = real;
          for (const [path, x, del] of edits) v = setAt(v, path, x, del);
          if (check(v)) expect(schema.safeParse(v).success).toBe(true);
        },
      ),
      { seed: 13, numRuns: 3000 },
    );
  });
});

test('the hand-written checks allow exactly the keys of the strict schemas', () => {
  expect(SCHEMA_KEYS).toEqual({
    siteProperties: Object.keys(siteFeatureSchema.shape.properties.shape),
    source: Object.keys(sourceSchema.shape),
    country: Object.keys(countrySchema.shape),
    port: Object.keys(countrySchema.shape.ports.element.shape),
    mineral: Object.keys(mineralSchema.shape),
    product: Object.keys(mineralSchema.shape.products.element.shape),
    dataset: Object.keys(manifestSchema.shape.datasets.element.shape),
    flowFile: Object.keys(flowFileSchema.shape),
    flowColumns: Object.keys(flowFileSchema.shape.columns.shape),
  });
});

describe('fileErrorFromMessage (a file failure reported by a worker as text)', () => {
  test.each([
    ['could not be loaded (HTTP 404)', true],
    ['could not be downloaded (network error)', true],
    ['is not valid JSON', true],
    ['not a countries topology', false],
  ])('%s -> file error: %s', (message, isFile) => {
    const e = fileErrorFromMessage('data/basemap.topo.json', message);
    expect(e.message).toBe(message);
    expect(e instanceof DataFileError).toBe(isFile);
    if (e instanceof DataFileError) expect(e.file).toBe('data/basemap.topo.json');
  });
});
