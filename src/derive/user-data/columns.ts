// Which column holds which field: guessing from headers (synonyms), telling sites from flows, applying a mapping.

/** Fields of a reader's site. name, lat and lng are required. */
export const SITE_FIELDS = [
  'name',
  'lat',
  'lng',
  'kind',
  'mineral',
  'country',
  'status',
  'notes',
  'source',
] as const;
/** Fields of a reader's flow. All but tonnes are required. */
export const FLOW_FIELDS = ['exporter', 'importer', 'mineral', 'year', 'value', 'tonnes'] as const;
export const REQUIRED_SITE_FIELDS = ['name', 'lat', 'lng'] as const;
export const REQUIRED_FLOW_FIELDS = ['exporter', 'importer', 'mineral', 'year', 'value'] as const;

export type SiteField = (typeof SITE_FIELDS)[number];
export type FlowField = (typeof FLOW_FIELDS)[number];
export type Field = SiteField | FlowField;
export type UserDataKind = 'sites' | 'flows';

/**
 * Which column (by its header, as in Table.headers) holds each field. A UI shows it and lets the reader change it;
 * it is plain data (serialisable) so it can be kept with the file.
 */
export type Mapping = Partial<Record<Field, string>>;

/** The header words each field is recognised by (compared after normalising: lower case, spaces and dashes to _). */
export const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  name: ['name', 'site', 'title', 'site_name', 'sitename'],
  lat: ['latitude', 'lat', 'y'],
  lng: ['longitude', 'lon', 'lng', 'long', 'x'],
  kind: ['kind', 'type', 'site_type'],
  mineral: ['mineral', 'commodity', 'minerals', 'commodities', 'mineral_id'],
  country: ['country', 'iso3', 'country_code', 'iso'],
  status: ['status'],
  notes: ['notes', 'note', 'comment', 'comments', 'description'],
  source: ['source', 'citation', 'sources', 'reference'],
  exporter: ['exporter', 'from', 'origin', 'reporter', 'exporter_iso3', 'export_country'],
  importer: ['importer', 'to', 'destination', 'partner', 'importer_iso3', 'import_country'],
  year: ['year', 'yr', 'period'],
  value: ['value', 'value_usd', 'usd', 'trade_value', 'valueusd', 'trade_value_usd'],
  tonnes: ['tonnes', 'qty', 'quantity', 'tons', 'tonnage', 'weight'],
};

/** A header as compared with SYNONYMS: trimmed, lower case, runs of spaces, dashes and dots as one `_`. */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const ALL_FIELDS: readonly Field[] = [...new Set<Field>([...SITE_FIELDS, ...FLOW_FIELDS])];

/**
 * The mapping guessed from headers: each field takes the first column whose normalised header is one of its
 * synonyms (earlier synonyms first), and a column serves at most one field.
 */
export function guessMapping(headers: readonly string[]): Mapping {
  const norm = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: Mapping = {};
  for (const field of ALL_FIELDS) {
    for (const word of SYNONYMS[field]) {
      const i = norm.findIndex((h, j) => h === word && !used.has(j));
      if (i !== -1) {
        mapping[field] = headers[i] as string;
        used.add(i);
        break;
      }
    }
  }
  return mapping;
}

/** Flows when every required flow field is mapped, sites when every required site field is; otherwise null. */
export function detectKind(mapping: Mapping): UserDataKind | null {
  if (REQUIRED_FLOW_FIELDS.every((f) => mapping[f] !== undefined)) return 'flows';
  if (REQUIRED_SITE_FIELDS.every((f) => mapping[f] !== undefined)) return 'sites';
  return null;
}

/** The required fields a mapping leaves out for a kind. */
export function missingFields(mapping: Mapping, kind: UserDataKind): Field[] {
  const required: readonly Field[] = kind === 'sites' ? REQUIRED_SITE_FIELDS : REQUIRED_FLOW_FIELDS;
  return required.filter((f) => mapping[f] === undefined);
}

/** Column index per field, resolved against the headers. */
export type ColumnIndexes = Partial<Record<Field, number>>;

export type ResolveResult = { ok: true; indexes: ColumnIndexes } | { ok: false; message: string };

/**
 * An explicit mapping resolved to column indexes: every named header must be in the file (compared exactly, then
 * case-insensitively and trimmed). Fields of the other kind are ignored.
 */
export function resolveMapping(
  headers: readonly string[],
  mapping: Mapping,
  kind: UserDataKind,
): ResolveResult {
  const fields: readonly Field[] = kind === 'sites' ? SITE_FIELDS : FLOW_FIELDS;
  const indexes: ColumnIndexes = {};
  const lower = headers.map((h) => h.trim().toLowerCase());
  for (const field of fields) {
    const name = mapping[field];
    if (name === undefined) continue;
    let i = headers.indexOf(name);
    if (i === -1) i = lower.indexOf(name.trim().toLowerCase());
    if (i === -1) {
      const shown = name.length > 24 ? `${name.slice(0, 24)}…` : name;
      return { ok: false, message: `The column "${shown}" chosen for ${field} is not in the file.` };
    }
    indexes[field] = i;
  }
  return { ok: true, indexes };
}

/** One row's cells by field, under resolved column indexes (a missing cell is empty text). */
export function applyMapping(row: readonly string[], indexes: ColumnIndexes): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [field, i] of Object.entries(indexes) as [Field, number][]) out[field] = row[i] ?? '';
  return out;
}
