// The basemap: countries loaded in MapLibre's worker (or on the page as a fallback), land colours and the choropleth.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { importScriptInWorkers, type Map as MlMap, type StyleSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS } from '../config/app';
import { CHINA_ISO3_LIST } from '../config/china';
import type { Ramp } from '../config/ramps';
import { fetchJson } from '../data/load';
import { basemapFromTopology, type BasemapProps } from '../derive/basemap';
import { rampStops } from '../derive/ramp';
import basemapWorkerUrl from './basemap-worker.ts?worker&url';
import { basemapProtocolUrl } from './basemap-url';

/** The basemap's colours for China (and Hong Kong, Macau) and other land, as a MapLibre expression. */
const LAND_COLOR = [
  'case',
  ['in', ['get', 'iso3'], ['literal', [...CHINA_ISO3_LIST]]],
  BASEMAP_COLORS.china,
  BASEMAP_COLORS.land,
];

/**
 * Ocean only: the countries source and its layers are added with their data. A source created empty would send its
 * empty data to MapLibre's worker first, and the real data would wait for that round trip, which waits for the main
 * thread (busy parsing the other files while the map starts).
 */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'ocean', type: 'background', paint: { 'background-color': BASEMAP_COLORS.ocean } }],
};

export interface Basemap {
  /** False from load() until the countries source is added to the style (or the basemap failed). */
  settled(): boolean;
  /** The TopoJSON's path once load() was called. */
  file(): string | null;
  load(file: string): void;
  setChoropleth(values: ReadonlyMap<string, number> | null, ramp: Ramp): void;
  /** Outline these countries (ISO3): those with an export-control measure in force. */
  setOutlines(iso3: readonly string[]): void;
}

/**
 * `onSettled` runs when the countries are added (readiness may follow); `onError` gets any failure to fetch or convert
 * them. The worker path: a script registered in MapLibre's worker fetches and converts the TopoJSON there
 * (basemap-worker.ts, a `cmm-basemap://` protocol); where it cannot be imported, the page converts it itself.
 */
/** A MapLibre filter keeping the listed countries' shapes. */
const outlineFilter = (iso3: readonly string[]) => ['in', ['get', 'iso3'], ['literal', [...iso3]]] as never;

export function createBasemap(map: MlMap, onSettled: () => void, onError: (error: unknown) => void): Basemap {
  /** A protocol URL for MapLibre's worker, or the features converted on the main thread. */
  let data: string | FeatureCollection<Polygon | MultiPolygon, BasemapProps> | null = null;
  let file: string | null = null;
  let settled = true;
  let landPaint: unknown = LAND_COLOR;
  let outlined: readonly string[] = [];
  let styleLoaded = false;
  const add = () => {
    if (!data) return;
    const src = map.getSource('countries');
    if (src) {
      (src as unknown as { setData(d: unknown): void }).setData(data);
      return;
    }
    map.addSource('countries', { type: 'geojson', data });
    settled = true;
    map.addLayer({
      id: 'land',
      type: 'fill',
      source: 'countries',
      paint: { 'fill-color': landPaint as never },
    });
    map.addLayer({
      id: 'borders',
      type: 'line',
      source: 'countries',
      paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.6 },
    });
    map.addLayer({
      id: 'controls-outline',
      type: 'line',
      source: 'countries',
      filter: outlineFilter(outlined),
      paint: { 'line-color': BASEMAP_COLORS.controls, 'line-width': 2, 'line-dasharray': [2, 1] },
    });
    onSettled();
  };
  map.once('style.load', () => {
    styleLoaded = true;
    add();
  });
  // MapLibre's worker sends what it loaded from a URL back to the page, which keeps it (about 4 MB of coordinate
  // arrays for the countries) for getData() and updateData() only. The map uses neither, so the page drops that copy
  // and keeps the URL: a later setData or style reload fetches again in the worker.
  map.on('sourcedata', (e) => {
    if (e.sourceId !== 'countries' || typeof data !== 'string') return;
    const src = map.getSource('countries') as unknown as
      { _data?: { url?: string; geojson?: unknown } } | undefined;
    if (src?._data?.geojson !== undefined) src._data = { url: data };
  });
  return {
    settled: () => settled,
    file: () => file,
    load(path) {
      if (file !== null) return;
      file = path;
      // The worker path adds the source only after the script is in MapLibre's worker: until then the map would
      // look loaded without any countries, so readiness waits for the source.
      settled = false;
      const absolute = new URL(path, document.baseURI).href;
      importScriptInWorkers(basemapWorkerUrl)
        .then(
          () => basemapProtocolUrl(absolute),
          async () => basemapFromTopology(await fetchJson((u) => fetch(u), path)),
        )
        .then(
          (d) => {
            data = d;
            if (styleLoaded) add();
          },
          (error: unknown) => {
            settled = true;
            onError(error);
            onSettled();
          },
        );
    },
    setChoropleth(values, ramp) {
      landPaint = LAND_COLOR;
      if (values && values.size > 0) {
        const lookup = ['get', ['get', 'iso3'], ['literal', Object.fromEntries(values)]];
        landPaint = [
          'case',
          ['==', ['typeof', lookup], 'number'],
          ['interpolate', ['linear'], lookup, ...rampStops(ramp).flat()],
          LAND_COLOR,
        ];
      }
      // Before the basemap is added, the colours wait for it (add() uses them).
      if (map.getLayer('land')) map.setPaintProperty('land', 'fill-color', landPaint as never);
    },
    setOutlines(iso3) {
      outlined = iso3;
      if (map.getLayer('controls-outline')) map.setFilter('controls-outline', outlineFilter(outlined));
    },
  };
}
