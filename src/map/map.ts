// The MapLibre map and its deck.gl overlay: offline basemap style, controls, readiness; the only maplibre-gl importer.
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
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
import type { BasemapProps } from '../derive/basemap';
import type { ViewState } from '../state/store';

setWorkerUrl(workerUrl);

export interface MapHandle {
  setLayers(layers: Layer[]): void;
  setBasemap(fc: FeatureCollection<Polygon | MultiPolygon, BasemapProps>): void;
  jumpTo(view: ViewState): void;
  getView(): ViewState;
  /** The deck.gl canvas, for pixel checks and exports. */
  getDeckCanvas(): HTMLCanvasElement | null;
  getMapCanvas(): HTMLCanvasElement;
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
}

const STYLE: StyleSpecification = {
  version: 8,
  sources: { countries: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [
    { id: 'ocean', type: 'background', paint: { 'background-color': BASEMAP_COLORS.ocean } },
    {
      id: 'land',
      type: 'fill',
      source: 'countries',
      paint: {
        'fill-color': [
          'case',
          ['in', ['get', 'iso3'], ['literal', ['CHN', 'HKG', 'MAC']]],
          BASEMAP_COLORS.china,
          BASEMAP_COLORS.land,
        ],
      },
    },
    {
      id: 'borders',
      type: 'line',
      source: 'countries',
      paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.6 },
    },
  ],
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

  let pendingDeckFrame = true;
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
      const full = canvas && canvas.clientWidth === opts.container.clientWidth && canvas.width > 300;
      if (!pendingDeckFrame || !full) return;
      pendingDeckFrame = false;
      if (map.loaded() && !map.isMoving()) setReady(true);
      else map.once('idle', () => !pendingDeckFrame && setReady(true));
    },
  });
  map.addControl(overlay);
  map.on('moveend', () => {
    const c = map.getCenter();
    opts.onViewChange({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
  });
  map.on('error', (e) => opts.onError(e.error?.message ?? 'the map reported an error'));

  return {
    setLayers(layers) {
      pendingDeckFrame = true;
      setReady(false);
      overlay.setProps({ layers });
    },
    setBasemap(fc) {
      const apply = () => {
        const src = map.getSource('countries');
        if (src && 'setData' in src) (src as unknown as { setData(d: unknown): void }).setData(fc);
      };
      if (map.isStyleLoaded()) apply();
      else map.once('load', apply);
    },
    jumpTo(view) {
      map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    },
    getView() {
      const c = map.getCenter();
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    getDeckCanvas: () => overlay.getCanvas(),
    getMapCanvas: () => map.getCanvas(),
  };
}

/** True when this browser can create a WebGL2 context (MapLibre 6 and deck.gl 9 need it). */
export function hasWebGl2(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}
