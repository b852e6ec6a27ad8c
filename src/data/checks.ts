// Hand-written checks of the published data files: the same rules as the zod schemas (property-tested), without zod.
import { PRECISIONS, SITE_KINDS, SITE_STATUSES, STAGES } from '../model/types';
import type { CountryInfo, Mineral } from '../model/types';
import type { FlowFileSchemaType, Manifest, SiteFeature } from './schema';
import { FILE_RISK_CODE_MAX } from '../model/risk-bits';
import { PRODUCT_GROUPS, PRODUCT_SOURCES } from '../model/products';

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
  country: ['iso3', 'iso2', 'name', 'anchor', 'anchorKind', 'anchorName', 'ports', 'label'],
  port: ['name', 'position', 'coast'],
  mineral: ['id', 'name', 'color', 'products', 'commodities', 'coverage'],
  product: ['hs', 'name', 'stage', 'group', 'dataset', 'reportedBy', 'coverage', 'sources'],
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
  onlyKeys(x, SCHEMA_KEYS.source) &&
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
  if (!onlyKeys(p, SCHEMA_KEYS.siteProperties)) return false;
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

/** A FeatureCollection envelope as siteCollectionSchema accepts it (features are checked one by one later). */
export function isSiteCollection(v: unknown): v is { type: 'FeatureCollection'; features: unknown[] } {
  return isObj(v) && v.type === 'FeatureCollection' && Array.isArray(v.features);
}

export type FlowFile = FlowFileSchemaType;

const isIso3 = (x: unknown): boolean => typeof x === 'string' && ISO3_RE.test(x);
const isHs = (x: unknown): boolean => typeof x === 'string' && HS_RE.test(x);
/**
 * A flow file envelope as flowFileSchema accepts it (the columns' entries are checked row by row later), without
 * zod (conservative, property-tested).
 */
export function isFlowFile(v: unknown): v is FlowFile {
  if (!isObj(v) || !onlyKeys(v, SCHEMA_KEYS.flowFile) || !isYear(v.year)) return false;
  const { complete, sources, rows, dictionaries: d, columns: c } = v;
  if (!isObj(complete) || !Object.values(complete).every((x) => typeof x === 'boolean')) return false;
  if (!Array.isArray(sources) || sources.length === 0 || !everyItem(sources, isSource)) return false;
  // zod's int() is a safe integer.
  if (!(typeof rows === 'number' && Number.isSafeInteger(rows) && rows >= 0)) return false;
  if (!isObj(d) || !onlyKeys(d, ['country', 'mineral', 'hs'])) return false;
  if (!Array.isArray(d.country) || !everyItem(d.country, isIso3)) return false;
  if (!Array.isArray(d.mineral) || !everyItem(d.mineral, isText)) return false;
  if (!Array.isArray(d.hs) || !everyItem(d.hs, isHs)) return false;
  return (
    isObj(c) &&
    onlyKeys(c, SCHEMA_KEYS.flowColumns) &&
    SCHEMA_KEYS.flowColumns.every((k) => Array.isArray(c[k]))
  );
}

/** An index into a dictionary of `size` entries. */
const isIndex = (x: unknown, size: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < size;

/**
 * What is wrong with row i of a flow file's columns, or null when nothing is. Same rules as flowRowSchema on the
 * decoded row (ISO3 codes and 6-digit HS codes are checked once, in the dictionaries, by the file schema).
 */
export function flowRowProblem(f: FlowFile, i: number): string | null {
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
  if (!(typeof r === 'number' && Number.isInteger(r) && r >= 0 && r <= FILE_RISK_CODE_MAX))
    return `risk: not an integer 0..${FILE_RISK_CODE_MAX}`;
  return null;
}

const isLngLat = (x: unknown): boolean => {
  if (!Array.isArray(x) || x.length !== 2) return false;
  const [lng, lat] = x as unknown[];
  return isNum(lng) && isNum(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
};
const isPort = (p: unknown): boolean =>
  isObj(p) &&
  onlyKeys(p, SCHEMA_KEYS.port) &&
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
    onlyKeys(c, SCHEMA_KEYS.country) &&
    typeof c.iso3 === 'string' &&
    ISO3_RE.test(c.iso3) &&
    (c.iso2 === null || (typeof c.iso2 === 'string' && /^[A-Z]{2}$/.test(c.iso2))) &&
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

const MINERAL_ID_RE = /^[a-z0-9-]+$/;
const COLOR_RE = /^#[0-9a-f]{6}$/;
const isProduct = (p: unknown): boolean =>
  isObj(p) &&
  onlyKeys(p, SCHEMA_KEYS.product) &&
  typeof p.hs === 'string' &&
  HS_RE.test(p.hs) &&
  isText(p.name) &&
  (STAGES as readonly unknown[]).includes(p.stage) &&
  (!('group' in p) || (PRODUCT_GROUPS as readonly unknown[]).includes(p.group)) &&
  (PRODUCT_SOURCES as readonly unknown[]).includes(p.dataset) &&
  (!('reportedBy' in p) || (typeof p.reportedBy === 'string' && ISO3_RE.test(p.reportedBy))) &&
  isText(p.coverage) &&
  Array.isArray(p.sources) &&
  p.sources.length > 0 &&
  everyItem(p.sources, isSource);
const isString = (x: unknown): x is string => typeof x === 'string';
/** A mineral mineralSchema accepts, checked without zod. */
export const isMineral = (m: unknown): m is Mineral =>
  isObj(m) &&
  onlyKeys(m, SCHEMA_KEYS.mineral) &&
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

const isDataset = (d: unknown): boolean =>
  isObj(d) &&
  onlyKeys(d, SCHEMA_KEYS.dataset) &&
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
