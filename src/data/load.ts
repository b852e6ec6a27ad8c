// Loading and validating the published data files: unknown JSON in, typed data and per-feature problems out.
import type { z } from 'zod';
import type { Flow, Site, Source } from '../model/types';
import {
  SCHEMA_KEYS,
  flowRowProblem,
  isFlowFile,
  isManifest,
  isSiteCollection,
  isSiteFeature,
} from './checks';
import type { FlowCodes, FlowColumns } from './flow-columns';
import type { Manifest, RoutesFile, SiteFeature } from './schema';
import type { SharesFile } from './shares-schema';
import type { MeasuresFile } from '../model/measures';
import type { ProjectsFile } from '../model/projects';

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

export type Fetcher = (
  path: string,
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; arrayBuffer?(): Promise<ArrayBuffer> }>;

/** The response for `path`, or a DataFileError saying why there is none (network error, HTTP status). */
async function fetchOk(fetcher: Fetcher, path: string): ReturnType<Fetcher> {
  let res;
  try {
    res = await fetcher(path);
  } catch {
    throw new DataFileError(path, `could not be downloaded (network error)`);
  }
  if (!res.ok) throw new DataFileError(path, `could not be loaded (HTTP ${res.status})`);
  return res;
}

export async function fetchJson(fetcher: Fetcher, path: string): Promise<unknown> {
  const res = await fetchOk(fetcher, path);
  try {
    return await res.json();
  } catch {
    throw new DataFileError(path, 'is not valid JSON');
  }
}

/** A file's bytes (for a worker to parse); null when the fetcher cannot give bytes (the caller parses JSON itself). */
export async function fetchBytes(fetcher: Fetcher, path: string): Promise<ArrayBuffer | null> {
  const res = await fetchOk(fetcher, path);
  if (!res.arrayBuffer) return null;
  try {
    return await res.arrayBuffer();
  } catch {
    throw new DataFileError(path, 'could not be downloaded (network error)');
  }
}

/**
 * The error for a file whose failure arrived as text only (from a worker, e.g. MapLibre's): a DataFileError naming
 * `file` when `message` is one fetchJson writes (download, HTTP status, JSON), otherwise a plain Error.
 */
export function fileErrorFromMessage(file: string, message: string): Error {
  return /^(could not be|is not valid JSON)/.test(message)
    ? new DataFileError(file, message)
    : new Error(message);
}

/** The first issue of a failed parse, in plain words (src/data/issues.ts, loaded with the schemas). */
export function firstIssue(schemas: Schemas, error: z.ZodError): string {
  return schemas.plainIssue(error.issues[0]);
}

export type Schemas = typeof import('./schema') &
  typeof import('./shares-schema') &
  typeof import('./measures-schema') &
  typeof import('./projects-schema') &
  typeof import('./issues');
let schemas: Promise<Schemas> | null = null;
/**
 * zod and the schemas, fetched on first need: to word the message for data the hand-written checks below do not
 * accept, and for the files that have no such checks (sea routes, shares: not part of the first view). zod is ~50 KB
 * gzip of script that the first view then neither downloads nor runs.
 */
export function loadSchemas(): Promise<Schemas> {
  schemas ??= Promise.all([
    import('./schema'),
    import('./shares-schema'),
    import('./measures-schema'),
    import('./projects-schema'),
    import('./issues'),
  ]).then(([a, b, m, p, c]) => ({
    ...a,
    ...b,
    ...m,
    ...p,
    ...c,
  }));
  return schemas;
}

async function whole<T>(pick: (s: Schemas) => z.ZodType<T>, value: unknown, file: string): Promise<T> {
  const schemas = await loadSchemas();
  const r = pick(schemas).safeParse(value);
  if (!r.success) throw new DataFileError(file, `has an unexpected format (${firstIssue(schemas, r.error)})`);
  return r.data;
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
        problems.push({ file, id, message: firstIssue(z as Schemas, r.error) });
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
          const key = SCHEMA_KEYS.source.map((k) => (src as Record<string, unknown>)[k] ?? '').join('\n');
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

/** One flow record (the loader's, with its id derived on demand): also built from a year worker's packet. */
export const flowRecord = (
  year: number,
  exporter: string,
  importer: string,
  mineral: string,
  hs: string,
  valueUsd: number,
  tonnes: number | null,
  risk: number,
): Flow => new FlowRecord(year, exporter, importer, mineral, hs, valueUsd, tonnes, risk);

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

export function parseRoutes(value: unknown, file: string): Promise<RoutesFile> {
  return whole((z) => z.routesFileSchema, value, file);
}

export function parseShares(value: unknown, file: string): Promise<SharesFile> {
  return whole((z) => z.sharesFileSchema, value, file);
}

export function parseMeasures(value: unknown, file: string): Promise<MeasuresFile> {
  return whole((z) => z.measuresFileSchema, value, file) as Promise<MeasuresFile>;
}

export function parseProjects(value: unknown, file: string): Promise<ProjectsFile> {
  return whole((z) => z.projectsFileSchema, value, file) as Promise<ProjectsFile>;
}

export async function parseManifest(value: unknown, file: string): Promise<Manifest> {
  return isManifest(value) ? value : whole((z) => z.manifestSchema, value, file);
}
