// What the app's parts share: the store, the page's root element, the map (once started) and the lazy chunks.
import type { MapHandle } from '../map/map';
import type { AppStore } from '../state/store';
import type { AfterFrame } from './after-frame';
import type { Loaders } from './loading';

/** The chart chunk: the "who supplies" panel. */
export type ChartChunk = typeof import('../ui/chart');
/** The scenario chunk: its panels and what the map draws for a scenario. */
export type ScenarioChunk = typeof import('./scenario-chunk');
/** The details panel of a selected site or flow. */
export type DetailsChunk = typeof import('../ui/details');
/** The export-controls panel. */
export type MeasuresChunk = typeof import('./measures-chunk');
/** The projects panel and its capacity charts. */
export type ProjectsChunk = typeof import('./projects-chunk');
/** The table view of the kept sites and drawn flows. */
export type TableChunk = typeof import('./table-chunk');
/** The sea-lane layer (deck.gl's PathLayer). */
export type LanesChunk = typeof import('../layers/lanes');

export interface App {
  store: AppStore;
  /** <html>: readiness flags for tests and embeds (data-map-ready, data-map-error, data-map-deferred). */
  html: HTMLElement;
  /** `embed=1`: no panels, an embed title and legend. */
  embedded: boolean;
  /** The map, once started (null without WebGL2, or while an embed waits to scroll into view). */
  map: MapHandle | null;
  chunks: {
    chart: ChartChunk | null;
    scenario: ScenarioChunk | null;
    details: DetailsChunk | null;
    measures: MeasuresChunk | null;
    projects: ProjectsChunk | null;
    table: TableChunk | null;
    lanes: LanesChunk | null;
  };
  loaders: Loaders;
  /** The panels' and the address bar's queue: they follow a change after the frame that shows it. */
  afterFrame: AfterFrame;
  /** Run once, the first time the map reports the view drawn. */
  afterFirstView: (() => void)[];
}

/** `document.querySelector` for elements the page's HTML always has. */
export const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel) as T;
