// Bench reference page: bare maplibre-gl + one deck.gl ArcLayer and ScatterplotLayer on the app's data; no UI, no store.
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import { Map as MlMap, setWorkerUrl, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { DEFAULT_PRODUCT, type ProductGroup } from '../../src/model/products';
import { productKeeps } from '../../src/derive/products';
import type { FlowFile } from './synthetic';

setWorkerUrl(workerUrl);

/**
 * Query parameters (all optional):
 * - `mineral=rare-earths,lithium` (default `rare-earths`), `year=2024` (default 2024), `risk=all|china|no-china`;
 * - `all=1`: every mineral of the largest real year (2022, unless `year` is given);
 * - `synthetic=10000|100000|1000000` (`seed=`): flows generated in the page by tests/bench/synthetic.ts instead of
 *   the year's file. The bench harness does not use this: it serves one synthetic file to both pages instead.
 * What is drawn matches the app's default: sites of the selected minerals, and of the flows of the default product
 * group (rare earths: magnets; minerals without groups: every flow) those that make up 95% of their value (largest
 * first, ties kept), compared as float32 like the app's GPU filter.
 */
const params = new URLSearchParams(location.search);
const LARGEST_REAL_YEAR = 2022;
const LEGIBLE_VALUE_SHARE = 0.95;
/** Reason bits that make a flow China-exposed (origin, destination, transit, South China Sea). */
const CHINA_MASK = 1 | 2 | 4 | 8;
/** The app's initial camera (src/config/app.ts INITIAL_VIEW). */
const VIEW = { lng: 60, lat: 25, zoom: 1.3 };
const COLORS = { ocean: '#dfe9f2', land: '#f7f5f0', border: '#a9a9a9', china: '#f4e3e3' };

type Risk = 'all' | 'china' | 'no-china';
interface Filters {
  /** Selected mineral ids; null means every mineral. */
  minerals: string[] | null;
  risk: Risk;
}
interface Site {
  position: [number, number];
  minerals: string[];
}
interface Arc {
  source: [number, number];
  target: [number, number];
  valueUsd: number;
}

const all = params.get('all') === '1';
const filters: Filters = {
  minerals: all ? null : (params.get('mineral') ?? 'rare-earths').split(',').filter(Boolean),
  risk: (['all', 'china', 'no-china'] as const).find((r) => r === params.get('risk')) ?? 'all',
};
let year = Number(params.get('year') ?? (all ? LARGEST_REAL_YEAR : 2024));
const synthetic = Number(params.get('synthetic') ?? 0);
const dataUrl = (file: string) => new URL(`../../data/${file}`, location.href).href;
const getJson = async <T>(file: string): Promise<T> => (await fetch(dataUrl(file))).json() as Promise<T>;

const html = document.documentElement;
html.dataset.mapReady = 'false';
const container = document.getElementById('map') as HTMLElement;

// Ocean only at first; the countries source and its layers are added with their data, as the app does (a source
// created empty makes the real data wait for a worker round trip).
const style: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'ocean', type: 'background', paint: { 'background-color': COLORS.ocean } }],
};
const LAND_LAYERS: LayerSpecification[] = [
  {
    id: 'land',
    type: 'fill',
    source: 'countries',
    paint: {
      'fill-color': [
        'case',
        ['in', ['get', 'iso3'], ['literal', ['CHN', 'HKG', 'MAC']]],
        COLORS.china,
        COLORS.land,
      ],
    },
  },
  {
    id: 'borders',
    type: 'line',
    source: 'countries',
    paint: { 'line-color': COLORS.border, 'line-width': 0.6 },
  },
];

const map = new MlMap({
  container,
  style,
  center: [VIEW.lng, VIEW.lat],
  zoom: VIEW.zoom,
  renderWorldCopies: true,
  attributionControl: { compact: false, customAttribution: 'Natural Earth · USGS · CEPII BACI' },
});
const styleLoaded = new Promise<void>((ok) => map.once('style.load', () => ok()));

// Readiness exactly as the app's map: the basemap is idle and deck.gl drew the current layers at full canvas size.
// No data drawn yet: deck.gl's first (empty) frame must not count (the app waits for its layers the same way).
let pendingDeckFrame = false;
const setReady = (ready: boolean) => {
  html.dataset.mapReady = String(ready);
};
const overlay = new MapLibreOverlay({
  interleaved: false,
  layers: [],
  onAfterRender: () => {
    const canvas = overlay.getCanvas();
    // As the app's isSized (src/map/overlay.ts) at this page's size: as wide as the map, no longer the 300x150 default.
    const full =
      canvas &&
      canvas.clientWidth === container.clientWidth &&
      (canvas.width !== 300 || canvas.height !== 150);
    if (!pendingDeckFrame || !full) return;
    pendingDeckFrame = false;
    if (map.loaded() && !map.isMoving()) setReady(true);
    else map.once('idle', () => !pendingDeckFrame && setReady(true));
  },
});
map.addControl(overlay);

let sites: Site[] = [];
/** Product group of each mineral's HS code (minerals.json), for the default product filter. */
let groupOf = new Map<string, ProductGroup | undefined>();
let anchors = new Map<string, [number, number]>();
/** The year's flows as published (columns with dictionaries, see src/data/flow-columns.ts). */
let flows: FlowFile | null = null;
let drawn = 0;

/** The smallest value kept so that the kept flows make up `fraction` of the total (as src/derive/filter.ts). */
function legibleCutoff(values: number[], fraction: number): number {
  const sorted = values.map((v) => Math.fround(v)).sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  let acc = 0;
  for (const v of sorted) {
    acc += v;
    if (acc >= total * fraction) return v;
  }
  return 0;
}

/** CPU filter + cut, then new layers with new data arrays (deck.gl rebuilds their attributes on the next frame). */
function draw(): void {
  const wanted = filters.minerals ? new Set(filters.minerals) : null;
  const f = flows;
  const passing: number[] = [];
  if (f) {
    const c = f.columns;
    const wantedMineral = f.dictionaries.mineral.map((m) => !wanted || wanted.has(m));
    // The app's default product filter, per mineral and HS code of this file.
    const keepHs = f.dictionaries.mineral.map((m) =>
      f.dictionaries.hs.map((hs) => productKeeps(DEFAULT_PRODUCT, groupOf.get(`${m}|${hs}`))),
    );
    for (let i = 0; i < f.rows; i++) {
      if (!wantedMineral[c.mineral[i] as number]) continue;
      if (!keepHs[c.mineral[i] as number]?.[c.hs[i] as number]) continue;
      if (
        filters.risk !== 'all' &&
        (((c.risk[i] as number) & CHINA_MASK) !== 0) !== (filters.risk === 'china')
      )
        continue;
      passing.push(i);
    }
  }
  const value = f?.columns.valueUsd ?? [];
  const cutoff = Math.fround(
    legibleCutoff(
      passing.map((i) => value[i] as number),
      LEGIBLE_VALUE_SHARE,
    ),
  );
  const arcs: Arc[] = [];
  const ends = f ? f.dictionaries.country.map((iso3) => anchors.get(iso3)) : [];
  for (const i of passing) {
    const v = value[i] as number;
    if (Math.fround(v) < cutoff || !f) continue;
    const a = ends[f.columns.exporter[i] as number];
    const b = ends[f.columns.importer[i] as number];
    if (!a || !b) continue;
    // The short way round: shift the target by a whole turn when that brings it closer.
    const dx = b[0] - a[0];
    const target: [number, number] = [dx > 180 ? b[0] - 360 : dx < -180 ? b[0] + 360 : b[0], b[1]];
    arcs.push({ source: a, target, valueUsd: v });
  }
  drawn = arcs.length;
  const shownSites = wanted ? sites.filter((s) => s.minerals.some((m) => wanted.has(m))) : sites;
  pendingDeckFrame = true;
  setReady(false);
  overlay.setProps({
    layers: [
      new ArcLayer<Arc>({
        id: 'flows',
        data: arcs,
        getSourcePosition: (d) => d.source,
        getTargetPosition: (d) => d.target,
        getSourceColor: [215, 48, 39, 235],
        getTargetColor: [215, 48, 39, 120],
        getWidth: (d) => Math.min(14, 1 + 13 * Math.sqrt(d.valueUsd / 1e9)),
        widthUnits: 'pixels',
        getHeight: 0.35,
        getTilt: 55,
        parameters: { depthCompare: 'always' },
      }),
      new ScatterplotLayer<Site>({
        id: 'sites',
        data: shownSites,
        getPosition: (s) => s.position,
        getFillColor: [37, 99, 235, 220],
        getRadius: 4,
        radiusUnits: 'pixels',
        stroked: true,
        getLineColor: [255, 255, 255, 220],
        lineWidthMinPixels: 0.8,
        parameters: { depthCompare: 'always' },
      }),
    ],
  });
}

async function loadFlows(y: number): Promise<FlowFile> {
  if (synthetic > 0) {
    const [{ syntheticFlowFile, productsOf, SYNTHETIC_SEED }, minerals] = await Promise.all([
      import('./synthetic'),
      getJson<{ minerals: { id: string; products: { hs: string }[] }[] }>('minerals.json'),
    ]);
    return syntheticFlowFile({
      count: synthetic,
      seed: Number(params.get('seed') ?? SYNTHETIC_SEED),
      year: y,
      countries: [...anchors.keys()],
      products: productsOf(minerals),
    });
  }
  return getJson<FlowFile>(`flows-${y}.json`);
}

async function start(): Promise<void> {
  // As the app: the basemap is requested first and handed to the map as soon as it is parsed, and the year's flows
  // are requested with the static data.
  const basemapAdded = Promise.all([
    getJson<Topology<{ countries: GeometryCollection<Record<string, unknown>> }>>('basemap.topo.json'),
    styleLoaded,
  ]).then(([topo]) => {
    const basemap = feature(topo, topo.objects.countries);
    for (const f of basemap.features) f.properties = { iso3: f.id };
    map.addSource('countries', { type: 'geojson', data: basemap });
    for (const layer of LAND_LAYERS) map.addLayer(layer);
  });
  const early = synthetic > 0 ? null : getJson<FlowFile>(`flows-${year}.json`);
  const [minerals, countries, siteFc] = await Promise.all([
    getJson<{ minerals: { id: string; products: { hs: string; group?: ProductGroup }[] }[] }>(
      'minerals.json',
    ),
    getJson<{ countries: { iso3: string; anchor: [number, number] }[] }>('countries.json'),
    getJson<{
      features: { geometry: { coordinates: [number, number] }; properties: { minerals: string[] } }[];
    }>('sites.geojson'),
    basemapAdded,
  ]);
  groupOf = new Map(
    minerals.minerals.flatMap((m) => m.products.map((p) => [`${m.id}|${p.hs}`, p.group] as const)),
  );
  anchors = new Map(countries.countries.map((c) => [c.iso3, c.anchor]));
  sites = siteFc.features.map((f) => ({ position: f.geometry.coordinates, minerals: f.properties.minerals }));
  flows = early ? await early : await loadFlows(year);
  draw();
}

/** Bench hook: the same kinds of change the harness makes in the app through its panel. */
export interface ReferenceHook {
  setFilters(patch: Partial<Filters>): void;
  setYear(year: number): Promise<void>;
  filters(): Filters;
  drawnFlows(): number;
}
declare global {
  interface Window {
    __cmmRef?: ReferenceHook;
  }
}
window.__cmmRef = {
  setFilters(patch) {
    Object.assign(filters, patch);
    draw();
  },
  async setYear(y) {
    year = y;
    pendingDeckFrame = true;
    setReady(false);
    flows = await loadFlows(y);
    draw();
  },
  filters: () => ({ ...filters, minerals: filters.minerals ? [...filters.minerals] : null }),
  drawnFlows: () => drawn,
};

void start();
