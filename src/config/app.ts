// Typed constants: initial view, years, palettes for site kinds and share ramps, data paths, URL keys.
import type { SiteKind } from '../model/types';

/** The first view: the whole trading world, centred so East Asia, Europe and the Americas all show. [lng, lat] degrees. */
export const INITIAL_VIEW = { lng: 60, lat: 25, zoom: 1.3 } as const;

/**
 * What the first view (and "reset view") frames, in the map area beside the panel: the United States, Europe, China,
 * Japan and Australia, the framework's partners and the country the routes depend on. [lng, lat] degrees.
 */
export const WORLD_FRAME: readonly [number, number][] = [
  [-124, 48],
  [-80, 25],
  [-10, 58],
  [145, 44],
  [153, -38],
  [114, -34],
];

/** From this zoom on every country is labelled; below it only countries trading in the current view. */
export const LABEL_ALL_ZOOM = 3;

/** Milliseconds per year when the year slider plays. */
export const PLAY_STEP_MS = 1500;

export const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;
export const DEFAULT_YEAR = 2024;
export const DEFAULT_MINERALS = ['rare-earths'];

/** Data files, relative to the page so the build works from any sub-path. */
export const DATA_PATHS = {
  sites: 'data/sites.geojson',
  countries: 'data/countries.json',
  minerals: 'data/minerals.json',
  basemap: 'data/basemap.topo.json',
  sources: 'data/sources.json',
  routes: 'data/routes.json',
  shares: 'data/shares.json',
  measures: 'data/measures.json',
  projects: 'data/projects.json',
  flows: (year: number) => `data/flows-${year}.json`,
} as const;

/** RGB colour per site kind: downstream stages in warm colours, upstream in cool and grey. */
/** The reader's own data on the map: near-black arcs and white rings with a near-black edge (no kind colour). */
export const USER_COLOR: [number, number, number] = [24, 24, 27];

export const KIND_COLORS: Record<SiteKind, [number, number, number]> = {
  deposit: [120, 120, 130],
  mine: [37, 99, 235],
  processing: [14, 165, 233],
  separation: [234, 88, 12],
  refinery: [202, 138, 4],
  'metal-alloy': [147, 51, 234],
  magnet: [219, 39, 119],
  'battery-materials': [22, 163, 74],
  recycling: [5, 150, 105],
};

export const KIND_LABELS: Record<SiteKind, string> = {
  deposit: 'Deposit',
  mine: 'Mine',
  processing: 'Processing plant',
  separation: 'Separation plant',
  refinery: 'Refinery',
  'metal-alloy': 'Metal / alloy maker',
  magnet: 'Magnet plant',
  'battery-materials': 'Battery materials',
  recycling: 'Recycling',
};

/** Site radius in pixels per kind: facilities larger than deposits so they stay visible among many deposits. */
export const KIND_RADIUS_PX: Record<SiteKind, number> = {
  deposit: 3,
  mine: 4.5,
  processing: 5,
  separation: 6,
  refinery: 5.5,
  'metal-alloy': 6,
  magnet: 6.5,
  'battery-materials': 5.5,
  recycling: 5,
};

/** Arc width: sqrt of USD value, fixed scale: 1 px at 0, WIDTH_MAX_PX at WIDTH_REF_USD and above. */
export const WIDTH_REF_USD = 1e9;
/** Width by quantity: WIDTH_MAX_PX at this many tonnes and above. */
export const WIDTH_REF_TONNES = 20_000;
export const WIDTH_MAX_PX = 14;
export const WIDTH_MIN_PX = 1;

/**
 * At most this many flows are drawn at once (a file of a million evenly valued flows would otherwise keep hundreds of
 * thousands under the legibility rule and never settle); the rest are counted as hidden.
 */
export const MAX_DRAWN_FLOWS = 50_000;

/** Fraction of the view's trade value drawn by default; the smaller flows are counted and can be shown. */
export const LEGIBLE_VALUE_SHARE = 0.95;

export const BASEMAP_COLORS = {
  ocean: '#dfe9f2',
  land: '#f7f5f0',
  border: '#a9a9a9',
  china: '#f4e3e3',
  /** Outline of a country with an export-control measure in force. */
  controls: '#7c2d12',
} as const;
