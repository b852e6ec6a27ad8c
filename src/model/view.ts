// What the app shows besides the filters: camera, selection, notices, decoded sea routes and map images.

/** Camera: centre [lng, lat] in degrees and MapLibre zoom. */
export interface ViewState {
  lng: number;
  lat: number;
  zoom: number;
}

/** Why the map cannot be drawn: no WebGL2 context, or another failure while starting it. */
export type MapProblem = 'webgl' | 'start';

export type Selection = { type: 'site'; id: string } | { type: 'flow'; id: string };

export const NOTICE_LEVELS = ['info', 'warning', 'error'] as const;
export interface Notice {
  id: number;
  level: (typeof NOTICE_LEVELS)[number];
  text: string;
}

/** A decoded sea route of a country pair "EXP>IMP": path in [lng, lat] degrees (unwrapped), km, ports. */
export interface RouteInfo {
  path: [number, number][] | null;
  km: number | null;
  ports: [string, string] | null;
}

/** A country name drawn over the map at [lng, lat]. */
export interface MapLabel {
  text: string;
  lngLat: readonly [number, number];
}

/**
 * An export's parts: both map canvases at the requested pixel ratio, and the labels at their CSS-pixel positions.
 * Generic over the canvas type so that this module needs no DOM types (the app uses HTMLCanvasElement).
 */
export interface MapImages<Canvas> {
  basemap: Canvas;
  overlay: Canvas;
  labels: { text: string; x: number; y: number }[];
}
