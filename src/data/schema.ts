// Zod schemas for every published data file; used by the pipeline before writing and by the app after loading.
import { z } from 'zod';
import { PRECISIONS, SITE_KINDS, SITE_STATUSES, STAGES } from '../model/types';
import { FILE_RISK_CODE_MAX, ROUTE_CODE_MAX } from '../model/risk-bits';
import { PRODUCT_GROUPS, PRODUCT_SOURCES } from '../model/products';

// Each schema here runs a handful of times per page load: compiling it to a function first (zod's default) costs
// more than it saves (~20 ms of the first view), and jitless mode also works under a strict CSP.
z.config({ jitless: true });

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code');
const year = z.number().int().min(1900).max(2100);
const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/**
 * An array whose items are validated one by one later (rows, features): checked as an array only, so zod does not
 * walk a million items here for nothing.
 */
const anyArray = z.custom<unknown[]>((v) => Array.isArray(v), { message: 'Expected an array' });

export const sourceSchema = z.strictObject({
  publisher: z.string().min(1),
  title: z.string().min(1),
  year,
  /** Only http(s): a source link is never a javascript: or data: URL. */
  url: z.url({ protocol: /^https?$/ }).exactOptional(),
});

export const siteFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.strictObject({ type: z.literal('Point'), coordinates: lngLat }),
  properties: z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'URL-safe id'),
    name: z.string().min(1),
    kind: z.enum(SITE_KINDS),
    minerals: z.array(z.string().min(1)).min(1),
    country: iso3,
    status: z.enum(SITE_STATUSES),
    operator: z.string().min(1).exactOptional(),
    capacity: z.strictObject({ value: z.number().positive(), unit: z.string().min(1) }).exactOptional(),
    precision: z.enum(PRECISIONS),
    sources: z.array(sourceSchema).min(1),
    vintage: year,
    notes: z.string().exactOptional(),
  }),
});
export type SiteFeature = z.infer<typeof siteFeatureSchema>;

/** Envelope only: features are validated one by one so that one bad feature does not drop the rest. */
export const siteCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: anyArray,
});

/** One flow row: [exporter, importer, mineral, hs, valueUsd, tonnes|null, risk bitmask (src/derive/risk-codes.ts)]. */
export const flowRowSchema = z.tuple([
  iso3,
  iso3,
  z.string().min(1),
  z.string().regex(/^\d{6}$/),
  z.number().nonnegative(),
  z.number().nonnegative().nullable(),
  z.number().int().min(0).max(FILE_RISK_CODE_MAX),
]);
export type FlowRow = z.infer<typeof flowRowSchema>;

/**
 * A year's flows (src/data/flow-columns.ts has the layout): the envelope and the dictionaries are checked here, the
 * columns (up to a million entries each) row by row in data/load.ts parseFlows, which reports bad rows and skips them.
 */
export const flowFileSchema = z.strictObject({
  year,
  /** Per mineral: is every bilateral row present (true) or only each country's top partners (false)? */
  complete: z.record(z.string(), z.boolean()),
  sources: z.array(sourceSchema).min(1),
  rows: z.number().int().nonnegative(),
  dictionaries: z.strictObject({
    country: z.array(iso3),
    mineral: z.array(z.string().min(1)),
    hs: z.array(z.string().regex(/^\d{6}$/)),
  }),
  columns: z.strictObject({
    exporter: anyArray,
    importer: anyArray,
    mineral: anyArray,
    hs: anyArray,
    valueUsd: anyArray,
    tonnes: anyArray,
    risk: anyArray,
  }),
});

export type FlowFileSchemaType = z.infer<typeof flowFileSchema>;

export const countrySchema = z.strictObject({
  iso3,
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  name: z.string().min(1),
  anchor: lngLat,
  anchorKind: z.enum(['port', 'centroid']),
  anchorName: z.string().nullable(),
  ports: z
    .array(z.strictObject({ name: z.string().min(1), position: lngLat, coast: z.string().nullable() }))
    .max(2),
  label: lngLat.nullable(),
});
export const countriesFileSchema = z.strictObject({ countries: z.array(countrySchema) });

export const mineralSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  products: z.array(
    z.strictObject({
      hs: z.string().regex(/^\d{6}$/),
      name: z.string().min(1),
      stage: z.enum(STAGES),
      group: z.enum(PRODUCT_GROUPS).exactOptional(),
      dataset: z.enum(PRODUCT_SOURCES),
      reportedBy: iso3.exactOptional(),
      coverage: z.string().min(1),
      sources: z.array(sourceSchema).min(1),
    }),
  ),
  commodities: z.array(z.string()),
  coverage: z.array(z.string()),
});
export const mineralsFileSchema = z.strictObject({ minerals: z.array(mineralSchema).min(1) });

export const manifestSchema = z.strictObject({
  datasets: z.array(
    z.strictObject({
      id: z.string(),
      publisher: z.string(),
      title: z.string(),
      licence: z.string(),
      vintage: z.string(),
      url: z.string().exactOptional(),
      obtainedFrom: z.string().exactOptional(),
      processing: z.string(),
    }),
  ),
  gaps: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Sea routes per country pair "EXP>IMP" (see data/pipeline/routes.ts for the path encoding). */
export const routesFileSchema = z.strictObject({
  scale: z.number().positive(),
  pairs: z.record(
    z.string().regex(/^[A-Z]{3}>[A-Z]{3}$/),
    z.strictObject({
      risk: z.number().int().min(0).max(ROUTE_CODE_MAX),
      km: z.number().nonnegative().nullable(),
      ports: z.tuple([z.string(), z.string()]).nullable(),
      path: z.array(z.number().int()).nullable(),
    }),
  ),
});
export type RoutesFile = z.infer<typeof routesFileSchema>;
