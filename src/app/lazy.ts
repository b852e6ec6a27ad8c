// Parts not needed for the first view, fetched after it: chart (with shares), scenario, details and export controls.
import { DATA_PATHS } from '../config/app';
import { fetchJson, parseMeasures, parseProjects, parseShares, type Fetcher } from '../data/load';
import { selectNeedsMeasures } from '../state/measures';
import { actions } from '../state/store';
import { watch } from './watch';
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

  let measures: Promise<void> | null = null;
  /**
   * Export controls: the measure table and its panel. After the first view, or at once when the view needs them (the
   * controlled reason, the controls scenario or a measure in the link). A measure the table lacks is dropped, said.
   */
  function loadMeasures(): Promise<void> {
    measures ??= (async () => {
      const { store } = app;
      actions.measuresLoading(store);
      try {
        const [mod, raw] = await Promise.all([
          import('./measures-chunk'),
          fetchJson(fetcher, DATA_PATHS.measures),
        ]);
        const file = await parseMeasures(raw, DATA_PATHS.measures);
        app.chunks.measures = mod;
        const id = store.getState().measure;
        if (id !== null && !file.measures.some((m) => m.id === id)) {
          actions.selectMeasure(store, null);
          actions.notify(store, 'warning', `The linked measure "${id}" is not in the export-controls table.`);
        }
        actions.measuresLoaded(store, file);
        onLoaded();
      } catch (error) {
        actions.measuresFailed(app.store);
        app.loaders.fileFailed(error, 'export-control measures');
      }
    })();
    return measures;
  }
  // Started after the change that needs them has reached every listener (not from inside one).
  watch(app.store, selectNeedsMeasures, (need) => need && queueMicrotask(() => void loadMeasures()));

  let projects: Promise<void> | null = null;
  /** Funded projects: the file and the panel, the first time the projects layer is opened (or a link selects one). */
  function loadProjects(): Promise<void> {
    projects ??= (async () => {
      const { store } = app;
      actions.projectsLoading(store);
      try {
        const [mod, raw] = await Promise.all([
          import('./projects-chunk'),
          fetchJson(fetcher, DATA_PATHS.projects),
        ]);
        const file = await parseProjects(raw, DATA_PATHS.projects);
        app.chunks.projects = mod;
        const id = store.getState().projectsView.selected;
        if (id !== null && !file.projects.some((p) => p.id === id)) {
          actions.setProjectsView(store, { selected: null });
          actions.notify(store, 'warning', `The linked project "${id}" is not in the projects table.`);
        }
        actions.projectsLoaded(store, file);
        onLoaded();
      } catch (error) {
        actions.projectsFailed(app.store);
        app.loaders.fileFailed(error, 'funded projects');
      }
    })();
    return projects;
  }
  watch(
    app.store,
    (s) => s.projectsView.open,
    (open) => open && queueMicrotask(() => void loadProjects()),
  );

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
      if (!app.embedded) void loadMeasures();
    },
    loadDetails,
  };
}
