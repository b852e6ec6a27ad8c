// The MapLibre map and its deck.gl overlay put together: camera, controls, events, readiness; the map's public face.
import type { Layer, PickingInfo } from '@deck.gl/core';
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Ramp } from '../config/ramps';
import { fileErrorFromMessage } from '../data/load';
import type { MapImages, MapLabel, ViewState } from '../model/view';
import { BASE_STYLE, createBasemap } from './basemap';
import { captureCanvases } from './capture';
import { ResetViewControl } from './controls';
import { createLabelLayer } from './labels';
import { createOverlay } from './overlay';

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
  /** Outline countries (ISO3) with an export-control measure in force. */
  setOutlines(iso3: readonly string[]): void;
  /** Fit the camera to [lng, lat] points, in the map area the panel leaves free. */
  fitTo(points: readonly (readonly [number, number])[]): void;
  /** Fit the camera to the home frame (MapOptions.home): the first view and "reset view". */
  frameWorld(): void;
  getView(): ViewState;
  /** Screen position (CSS pixels from the map's top left) of [lng, lat], and the map's size. */
  project(lngLat: readonly [number, number]): [number, number];
  size(): { width: number; height: number };
  /** The deck.gl canvas, for pixel checks and exports. */
  getDeckCanvas(): HTMLCanvasElement | null;
  getMapCanvas(): HTMLCanvasElement;
  /** Both canvases at `ratio` device pixels per CSS pixel, copied right after their frames, with the labels. */
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
  /** The points the first view and "reset view" frame. */
  home: readonly (readonly [number, number])[];
  /** How much of the map the side panel covers from the left and from the bottom, CSS pixels (0 when it does not). */
  insets(): { left: number; bottom: number };
  onHover(info: PickingInfo): void;
  onClick(info: PickingInfo): void;
  onViewChange(view: ViewState): void;
  /** Called with true when the basemap is idle and deck.gl drew the current layers at full size; false while pending. */
  onReady(ready: boolean): void;
  onError(message: string): void;
  /** The basemap could not be loaded: a DataFileError naming the file when the file itself failed, else an Error. */
  onBasemapError(error: unknown): void;
}

export function createMap(opts: MapOptions): MapHandle {
  const map = new MlMap({
    container: opts.container,
    style: BASE_STYLE,
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
  /** fitBounds over points, padded so that they land beside (or below) the panel and clear of the controls. */
  const fit = (points: readonly (readonly [number, number])[], duration: number) => {
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const [x, y] of points) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    const inset = opts.insets();
    const width = opts.container.clientWidth;
    const height = opts.container.clientHeight;
    // Never pad away more than most of the map: a tiny window still shows something.
    const left = Math.min(inset.left + 16, width * 0.6);
    const bottom = Math.min(Math.max(36, inset.bottom + 16), height * 0.6);
    map.fitBounds(
      [
        [w, Math.max(-80, s)],
        [e, Math.min(80, n)],
      ],
      { padding: { top: 16, bottom, left, right: 56 }, duration, maxZoom: 8 },
    );
  };
  map.addControl(new ResetViewControl(() => fit(opts.home, 600)), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

  let ready = false;
  const setReady = (r: boolean) => {
    if (r !== ready) {
      ready = r;
      opts.onReady(r);
    }
  };
  let idleWait = false;
  /** Ready once deck.gl drew the current layers and the basemap is added, loaded and drawn (MapLibre idle). */
  const checkReady = () => {
    if (overlay.framePending() || !basemap.settled()) return;
    if (map.loaded() && !map.isMoving()) return setReady(true);
    if (idleWait) return;
    idleWait = true;
    map.once('idle', () => {
      idleWait = false;
      checkReady();
    });
  };
  const basemap = createBasemap(map, checkReady, opts.onBasemapError);
  const overlay = createOverlay(map, opts.container, {
    onHover: opts.onHover,
    onClick: opts.onClick,
    onFrameDrawn: checkReady,
  });
  const labels = createLabelLayer(map, opts.container);
  // The map's size, kept from resize events: reading the container's while the panels change would force a layout.
  const size = { width: opts.container.clientWidth, height: opts.container.clientHeight };
  map.on('move', labels.place);
  map.on('resize', () => {
    size.width = opts.container.clientWidth;
    size.height = opts.container.clientHeight;
    labels.place();
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    opts.onViewChange({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
  });
  map.on('error', (e) => {
    const message = e.error?.message ?? 'the map reported an error';
    // A source's failure names the source (MapLibre's ErrorEvent carries sourceId for source errors).
    if ((e as { sourceId?: string }).sourceId === 'countries')
      opts.onBasemapError(fileErrorFromMessage(basemap.file() ?? 'basemap', message));
    else opts.onError(message);
  });

  return {
    setLayers(layers) {
      overlay.setLayers(layers);
      setReady(false);
    },
    loadBasemap: (file) => basemap.load(file),
    setChoropleth: (values, ramp) => basemap.setChoropleth(values, ramp),
    setOutlines: (iso3) => basemap.setOutlines(iso3),
    jumpTo(view) {
      map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    },
    fitTo: (points) => fit(points, 0),
    frameWorld: () => fit(opts.home, 0),
    getView() {
      const c = map.getCenter();
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    project(lngLat) {
      const p = map.project([lngLat[0], lngLat[1]]);
      return [p.x, p.y];
    },
    size: () => ({ ...size }),
    getDeckCanvas: () => overlay.canvas(),
    getMapCanvas: () => map.getCanvas(),
    async capture(ratio) {
      const images = await captureCanvases(map, overlay, opts.container, ratio);
      return { ...images, labels: labels.projected() };
    },
    setLabels: (next) => labels.set(next),
  };
}

/**
 * Why MapLibre's worker cannot be created on this page, or null when it can: a policy such as Trusted Types
 * (`require-trusted-types-for 'script'`) makes `new Worker` throw, and MapLibre would then fail inside its own
 * callbacks with uncaught errors. Checked once before the map is created; the probe worker is ended at once.
 */
export function workerProblem(): string | null {
  try {
    new Worker(workerUrl, { type: 'module' }).terminate();
    return null;
  } catch (error) {
    return `its worker could not be created: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Whether this browser has WebGL2 at all. Cheap: no probe context (creating one costs tens of milliseconds and one
 * of the page's few contexts); when a context still cannot be created, MapLibre throws and the caller says so.
 */
export function hasWebGl2(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}
