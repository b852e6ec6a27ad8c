// Test and embedding hook: read-only access to what the page shows (window.__cmm).
import { selectDrawnFlows } from '../state/selectors';
import type { AppState } from '../state/store';
import type { App } from './context';

declare global {
  interface Window {
    __cmm?: {
      state(): AppState;
      drawnFlows(): number;
      deckCanvas(): HTMLCanvasElement | null;
      /** Where [lng, lat] is on the map, CSS pixels from its top left (null without a map). */
      project(lngLat: [number, number]): [number, number] | null;
    };
  }
}

export function exposeHooks(app: App): void {
  window.__cmm = {
    state: () => app.store.getState(),
    drawnFlows: () => selectDrawnFlows(app.store.getState()).shownCount,
    deckCanvas: () => app.map?.getDeckCanvas() ?? null,
    project: (lngLat) => app.map?.project(lngLat) ?? null,
  };
}
