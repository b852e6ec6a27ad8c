// Loading and validating the published data files: unknown JSON in, typed data and per-feature problems out.
import type { z } from 'zod';
import type { CountryInfo, Flow, Mineral, Site, Source } from '../model/types';
import type { Manifest, RoutesFile } from './schema';
import { sharesFileSchema, type SharesFile } from './shares-schema';
import {
  countriesFileSchema,
  flowFileSchema,
  flowRowSchema,
  manifestSchema,
  mineralsFileSchema,
  routesFileSchema,
  type FlowRow,
  siteCollectionSchema,
  siteFeatureSchema,
} from './schema';

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

function whole<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new DataFileError(file, `has an unexpected format (${firstIssue(r.error)})`);
  return r.data;
}

const ISO3_RE = /^[A-Z]{3}$/;
const HS_RE = /^\d{6}$/;
/**
 * Exactly flowRowSchema's rule as a plain check (tested to agree with the schema on random rows): parsing a year
 * of up to a million rows through zod one by one costs hundreds of milliseconds.
 */
export function isFlowRow(row: unknown): row is FlowRow {
  if (!Array.isArray(row) || row.length !== 7) return false;
  const [e, i, m, hs, v, t, r] = row as unknown[];
  return (
    typeof e === 'string' &&
    ISO3_RE.test(e) &&
    typeof i === 'string' &&
    ISO3_RE.test(i) &&
    typeof m === 'string' &&
    m.length > 0 &&
    typeof hs === 'string' &&
    HS_RE.test(hs) &&
    typeof v === 'number' &&
    Number.isFinite(v) &&
    v >= 0 &&
    (t === null || (typeof t === 'number' && Number.isFinite(t) && t >= 0)) &&
    typeof r === 'number' &&
    Number.isInteger(r) &&
    r >= 0 &&
    r <= 31
  );
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
export function parseSites(value: unknown, file: string, problems: DataProblem[]): Site[] {
  const fc = whole(siteCollectionSchema, value, file);
  const sites: Site[] = [];
  const seen = new Set<string>();
  const sourcesByKey = new Map<string, Source>();
  const pool = stringPool();
  fc.features.forEach((f, i) => {
    const r = siteFeatureSchema.safeParse(f);
    const rawId = (f as { properties?: { id?: unknown } } | null)?.properties?.id;
    const id = typeof rawId === 'string' ? rawId : `#${i}`;
    if (!r.success) {
      problems.push({ file, id, message: firstIssue(r.error) });
      return;
    }
    const p = r.data.properties;
    if (seen.has(p.id)) {
      problems.push({ file, id, message: 'duplicate id' });
      return;
    }
    seen.add(p.id);
    const [lng, lat] = r.data.geometry.coordinates;
    const site: Site = {
      ...p,
      country: pool(p.country),
      minerals: p.minerals.map(pool),
      sources: p.sources.map((src) => {
        // Thousands of sites cite the same few datasets: one shared (frozen) Source each.
        const key = JSON.stringify(src);
        const known = sourcesByKey.get(key);
        if (known) return known;
        const shared = Object.freeze({ ...src });
        sourcesByKey.set(key, shared);
        return shared;
      }),
      position: [lng, lat],
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

/** Validate a year's flow file row by row; rows naming countries without an anchor are reported and skipped. */
export function parseFlows(
  value: unknown,
  file: string,
  knownCountries: ReadonlySet<string>,
  problems: DataProblem[],
): { year: number; flows: Flow[]; complete: Record<string, boolean>; sources: Source[] } {
  const head = whole(flowFileSchema, value, file);
  const flows: Flow[] = [];
  const pool = stringPool();
  head.rows.forEach((row, i) => {
    // Fast path: a row the schema would accept is taken as is; anything else goes through zod for the message.
    let data: FlowRow;
    if (isFlowRow(row)) data = row;
    else {
      const r = flowRowSchema.safeParse(row);
      if (!r.success) {
        problems.push({ file, id: `row ${i + 1}`, message: firstIssue(r.error) });
        return;
      }
      data = r.data;
    }
    const [exporter, importer, mineral, hs, valueUsd, tonnes, risk] = data;
    if (!knownCountries.has(exporter) || !knownCountries.has(importer)) {
      problems.push({ file, id: `row ${i + 1}`, message: `unknown country ${exporter} or ${importer}` });
      return;
    }
    flows.push(
      new FlowRecord(
        head.year,
        pool(exporter),
        pool(importer),
        pool(mineral),
        pool(hs),
        valueUsd,
        tonnes,
        risk,
      ),
    );
  });
  return { year: head.year, flows, complete: head.complete, sources: head.sources };
}

export function parseCountries(value: unknown, file: string): CountryInfo[] {
  return whole(countriesFileSchema, value, file).countries;
}

export function parseMinerals(value: unknown, file: string): Mineral[] {
  return whole(mineralsFileSchema, value, file).minerals;
}

export function parseRoutes(value: unknown, file: string): RoutesFile {
  return whole(routesFileSchema, value, file);
}

export function parseShares(value: unknown, file: string): SharesFile {
  return whole(sharesFileSchema, value, file);
}

export function parseManifest(value: unknown, file: string): Manifest {
  return whole(manifestSchema, value, file);
}
