// Parts not needed for the first view, fetched after it: the chart (with the shares file) and the scenario chunk.
import { DATA_PATHS } from '../config/app';
import { fetchJson, parseShares, type Fetcher } from '../data/load';
import { actions } from '../state/store';
import type { App } from './context';

/** `onLoaded` re-checks what depends on a chunk (map layers, choropleth, panels) once it has arrived. */
export function lazyChunks(app: App, fetcher: Fetcher, onLoaded: () => void) {
  async function loadChart(): Promise<void> {
    try {
      const [mod, raw] = await Promise.all([import('../ui/chart'), fetchJson(fetcher, DATA_PATHS.shares)]);
      const shares = await parseShares(raw, DATA_PATHS.shares);
      app.chunks.chart = mod;
      actions.sharesLoaded(app.store, shares);
      onLoaded();
    } catch (error) {
      app.loaders.fileFailed(error, 'country shares');
    }
  }

  /** Scenarios and allied supply; an embed loads them only when its link names a scenario. */
  async function loadScenario(): Promise<void> {
    if (app.embedded && !app.store.getState().scenario) return;
    try {
      app.chunks.scenario = await import('./scenario-chunk');
    } catch (error) {
      app.loaders.fileFailed(error, 'scenario tools');
      return;
    }
    onLoaded();
  }

  let details: Promise<void> | null = null;
  /** The details panel: fetched when something is selected (a link's site or flow, a click), or after the first view. */
  function loadDetails(): Promise<void> {
    details ??= import('../ui/details').then(
      (mod) => {
        app.chunks.details = mod;
        onLoaded();
      },
      (error: unknown) => app.loaders.fileFailed(error, 'details panel'),
    );
    return details;
  }

  return {
    /** Fetch what the first view did not need, now. */
    load(): void {
      void loadChart();
      void loadScenario();
      void loadDetails();
    },
    loadDetails,
  };
}
