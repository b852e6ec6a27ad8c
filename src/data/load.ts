// Loading and validating the published data files: unknown JSON in, typed data and per-feature problems out.
import type { z } from 'zod';
import { PRECISIONS, SITE_KINDS, SITE_STATUSES, STAGES } from '../model/types';
import type { CountryInfo, Flow, Mineral, Site, Source } from '../model/types';
import type { FlowCodes, FlowColumns } from './flow-columns';
import type { FlowFileSchemaType, Manifest, RoutesFile, SiteFeature } from './schema';
import type { SharesFile } from './shares-schema';

/** A problem with one file or one feature in it; `id` names the feature where there is one. */
export interface DataProblem {
  file: string;
  id?: string;
  message: string;
}

/** Thrown for a file that cannot be used at all (missing, not JSON, wrong envelope). */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

export type Fetcher = (path: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export async function fetchJson(fetcher: Fetcher, path: string): Promise<unknown> {
  let res;
  try {
    res = await fetcher(path);
  } catch {
    throw new DataFileError(path, `could not be downloaded (network error)`);
  }
  if (!res.ok) throw new DataFileError(path, `could not be loaded (HTTP ${res.status})`);
  try {
    return await res.json();
  } catch {
    throw new DataFileError(path, 'is not valid JSON');
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

type Schemas = typeof import('./schema') & typeof import('./shares-schema');
let schemas: Promise<Schemas> | null = null;
/**
 * zod and the schemas, fetched on first need: to word the message for data the hand-written checks below do not
 * accept, and for the files that have no such checks (sea routes, shares: not part of the first view). zod is ~50 KB
 * gzip of script that the first view then neither downloads nor runs.
 */
function loadSchemas(): Promise<Schemas> {
  schemas ??= Promise.all([import('./schema'), import('./shares-schema')]).then(([a, b]) => ({ ...a, ...b }));
  return schemas;
}

async function whole<T>(pick: (s: Schemas) => z.ZodType<T>, value: unknown, file: string): Promise<T> {
  const r = pick(await loadSchemas()).safeParse(value);
  if (!r.success) throw new DataFileError(file, `has an unexpected format (${firstIssue(r.error)})`);
  return r.data;
}

/**
 * The keys each strict schema allows, for the hand-written checks (which must not load zod). A unit test keeps them
 * equal to the schemas' shapes.
 */
export const SCHEMA_KEYS = {
  siteProperties: [
    'id',
    'name',
    'kind',
    'minerals',
    'country',
    'status',
    'operator',
    'capacity',
    'precision',
    'sources',
    'vintage',
    'notes',
  ],
  source: ['publisher', 'title', 'year', 'url'],
  country: ['iso3', 'name', 'anchor', 'anchorKind', 'anchorName', 'ports', 'label'],
  port: ['name', 'position', 'coast'],
  mineral: ['id', 'name', 'color', 'products', 'commodities', 'coverage'],
  product: ['hs', 'name', 'stage'],
  dataset: ['id', 'publisher', 'title', 'licence', 'vintage', 'url', 'obtainedFrom', 'processing'],
  flowFile: ['year', 'complete', 'sources', 'rows', 'dictionaries', 'columns'],
  flowColumns: ['exporter', 'importer', 'mineral', 'hs', 'valueUsd', 'tonnes', 'risk'],
} as const;

const ISO3_RE = /^[A-Z]{3}$/;
const HS_RE = /^\d{6}$/;
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
/** No keys other than `allowed` (zod's strictObject). */
const onlyKeys = (o: Obj, allowed: readonly string[]): boolean =>
  Object.keys(o).every((k) => allowed.includes(k));
/** Array.prototype.every without skipping holes (a sparse array's hole is undefined to zod). */
const everyItem = (list: readonly unknown[], ok: (x: unknown) => boolean): boolean => {
  for (let i = 0; i < list.length; i++) if (!ok(list[i])) return false;
  return true;
};
const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isYear = (x: unknown): boolean => isNum(x) && Number.isInteger(x) && x >= 1900 && x <= 2100;
const SITE_ID_RE = /^[a-z0-9][a-z0-9-]*$/;
// The keys the (strict) schemas allow, taken from them so the fast check cannot drift from the schema.
const SITE_PROPERTY_KEYS = SCHEMA_KEYS.siteProperties;
const SOURCE_KEYS = SCHEMA_KEYS.source;
/** A plain http(s) URL with a host name that ends in a letter (never an IP literal, port or credentials). */
const PLAIN_URL_RE = /^https?:\/\/(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?:[/?#][^\s]*)?$/;
const plainUrls = new Map<string, boolean>();
/** Thousands of sites cite the same few URLs: each is checked once. */
const isPlainUrl = (x: unknown): boolean => {
  if (typeof x !== 'string') return false;
  let ok = plainUrls.get(x);
  if (ok === undefined) {
    try {
      ok = PLAIN_URL_RE.test(x) && /^https?:$/.test(new URL(x).protocol);
    } catch {
      ok = false;
    }
    plainUrls.set(x, ok);
  }
  return ok;
};
const isSource = (x: unknown): boolean =>
  isObj(x) &&
  onlyKeys(x, SOURCE_KEYS) &&
  isText(x.publisher) &&
  isText(x.title) &&
  isYear(x.year) &&
  (!('url' in x) || isPlainUrl(x.url));

/**
 * A site feature siteFeatureSchema accepts, checked without zod (3,000 features through zod cost ~100 ms of the first
 * view). Conservative: whatever this accepts the schema accepts (property-tested); anything else goes through zod,
 * which decides and words the message.
 */
export function isSiteFeature(f: unknown): f is SiteFeature {
  if (!isObj(f) || !onlyKeys(f, ['type', 'geometry', 'properties']) || f.type !== 'Feature') return false;
  const g = f.geometry;
  if (!isObj(g) || !onlyKeys(g, ['type', 'coordinates']) || g.type !== 'Point') return false;
  const c = g.coordinates;
  if (!Array.isArray(c) || c.length !== 2) return false;
  const [lng, lat] = c as unknown[];
  if (!isNum(lng) || !isNum(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) return false;
  const p = f.properties;
  if (!isObj(p)) return false;
  if (!onlyKeys(p, SITE_PROPERTY_KEYS)) return false;
  if (typeof p.id !== 'string' || !SITE_ID_RE.test(p.id) || !isText(p.name)) return false;
  if (!(SITE_KINDS as readonly unknown[]).includes(p.kind)) return false;
  if (!(SITE_STATUSES as readonly unknown[]).includes(p.status)) return false;
  if (!(PRECISIONS as readonly unknown[]).includes(p.precision)) return false;
  if (!Array.isArray(p.minerals) || p.minerals.length === 0 || !everyItem(p.minerals, isText)) return false;
  if (typeof p.country !== 'string' || !ISO3_RE.test(p.country)) return false;
  if ('operator' in p && !isText(p.operator)) return false;
  if ('capacity' in p) {
    const cap = p.capacity;
    if (!isObj(cap) || !onlyKeys(cap, ['value', 'unit']) || !isNum(cap.value) || cap.value <= 0) return false;
    if (!isText(cap.unit)) return false;
  }
  if (!Array.isArray(p.sources) || p.sources.length === 0 || !everyItem(p.sources, isSource)) return false;
  if (!isYear(p.vintage)) return false;
  return !('notes' in p) || typeof p.notes === 'string';
}

/** JSON.parse gives every record its own copy of "CHN", "850511", ...: a pool hands out one shared string each. */
function stringPool(): (x: string) => string {
  const strings = new Map<string, string>();
  return (x) => {
    const known = strings.get(x);
    if (known !== undefined) return known;
    strings.set(x, x);
    return x;
  };
}

/** A FeatureCollection envelope as siteCollectionSchema accepts it (features are checked one by one later). */
export function isSiteCollection(v: unknown): v is { type: 'FeatureCollection'; features: unknown[] } {
  return isObj(v) && v.type === 'FeatureCollection' && Array.isArray(v.features);
}

/** Validate a site FeatureCollection feature by feature: bad features are reported by id and skipped. */
export async function parseSites(value: unknown, file: string, problems: DataProblem[]): Promise<Site[]> {
  const fc = isSiteCollection(value) ? value : await whole((z) => z.siteCollectionSchema, value, file);
  const sites: Site[] = [];
  const seen = new Set<string>();
  const sourcesByKey = new Map<string, Source>();
  // Equal lists (by their elements' identity, after pooling) become one frozen list.
  const lists = new Map<string, readonly unknown[]>();
  const ids = new Map<unknown, number>();
  const shared = <T>(list: T[]): T[] => {
    const key = list.map((x) => ids.get(x) ?? (ids.set(x, ids.size), ids.size - 1)).join(',');
    const known = lists.get(key);
    if (known) return known as T[];
    const frozen = Object.freeze(list);
    lists.set(key, frozen);
    return frozen as T[];
  };
  const pool = stringPool();
  // zod words the message for features the fast check does not take: fetched (once) only when there are any.
  const fast = fc.features.map(isSiteFeature);
  const z = fast.every(Boolean) ? null : await loadSchemas();
  fc.features.forEach((f, i) => {
    const rawId = (f as { properties?: { id?: unknown } } | null)?.properties?.id;
    const id = typeof rawId === 'string' ? rawId : `#${i}`;
    let feature: SiteFeature;
    if (fast[i]) feature = f as SiteFeature;
    else {
      const r = (z as Schemas).siteFeatureSchema.safeParse(f);
      if (!r.success) {
        problems.push({ file, id, message: firstIssue(r.error) });
        return;
      }
      feature = r.data;
    }
    const p = feature.properties;
    if (seen.has(p.id)) {
      problems.push({ file, id, message: 'duplicate id' });
      return;
    }
    seen.add(p.id);
    const [lng, lat] = feature.geometry.coordinates;
    // Thousands of sites share kinds, statuses, countries, mineral lists and cited datasets: one copy each.
    const site: Site = {
      ...p,
      kind: pool(p.kind) as Site['kind'],
      status: pool(p.status) as Site['status'],
      precision: pool(p.precision) as Site['precision'],
      country: pool(p.country),
      minerals: shared(p.minerals.map(pool)),
      sources: shared(
        p.sources.map((src) => {
          // Every field the schema allows, in its order (a missing URL and an empty one cannot both occur).
          const key = SOURCE_KEYS.map((k) => (src as Record<string, unknown>)[k] ?? '').join('\n');
          const known = sourcesByKey.get(key);
          if (known) return known;
          const one = Object.freeze({ ...src });
          sourcesByKey.set(key, one);
          return one;
        }),
      ),
      position: [lng, lat],
      ...(p.notes === undefined ? {} : { notes: pool(p.notes) }),
    };
    sites.push(site);
  });
  return sites;
}

/**
 * A parsed flow. The id is derived on demand: a year has up to a million flows and the ids are only needed for a
 * selection, a link or an export (a stored id cost ~150 bytes per flow).
 */
class FlowRecord implements Flow {
  constructor(
    readonly year: number,
    readonly exporter: string,
    readonly importer: string,
    readonly mineral: string,
    readonly hs: string,
    readonly valueUsd: number,
    readonly tonnes: number | null,
    readonly risk: number,
  ) {}
  get id(): string {
    return `${this.year}-${this.mineral}-${this.hs}-${this.exporter}-${this.importer}`;
  }
}

type FlowFile = FlowFileSchemaType;

const FLOW_FILE_KEYS = SCHEMA_KEYS.flowFile;
const FLOW_COLUMN_KEYS = SCHEMA_KEYS.flowColumns;
const isIso3 = (x: unknown): boolean => typeof x === 'string' && ISO3_RE.test(x);
const isHs = (x: unknown): boolean => typeof x === 'string' && HS_RE.test(x);
/**
 * A flow file envelope as flowFileSchema accepts it (the columns' entries are checked row by row later), without
 * zod (conservative, property-tested).
 */
export function isFlowFile(v: unknown): v is FlowFile {
  if (!isObj(v) || !onlyKeys(v, FLOW_FILE_KEYS) || !isYear(v.year)) return false;
  const { complete, sources, rows, dictionaries: d, columns: c } = v;
  if (!isObj(complete) || !Object.values(complete).every((x) => typeof x === 'boolean')) return false;
  if (!Array.isArray(sources) || sources.length === 0 || !everyItem(sources, isSource)) return false;
  if (!(typeof rows === 'number' && Number.isInteger(rows) && rows >= 0)) return false;
  if (!isObj(d) || !onlyKeys(d, ['country', 'mineral', 'hs'])) return false;
  if (!Array.isArray(d.country) || !everyItem(d.country, isIso3)) return false;
  if (!Array.isArray(d.mineral) || !everyItem(d.mineral, isText)) return false;
  if (!Array.isArray(d.hs) || !everyItem(d.hs, isHs)) return false;
  return isObj(c) && onlyKeys(c, FLOW_COLUMN_KEYS) && FLOW_COLUMN_KEYS.every((k) => Array.isArray(c[k]));
}

/** An index into a dictionary of `size` entries. */
const isIndex = (x: unknown, size: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < size;

/**
 * What is wrong with row i of a flow file's columns, or null when nothing is. Same rules as flowRowSchema on the
 * decoded row (ISO3 codes and 6-digit HS codes are checked once, in the dictionaries, by the file schema).
 */
function flowRowProblem(f: FlowFile, i: number): string | null {
  const c = f.columns;
  const d = f.dictionaries;
  if (!isIndex(c.exporter[i], d.country.length)) return 'exporter: not an index into the country list';
  if (!isIndex(c.importer[i], d.country.length)) return 'importer: not an index into the country list';
  if (!isIndex(c.mineral[i], d.mineral.length)) return 'mineral: not an index into the mineral list';
  if (!isIndex(c.hs[i], d.hs.length)) return 'hs: not an index into the HS code list';
  const v = c.valueUsd[i];
  if (!isNum(v) || v < 0) return 'valueUsd: not a number >= 0';
  const t = c.tonnes[i];
  if (t !== null && (!isNum(t) || t < 0)) return 'tonnes: neither null nor a number >= 0';
  const r = c.risk[i];
  if (!(typeof r === 'number' && Number.isInteger(r) && r >= 0 && r <= 31))
    return 'risk: not an integer 0..31';
  return null;
}

/**
 * Validate a year's flow file (columns, see data/flow-columns.ts) row by row: bad rows and rows naming countries
 * without an anchor are reported and skipped. Columns of unequal length make the whole file unreadable.
 */
export async function parseFlows(
  value: unknown,
  file: string,
  knownCountries: ReadonlySet<string>,
  problems: DataProblem[],
): Promise<{
  year: number;
  flows: Flow[];
  complete: Record<string, boolean>;
  sources: Source[];
  codes: FlowCodes;
}> {
  const f = isFlowFile(value) ? value : await whole((z) => z.flowFileSchema, value, file);
  for (const [name, column] of Object.entries(f.columns))
    if (column.length !== f.rows)
      throw new DataFileError(
        file,
        `has an unexpected format (columns.${name}: ${column.length} entries, not ${f.rows})`,
      );
  const c = f.columns as FlowColumns['columns'];
  const d = f.dictionaries;
  const known = d.country.map((x) => knownCountries.has(x));
  const flows: Flow[] = [];
  const codes = {
    exporter: new Int32Array(f.rows),
    importer: new Int32Array(f.rows),
    mineral: new Int32Array(f.rows),
    hs: new Int32Array(f.rows),
  };
  for (let i = 0; i < f.rows; i++) {
    const problem = flowRowProblem(f, i);
    if (problem) {
      problems.push({ file, id: `row ${i + 1}`, message: problem });
      continue;
    }
    const e = c.exporter[i] as number;
    const m = c.importer[i] as number;
    if (!known[e] || !known[m]) {
      problems.push({
        file,
        id: `row ${i + 1}`,
        message: `unknown country ${d.country[e]} or ${d.country[m]}`,
      });
      continue;
    }
    const n = flows.length;
    codes.exporter[n] = e;
    codes.importer[n] = m;
    codes.mineral[n] = c.mineral[i] as number;
    codes.hs[n] = c.hs[i] as number;
    // Dictionary strings: every flow of a country, mineral or HS code shares one string.
    flows.push(
      new FlowRecord(
        f.year,
        d.country[e] as string,
        d.country[m] as string,
        d.mineral[c.mineral[i] as number] as string,
        d.hs[c.hs[i] as number] as string,
        c.valueUsd[i] as number,
        c.tonnes[i] ?? null,
        c.risk[i] as number,
      ),
    );
  }
  const n = flows.length;
  return {
    year: f.year,
    flows,
    complete: f.complete,
    sources: f.sources,
    codes: {
      dictionaries: d,
      exporter: codes.exporter.subarray(0, n),
      importer: codes.importer.subarray(0, n),
      mineral: codes.mineral.subarray(0, n),
      hs: codes.hs.subarray(0, n),
    },
  };
}

const isLngLat = (x: unknown): boolean => {
  if (!Array.isArray(x) || x.length !== 2) return false;
  const [lng, lat] = x as unknown[];
  return isNum(lng) && isNum(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
};
const COUNTRY_KEYS = SCHEMA_KEYS.country;
const PORT_KEYS = SCHEMA_KEYS.port;
const isPort = (p: unknown): boolean =>
  isObj(p) &&
  onlyKeys(p, PORT_KEYS) &&
  isText(p.name) &&
  isLngLat(p.position) &&
  (p.coast === null || typeof p.coast === 'string');

/**
 * A country countrySchema accepts, checked without zod (as isSiteFeature: conservative, property-tested; whatever
 * it does not accept goes through zod, which decides and words the message).
 */
export function isCountry(c: unknown): c is CountryInfo {
  return (
    isObj(c) &&
    onlyKeys(c, COUNTRY_KEYS) &&
    typeof c.iso3 === 'string' &&
    ISO3_RE.test(c.iso3) &&
    isText(c.name) &&
    isLngLat(c.anchor) &&
    (c.anchorKind === 'port' || c.anchorKind === 'centroid') &&
    (c.anchorName === null || typeof c.anchorName === 'string') &&
    Array.isArray(c.ports) &&
    c.ports.length <= 2 &&
    everyItem(c.ports, isPort) &&
    (c.label === null || isLngLat(c.label))
  );
}

export async function parseCountries(value: unknown, file: string): Promise<CountryInfo[]> {
  // Every country passing the fast check is what zod would return (the same objects: no transforms here).
  if (isObj(value) && onlyKeys(value, ['countries']) && Array.isArray(value.countries)) {
    const list = value.countries as unknown[];
    if (everyItem(list, isCountry)) return list as CountryInfo[];
  }
  return (await whole((z) => z.countriesFileSchema, value, file)).countries;
}

const MINERAL_ID_RE = /^[a-z0-9-]+$/;
const COLOR_RE = /^#[0-9a-f]{6}$/;
const MINERAL_KEYS = SCHEMA_KEYS.mineral;
const PRODUCT_KEYS = SCHEMA_KEYS.product;
const isProduct = (p: unknown): boolean =>
  isObj(p) &&
  onlyKeys(p, PRODUCT_KEYS) &&
  typeof p.hs === 'string' &&
  HS_RE.test(p.hs) &&
  isText(p.name) &&
  (STAGES as readonly unknown[]).includes(p.stage);
const isString = (x: unknown): x is string => typeof x === 'string';
const isMineral = (m: unknown): boolean =>
  isObj(m) &&
  onlyKeys(m, MINERAL_KEYS) &&
  typeof m.id === 'string' &&
  MINERAL_ID_RE.test(m.id) &&
  isText(m.name) &&
  typeof m.color === 'string' &&
  COLOR_RE.test(m.color) &&
  Array.isArray(m.products) &&
  everyItem(m.products, isProduct) &&
  Array.isArray(m.commodities) &&
  everyItem(m.commodities, isString) &&
  Array.isArray(m.coverage) &&
  everyItem(m.coverage, isString);
/** The minerals file as mineralsFileSchema accepts it, checked without zod (conservative, property-tested). */
export function isMineralsFile(v: unknown): v is { minerals: Mineral[] } {
  return (
    isObj(v) &&
    onlyKeys(v, ['minerals']) &&
    Array.isArray(v.minerals) &&
    v.minerals.length > 0 &&
    everyItem(v.minerals, isMineral)
  );
}

export async function parseMinerals(value: unknown, file: string): Promise<Mineral[]> {
  return (isMineralsFile(value) ? value : await whole((z) => z.mineralsFileSchema, value, file)).minerals;
}

export function parseRoutes(value: unknown, file: string): Promise<RoutesFile> {
  return whole((z) => z.routesFileSchema, value, file);
}

export function parseShares(value: unknown, file: string): Promise<SharesFile> {
  return whole((z) => z.sharesFileSchema, value, file);
}

const DATASET_KEYS = SCHEMA_KEYS.dataset;
const isDataset = (d: unknown): boolean =>
  isObj(d) &&
  onlyKeys(d, DATASET_KEYS) &&
  ['id', 'publisher', 'title', 'licence', 'vintage', 'processing'].every((k) => isString(d[k])) &&
  (!('url' in d) || isString(d.url)) &&
  (!('obtainedFrom' in d) || isString(d.obtainedFrom));
/** The sources list as manifestSchema accepts it, checked without zod (conservative, property-tested). */
export function isManifest(v: unknown): v is Manifest {
  return (
    isObj(v) &&
    onlyKeys(v, ['datasets', 'gaps']) &&
    Array.isArray(v.datasets) &&
    everyItem(v.datasets, isDataset) &&
    Array.isArray(v.gaps) &&
    everyItem(v.gaps, isString)
  );
}

export async function parseManifest(value: unknown, file: string): Promise<Manifest> {
  return isManifest(value) ? value : whole((z) => z.manifestSchema, value, file);
}
