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

  return {
    /** Fetch both, now. */
    load(): void {
      void loadChart();
      void loadScenario();
    },
  };
}
