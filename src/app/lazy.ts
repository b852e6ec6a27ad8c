// Parts not needed for the first view, fetched after it: chart (with shares), scenario, details and export controls.
import { DATA_PATHS } from '../config/app';
import { fetchJson, parseMeasures, parseProjects, parseShares, type Fetcher } from '../data/load';
import { t } from '../i18n';
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

  /**
   * A part loaded on first use with its data file: module and file fetched together, once; `done` stores both (and
   * drops a linked id the file lacks, with a notice); a failure is reported under `what` and marked with `failed`.
   */
  function lazyPart<M, F>(part: {
    module: () => Promise<M>;
    path: string;
    parse: (raw: unknown, path: string) => Promise<F>;
    what: string;
    start: () => void;
    done: (mod: M, file: F) => void;
    failed: () => void;
  }): () => Promise<void> {
    let loading: Promise<void> | null = null;
    return () =>
      (loading ??= (async () => {
        part.start();
        try {
          const [mod, raw] = await Promise.all([part.module(), fetchJson(fetcher, part.path)]);
          part.done(mod, await part.parse(raw, part.path));
          onLoaded();
        } catch (error) {
          part.failed();
          app.loaders.fileFailed(error, part.what);
        }
      })());
  }
  const { store } = app;
  /** A linked id the file does not have: dropped (by `clear`) and said. */
  const unknownLink = (
    id: string | null,
    known: boolean,
    what: 'linkedMeasure' | 'linkedProject',
    clear: () => void,
  ) => {
    if (id === null || known) return;
    clear();
    const m = t(store.getState().lang).notices;
    actions.notify(store, 'warning', m.linkedMissing(m[what], id));
  };

  /**
   * Export controls: the measure table and its panel. After the first view, or at once when the view needs them (the
   * controlled reason, the controls scenario or a measure in the link).
   */
  const loadMeasures = lazyPart({
    module: () => import('./measures-chunk'),
    path: DATA_PATHS.measures,
    parse: parseMeasures,
    what: 'export-control measures',
    start: () => actions.measuresLoading(store),
    failed: () => actions.measuresFailed(store),
    done: (mod, file) => {
      app.chunks.measures = mod;
      const id = store.getState().measure;
      unknownLink(
        id,
        file.measures.some((m) => m.id === id),
        'linkedMeasure',
        () => actions.selectMeasure(store, null),
      );
      actions.measuresLoaded(store, file);
    },
  });
  // Started after the change that needs them has reached every listener (not from inside one).
  watch(store, selectNeedsMeasures, (need) => need && queueMicrotask(() => void loadMeasures()));

  /** Funded projects: the file and the panel, the first time the projects layer is opened (or a link selects one). */
  const loadProjects = lazyPart({
    module: () => import('./projects-chunk'),
    path: DATA_PATHS.projects,
    parse: parseProjects,
    what: 'funded projects',
    start: () => actions.projectsLoading(store),
    failed: () => actions.projectsFailed(store),
    done: (mod, file) => {
      app.chunks.projects = mod;
      const id = store.getState().projectsView.selected;
      unknownLink(
        id,
        file.projects.some((p) => p.id === id),
        'linkedProject',
        () => actions.setProjectsView(store, { selected: null }),
      );
      actions.projectsLoaded(store, file);
    },
  });
  watch(
    store,
    (s) => s.projectsView.open,
    (open) => open && queueMicrotask(() => void loadProjects()),
  );

  let table: Promise<void> | null = null;
  /** The table view: its module, the first time the toggle is pressed or a link has `table=1`. */
  const loadTable = () =>
    (table ??= import('./table-chunk').then(
      (mod) => {
        app.chunks.table = mod;
        onLoaded();
      },
      (error: unknown) => app.loaders.fileFailed(error, 'table view'),
    ));
  watch(
    store,
    (s) => s.table,
    (open) => open && !app.embedded && queueMicrotask(() => void loadTable()),
  );

  let lanes: Promise<void> | null = null;
  /** The sea-lane layer, the first time the lanes are drawn; without it the flows stay arcs (as without routes). */
  const loadLanes = () =>
    (lanes ??= import('../layers/lanes').then(
      (mod) => {
        app.chunks.lanes = mod;
        onLoaded();
      },
      (error: unknown) => {
        app.loaders.fileFailed(error, 'sea routes');
        actions.routesFailed(store);
      },
    ));
  watch(
    store,
    (s) => s.filters.flowView === 'sea-lanes',
    (on) => on && queueMicrotask(() => void loadLanes()),
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
