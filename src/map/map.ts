// The MapLibre map and its deck.gl overlay: offline basemap style, controls, readiness; the only maplibre-gl importer.
import type { MapImages, MapLabel, ViewState } from '../model/view';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  importScriptInWorkers,
  Map as MlMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type IControl,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { BASEMAP_COLORS } from '../config/app';
import { CHINA_ISO3_LIST } from '../config/china';
import type { Ramp } from '../config/ramps';
import { rampStops } from '../derive/ramp';
import { fetchJson, fileErrorFromMessage } from '../data/load';
import { basemapFromTopology, type BasemapProps } from '../derive/basemap';
import basemapWorkerUrl from './basemap-worker.ts?worker&url';
import { basemapProtocolUrl } from './basemap-url';

setWorkerUrl(workerUrl);

export interface MapHandle {
  setLayers(layers: Layer[]): void;
  /**
   * Load the countries TopoJSON at `file` (relative to the page) as the basemap. It is fetched and converted to
   * GeoJSON inside MapLibre's worker (basemap-worker.ts), which then tiles it: the main thread neither converts nor
   * serialises it. Where that script cannot be loaded into the worker, it is converted on the main thread instead.
   * Failures go to `onBasemapError`; the rest of the map works without the basemap.
   */
  loadBasemap(file: string): void;
  jumpTo(view: ViewState): void;
  /** Fill countries by a value 0..1 on a ramp (the scenario choropleth), or restore the plain basemap with null. */
  setChoropleth(values: ReadonlyMap<string, number> | null, ramp: Ramp): void;
  /** Fit the camera to [lng, lat] points (with padding for the panels). */
  fitTo(points: [number, number][]): void;
  getView(): ViewState;
  /** Screen position (CSS pixels from the map's top left) of [lng, lat], and the map's size. */
  project(lngLat: readonly [number, number]): [number, number];
  size(): { width: number; height: number };
  /** The deck.gl canvas, for pixel checks and exports. */
  getDeckCanvas(): HTMLCanvasElement | null;
  getMapCanvas(): HTMLCanvasElement;
  /**
   * Render the map and the deck.gl layers at `ratio` device pixels per CSS pixel and copy both canvases right after
   * their frames are drawn (WebGL buffers are cleared after compositing). Restores the pixel ratio afterwards.
   * Resolves to the basemap and overlay images, each width x height CSS pixels times ratio.
   */
  capture(ratio: number): Promise<MapImages<HTMLCanvasElement>>;
  /**
   * Country names drawn as HTML text over the map (already placed without overlaps by the caller); they follow the
   * camera while it moves. Text is set as text, never as HTML.
   */
  setLabels(labels: readonly MapLabel[]): void;
}

export interface MapOptions {
  container: HTMLElement;
  view: ViewState;
  initialView: ViewState;
  onHover(info: PickingInfo): void;
  onClick(info: PickingInfo): void;
  onViewChange(view: ViewState): void;
  /** Called with true when the basemap is idle and deck.gl drew the current layers at full size; false while pending. */
  onReady(ready: boolean): void;
  onError(message: string): void;
  /** The basemap could not be loaded: a DataFileError naming the file when the file itself failed, else an Error. */
  onBasemapError(error: unknown): void;
}

/** The basemap's colours for China (and Hong Kong, Macau) and other land, as a MapLibre expression. */
const LAND_COLOR = [
  'case',
  ['in', ['get', 'iso3'], ['literal', [...CHINA_ISO3_LIST]]],
  BASEMAP_COLORS.china,
  BASEMAP_COLORS.land,
];

/**
 * Ocean only: the countries source and its layers are added with their data (setBasemap). A source created empty
 * would send its empty data to MapLibre's worker first, and the real data would wait for that round trip, which
 * waits for the main thread (busy parsing the other files while the map starts).
 */
const STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'ocean', type: 'background', paint: { 'background-color': BASEMAP_COLORS.ocean } }],
};

/** A control with one button that flies back to the initial view. */
class ResetViewControl implements IControl {
  private container: HTMLDivElement | null = null;
  constructor(private readonly onReset: () => void) {}
  onAdd(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reset-view';
    button.title = 'Reset view';
    button.setAttribute('aria-label', 'Reset view');
    button.dataset.testid = 'reset-view';
    button.textContent = '⟲';
    button.addEventListener('click', this.onReset);
    div.append(button);
    this.container = div;
    return div;
  }
  onRemove(): void {
    this.container?.remove();
  }
}

export function createMap(opts: MapOptions): MapHandle {
  const map = new MlMap({
    container: opts.container,
    style: STYLE,
    center: [opts.view.lng, opts.view.lat],
    zoom: opts.view.zoom,
    minZoom: 0.5,
    maxZoom: 12,
    renderWorldCopies: true,
    attributionControl: { compact: false, customAttribution: 'Natural Earth · USGS · CEPII BACI' },
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: false },
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(
    new ResetViewControl(() =>
      map.flyTo({ center: [opts.initialView.lng, opts.initialView.lat], zoom: opts.initialView.zoom }),
    ),
    'top-right',
  );
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

  // The basemap: added (or its data replaced) once the style has loaded; the land colours follow the choropleth.
  /** A protocol URL for MapLibre's worker, or the features converted on the main thread. */
  let basemap: string | FeatureCollection<Polygon | MultiPolygon, BasemapProps> | null = null;
  /** The TopoJSON's path once loadBasemap was called. */
  let basemapFile: string | null = null;
  /** False from loadBasemap until the countries source is added to the style (or the basemap failed). */
  let basemapSettled = true;
  let landPaint: unknown = LAND_COLOR;
  let styleLoaded = false;
  const addBasemap = () => {
    if (!basemap) return;
    const src = map.getSource('countries');
    if (src) {
      (src as unknown as { setData(d: unknown): void }).setData(basemap);
      return;
    }
    map.addSource('countries', { type: 'geojson', data: basemap });
    basemapSettled = true;
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
    checkReady();
  };
  map.once('style.load', () => {
    styleLoaded = true;
    addBasemap();
  });

  /**
   * deck.gl's canvas has its full size: as wide as the map in CSS pixels, and its drawing buffer no longer the
   * canvas default 300x150 (unless that is the map's size in device pixels). Not a fixed minimum width: a map
   * narrower than 300 px (an embed in a column) must still report ready.
   */
  const isSized = (canvas: HTMLCanvasElement) => {
    const w = opts.container.clientWidth;
    if (canvas.clientWidth !== w) return false;
    if (canvas.width !== 300 || canvas.height !== 150) return true;
    const dpr = window.devicePixelRatio || 1;
    return Math.round(w * dpr) === 300 && Math.round(opts.container.clientHeight * dpr) === 150;
  };
  let pendingDeckFrame = true;
  let idleWait = false;
  /** Ready once deck.gl drew the current layers and the basemap is added, loaded and drawn (MapLibre idle). */
  const checkReady = () => {
    if (pendingDeckFrame || !basemapSettled) return;
    if (map.loaded() && !map.isMoving()) return setReady(true);
    if (idleWait) return;
    idleWait = true;
    map.once('idle', () => {
      idleWait = false;
      checkReady();
    });
  };
  /** One-shot callbacks run inside deck.gl's onAfterRender, while its drawing buffer is still valid. */
  const afterDeckRender: ((canvas: HTMLCanvasElement) => boolean)[] = [];
  let ready = false;
  const setReady = (r: boolean) => {
    if (r !== ready) {
      ready = r;
      opts.onReady(r);
    }
  };
  const overlay = new MapLibreOverlay({
    interleaved: false,
    layers: [],
    pickingRadius: 5,
    onHover: (info) => opts.onHover(info),
    onClick: (info) => opts.onClick(info),
    onAfterRender: () => {
      const canvas = overlay.getCanvas();
      if (canvas) {
        for (let i = afterDeckRender.length - 1; i >= 0; i--)
          if (afterDeckRender[i]?.(canvas)) afterDeckRender.splice(i, 1);
      }
      const full = canvas !== null && isSized(canvas);
      if (full && overlayState === 'sizing') return releaseLayers();
      if (!pendingDeckFrame || !full) return;
      pendingDeckFrame = false;
      checkReady();
    },
  });
  // deck.gl starts with the first layers, not with the map: its WebGL context, shaders and canvas cost ~200-300 ms of
  // main thread while the first view's files are parsed (starting it with the map measured no faster to ready).
  // Its canvas starts at the default 300x150 and gets its size from a ResizeObserver after the next layout: the first
  // layers wait for that, or their first frame would be drawn small and shown stretched (blurry) until the next one.
  let overlayState: 'none' | 'sizing' | 'added' = 'none';
  let heldLayers: Layer[] = [];
  /** Hand the held layers to deck.gl: called from its first frame drawn at full size (empty), or after a second. */
  const releaseLayers = () => {
    if (overlayState !== 'sizing') return;
    overlayState = 'added';
    overlay.setProps({ layers: heldLayers });
    heldLayers = [];
  };
  const addOverlay = () => {
    overlayState = 'sizing';
    map.addControl(overlay);
    // Never hold the layers for long (a map hidden with display: none has no size to wait for).
    setTimeout(releaseLayers, 1000);
  };
  // Country names: HTML text above the canvases (no font atlas or shader program), moved with the camera.
  const labelEls = document.createElement('div');
  labelEls.className = 'map-labels';
  labelEls.setAttribute('aria-hidden', 'true');
  opts.container.append(labelEls);
  let labels: readonly MapLabel[] = [];
  const projectedLabels = () =>
    labels.map((l) => {
      const p = map.project([l.lngLat[0], l.lngLat[1]]);
      return { text: l.text, x: p.x, y: p.y };
    });
  const placeLabels = () => {
    const at = projectedLabels();
    labelEls.childNodes.forEach((node, i) => {
      const p = at[i];
      if (p) (node as HTMLElement).style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`;
    });
  };
  // The map's size, kept from resize events: reading the container's while the panels change would force a layout.
  const size = { width: opts.container.clientWidth, height: opts.container.clientHeight };
  map.on('move', placeLabels);
  map.on('resize', () => {
    size.width = opts.container.clientWidth;
    size.height = opts.container.clientHeight;
    placeLabels();
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    opts.onViewChange({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
  });
  map.on('error', (e) => {
    const message = e.error?.message ?? 'the map reported an error';
    // A source's failure names the source (MapLibre's ErrorEvent carries sourceId for source errors).
    if ((e as { sourceId?: string }).sourceId === 'countries')
      opts.onBasemapError(fileErrorFromMessage(basemapFile ?? 'basemap', message));
    else opts.onError(message);
  });

  return {
    setLayers(layers) {
      pendingDeckFrame = true;
      setReady(false);
      if (overlayState === 'added') return overlay.setProps({ layers });
      heldLayers = layers;
      if (overlayState === 'none') addOverlay();
    },
    loadBasemap(file) {
      if (basemapFile !== null) return;
      basemapFile = file;
      // The worker path adds the source only after the script is in MapLibre's worker: until then the map would
      // look loaded without any countries, so readiness waits for the source.
      basemapSettled = false;
      const absolute = new URL(file, document.baseURI).href;
      importScriptInWorkers(basemapWorkerUrl)
        .then(
          () => basemapProtocolUrl(absolute),
          async () => basemapFromTopology(await fetchJson((u) => fetch(u), file)),
        )
        .then(
          (data) => {
            basemap = data;
            if (styleLoaded) addBasemap();
          },
          (error: unknown) => {
            basemapSettled = true;
            opts.onBasemapError(error);
            checkReady();
          },
        );
    },
    setChoropleth(values, ramp) {
      landPaint = LAND_COLOR;
      if (values && values.size > 0) {
        const lookup = ['get', ['get', 'iso3'], ['literal', Object.fromEntries(values)]];
        const stops = rampStops(ramp).flat();
        landPaint = [
          'case',
          ['==', ['typeof', lookup], 'number'],
          ['interpolate', ['linear'], lookup, ...stops],
          LAND_COLOR,
        ];
      }
      // Before the basemap is added, the colours wait for it (addBasemap uses them).
      if (map.getLayer('land')) map.setPaintProperty('land', 'fill-color', landPaint as never);
    },
    jumpTo(view) {
      map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    },
    fitTo(points) {
      let [w, s, e, n] = [180, 90, -180, -90];
      for (const [x, y] of points) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
      map.fitBounds(
        [
          [w, Math.max(-80, s)],
          [e, Math.min(80, n)],
        ],
        {
          padding: { top: 40, bottom: 40, left: Math.min(360, opts.container.clientWidth / 3), right: 60 },
          duration: 0,
          maxZoom: 8,
        },
      );
    },
    getView() {
      const c = map.getCenter();
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    project(lngLat) {
      const p = map.project([lngLat[0], lngLat[1]]);
      return [p.x, p.y];
    },
    size() {
      return { ...size };
    },
    getDeckCanvas: () => overlay.getCanvas(),
    async capture(ratio) {
      const original = map.getPixelRatio();
      const w = opts.container.clientWidth;
      const h = opts.container.clientHeight;
      const copy = (source: HTMLCanvasElement) => {
        const c = document.createElement('canvas');
        c.width = source.width;
        c.height = source.height;
        c.getContext('2d')?.drawImage(source, 0, 0);
        return c;
      };
      const wanted = (c: HTMLCanvasElement) =>
        Math.abs(c.width - Math.round(w * ratio)) <= 1 && Math.abs(c.height - Math.round(h * ratio)) <= 1;
      const overlayShot = new Promise<HTMLCanvasElement>((resolve) => {
        afterDeckRender.push((canvas) => {
          if (!wanted(canvas)) return false;
          resolve(copy(canvas));
          return true;
        });
      });
      const basemapShot = new Promise<HTMLCanvasElement>((resolve) => {
        const onRender = () => {
          const canvas = map.getCanvas();
          if (!wanted(canvas)) return;
          map.off('render', onRender);
          resolve(copy(canvas));
        };
        map.on('render', onRender);
      });
      map.setPixelRatio(ratio);
      overlay.setProps({ useDevicePixels: ratio });
      map.triggerRepaint();
      // deck.gl draws only when something changed: force frames until both images are taken (at most ~5 s).
      // The overlay does not expose redraw(); its Deck instance is reached through the documented-stable _deck field.
      const deck = (overlay as unknown as { _deck?: { redraw(reason?: string): void } })._deck;
      let done = false;
      const both = Promise.all([basemapShot, overlayShot]).finally(() => (done = true));
      for (let frame = 0; frame < 300 && !done; frame++) {
        await new Promise((r) => requestAnimationFrame(r));
        if (!done) {
          map.triggerRepaint();
          deck?.redraw('export');
        }
      }
      map.setPixelRatio(original);
      overlay.setProps({ useDevicePixels: true });
      if (!done) throw new Error('the map did not render at the requested resolution in time');
      const [basemap, overlayImage] = await both;
      return { basemap, overlay: overlayImage, labels: projectedLabels() };
    },
    setLabels(next) {
      labelEls.replaceChildren(
        ...next.map((l) => {
          const span = document.createElement('span');
          span.textContent = l.text;
          return span;
        }),
      );
      labels = next;
      placeLabels();
    },
    getMapCanvas: () => map.getCanvas(),
  };
}

/**
 * Whether this browser has WebGL2 at all. Cheap: no probe context (creating one costs tens of milliseconds and one
 * of the page's few contexts); when a context still cannot be created, MapLibre throws and the caller says so.
 */
export function hasWebGl2(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}
