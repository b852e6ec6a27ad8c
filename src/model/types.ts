// Domain types shared by the pipeline and the app: sites, flows, countries, minerals, sources.
import type { ProductGroup, ProductSource } from './products';

/** Canonical mineral id, e.g. `rare-earths`, `lithium`. The closed list lives in public/data/minerals.json. */
export type MineralId = string;

/** ISO 3166-1 alpha-3 country code, e.g. `CHN`. */
export type Iso3 = string;

/** What happens at a site. A closed list; see README "Site kinds". */
export const SITE_KINDS = [
  'deposit',
  'mine',
  'processing',
  'separation',
  'refinery',
  'metal-alloy',
  'magnet',
  'battery-materials',
  'recycling',
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_STATUSES = [
  'operating',
  'construction',
  'planned',
  'care-and-maintenance',
  'closed',
  'historic',
  'unknown',
] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/**
 * How precisely a site's coordinate is known:
 * exact (within about 1 km), approximate (town or estate, about 10-25 km), region (province/district), country.
 */
export const PRECISIONS = ['exact', 'approximate', 'region', 'country'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A citation. `year` is the publication year; `url` only where one is known. */
export interface Source {
  publisher: string;
  title: string;
  year: number;
  url?: string;
}

export interface Capacity {
  value: number;
  unit: string;
}

/** Properties of a site feature in sites.geojson. Coordinates live in the geometry as [lng, lat]. */
export interface SiteProps {
  id: string;
  name: string;
  kind: SiteKind;
  minerals: MineralId[];
  country: Iso3;
  status: SiteStatus;
  operator?: string;
  capacity?: Capacity;
  precision: Precision;
  sources: Source[];
  /** Year the site's facts are as of. */
  vintage: number;
  /** Free-text notes from the source (plain text, never HTML). */
  notes?: string;
}

/** A site as the app uses it: properties plus its position, [lng, lat] in degrees. */
export interface Site extends SiteProps {
  position: [number, number];
}

/** Stage of a traded product in the supply chain. */
export const STAGES = ['ore', 'refined', 'product'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * One bilateral trade flow of one product in one year.
 * `valueUsd` in current US dollars; `tonnes` in metric tonnes, null where the source has no quantity.
 */
export interface Flow {
  id: string;
  year: number;
  exporter: Iso3;
  importer: Iso3;
  mineral: MineralId;
  hs: string;
  valueUsd: number;
  tonnes: number | null;
  /** China route-risk reasons as a bitmask (src/derive/risk-codes.ts), computed in the pipeline from sea routes. */
  risk: number;
}

/** A sea port a country's flows are drawn from (NGA World Port Index). */
export interface Port {
  name: string;
  /** [lng, lat] degrees. */
  position: [number, number];
  coast: string | null;
}

/** Where a country's flows start and end on the map. */
export interface CountryInfo {
  iso3: Iso3;
  /** ISO 3166-1 alpha-2 code (BACI's table), for names in the reader's language (Intl.DisplayNames); null if none. */
  iso2: string | null;
  name: string;
  /** [lng, lat] of the anchor: main port for sea trade, or a centroid for countries without a sea port. */
  anchor: [number, number];
  anchorKind: 'port' | 'centroid';
  anchorName: string | null;
  /** One or two ports (two for countries with two coasts that matter, e.g. the United States); empty if none. */
  ports: Port[];
  /** [lng, lat] where the country's name label is drawn; null for countries without a shape. */
  label: [number, number] | null;
}

/** A traded HS product of a mineral, with where its rows come from and what they cover. */
export interface Product {
  hs: string;
  name: string;
  stage: Stage;
  /** The product filter's group (rare earths); absent where a mineral has one product. */
  group?: ProductGroup;
  dataset: ProductSource;
  /** Set when the rows are this one country's reported imports only (not world trade). */
  reportedBy?: Iso3;
  /** What the rows cover, in words: shown on every flow, in the legend, details, sources and exports. */
  coverage: string;
  sources: Source[];
}

export interface Mineral {
  id: MineralId;
  name: string;
  /** `#rrggbb` */
  color: string;
  products: Product[];
  /** Raw commodity names (lower case) in the USGS layers that map to this mineral. */
  commodities: string[];
  /** Which outputs have data for it: sites, flows, production, refining. */
  coverage: string[];
}
