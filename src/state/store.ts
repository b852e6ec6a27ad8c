// The zustand vanilla store: plain, serialisable state (data, filters, selection, notices) and its actions.
import { createStore } from 'zustand/vanilla';
import { DEFAULT_MINERALS, DEFAULT_YEAR, INITIAL_VIEW } from '../config/app';
import type { FlowCodes } from '../data/flow-columns';
import type { Manifest } from '../data/schema';
import type { SharesFile } from '../data/shares-schema';
import { defaultFilterSpec, type FilterIndex } from '../derive/filter';
import type { FlowTable } from '../derive/flow-table';
import type { Filters } from '../model/filters';
import { DEFAULT_LANG, type Lang } from '../i18n';
import type { ScenarioState } from '../model/scenario';
import type { ControlReading, MeasuresFile } from '../model/measures';
import type { ProjectsFile } from '../model/projects';
import {
  DEFAULT_STOCKPILE,
  defaultProjectsView,
  type ProjectsView,
  type StockpileView,
} from '../model/projects-view';
import type { MapProblem, Notice, RouteInfo, Selection, ViewState } from '../model/view';
import { partnerPreset } from '../config/partners';
import type { CountryInfo, Flow, Mineral, Site, Source } from '../model/types';
import { emptyUserData, type UserDataView, type UserFile } from '../model/user-data';

export interface StaticData {
  sites: Site[];
  countries: Map<string, CountryInfo>;
  minerals: Mineral[];
  manifest: Manifest | null;
}

export interface YearData {
  year: number;
  flows: Flow[];
  /** Per mineral: complete BACI rows (true) or top partners only (false). */
  complete: Record<string, boolean>;
  sources: Source[];
  /** The flows as codes into their file's dictionaries (from the loader), for building the flow table. */
  codes?: FlowCodes;
  /** The flow table built with the flows (in the year worker), for this index and control reading. */
  table?: { index: FilterIndex; reading: ControlReading; table: FlowTable };
}

export function defaultFilters(): Filters {
  return {
    ...defaultFilterSpec(DEFAULT_MINERALS),
    year: DEFAULT_YEAR,
    showAllFlows: false,
    colorBy: 'exporter-share',
    widthBy: 'usd',
    flowView: 'arcs',
  };
}

export interface AppState {
  status: 'loading' | 'ready' | 'error';
  data: StaticData | null;
  years: Record<number, YearData>;
  yearStatus: Record<number, 'loading' | 'ready' | 'error'>;
  filters: Filters;
  /** Year animation running. */
  playing: boolean;
  routes: Map<string, RouteInfo> | null;
  routesStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** Country shares by mineral and stage; null until loaded (lazily, with the chart). */
  shares: SharesFile | null;
  scenario: ScenarioState | null;
  /** Export-control measures; null until loaded (after the first view, or at once when a link needs them). */
  measures: MeasuresFile | null;
  measuresStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The selected measure's id (its covered flows are highlighted); null for none. */
  measure: string | null;
  /** Funded projects outside China; null until the projects panel is first opened. */
  projects: ProjectsFile | null;
  projectsStatus: 'idle' | 'loading' | 'ready' | 'error';
  projectsView: ProjectsView;
  /** The scenario panel's stockpile cover: months to cover, a stockpile to test. */
  stockpile: StockpileView;
  /** The partner set for the allied-supply view: a preset id (null when edited) and its ISO3 members. */
  allies: { preset: string | null; members: string[] };
  selection: Selection | null;
  /** The table view of the kept sites and drawn flows is open (`table=1` in the link). */
  table: boolean;
  notices: Notice[];
  view: ViewState;
  /** The map could not start: no WebGL2, or another failure while starting it; null while it works (or starts). */
  mapProblem: MapProblem | null;
  /** The UI language (`lang=ja` in the link; otherwise the browser's, English by default). */
  lang: Lang;
  /** The reader's own files (kept in this browser, never in the link). */
  userData: UserDataView;
}

export function defaultAllies(): AppState['allies'] {
  return {
    preset: 'us-japan-australia-eu',
    members: [...(partnerPreset('us-japan-australia-eu')?.members ?? [])],
  };
}

export function initialState(): AppState {
  return {
    status: 'loading',
    data: null,
    years: {},
    yearStatus: {},
    filters: defaultFilters(),
    playing: false,
    routes: null,
    routesStatus: 'idle',
    shares: null,
    scenario: null,
    measures: null,
    measuresStatus: 'idle',
    measure: null,
    projects: null,
    projectsStatus: 'idle',
    projectsView: defaultProjectsView(),
    stockpile: { ...DEFAULT_STOCKPILE },
    allies: defaultAllies(),
    selection: null,
    table: false,
    notices: [],
    view: { ...INITIAL_VIEW },
    mapProblem: null,
    lang: DEFAULT_LANG,
    userData: emptyUserData(),
  };
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(init: Partial<AppState> = {}) {
  return createStore<AppState>()(() => ({ ...initialState(), ...init }));
}

let noticeId = 0;

/** Actions: plain functions over the store, so UI, URL sync and tests call the same code. */
export const actions = {
  setData(store: AppStore, data: StaticData) {
    store.setState({ data, status: 'ready' });
  },
  setStatus(store: AppStore, status: AppState['status']) {
    store.setState({ status });
  },
  yearLoading(store: AppStore, year: number) {
    if (store.getState().yearStatus[year] === 'loading') return;
    store.setState((s) => ({ yearStatus: { ...s.yearStatus, [year]: 'loading' } }));
  },
  yearLoaded(store: AppStore, data: YearData) {
    store.setState((s) => ({
      years: { ...s.years, [data.year]: data },
      yearStatus: { ...s.yearStatus, [data.year]: 'ready' },
    }));
  },
  yearFailed(store: AppStore, year: number) {
    store.setState((s) => ({ yearStatus: { ...s.yearStatus, [year]: 'error' } }));
  },
  /**
   * A year not loaded yet is marked loading in the same update (src/app/play.ts requests every newly chosen year's file), so
   * a year switch renders once for the change and once for the data, not three times.
   */
  setFilters(store: AppStore, patch: Partial<Filters>) {
    store.setState((s) => {
      const filters = { ...s.filters, ...patch };
      const y = filters.year;
      if (y === s.filters.year || !s.data || s.years[y] || s.yearStatus[y] !== undefined) return { filters };
      return { filters, yearStatus: { ...s.yearStatus, [y]: 'loading' } };
    });
  },
  resetFilters(store: AppStore) {
    store.setState((s) => ({ filters: { ...defaultFilters(), year: s.filters.year }, playing: false }));
  },
  setPlaying(store: AppStore, playing: boolean) {
    store.setState({ playing });
  },
  routesLoading(store: AppStore) {
    store.setState({ routesStatus: 'loading' });
  },
  routesLoaded(store: AppStore, routes: Map<string, RouteInfo>) {
    store.setState({ routes, routesStatus: 'ready' });
  },
  /**
   * Several parts of the state at once, in one update (one render): what a link names (on start, with the data
   * itself). Filters are replaced whole; a year not loaded yet is marked loading as in setFilters.
   */
  applyView(
    store: AppStore,
    patch: Partial<
      Pick<
        AppState,
        | 'data'
        | 'status'
        | 'filters'
        | 'scenario'
        | 'allies'
        | 'view'
        | 'selection'
        | 'table'
        | 'measure'
        | 'projectsView'
        | 'stockpile'
        | 'lang'
      >
    >,
  ) {
    store.setState((s) => {
      const y = patch.filters?.year;
      const data = patch.data ?? s.data;
      const loading = y !== undefined && data && !s.years[y] && s.yearStatus[y] === undefined;
      return loading ? { ...patch, yearStatus: { ...s.yearStatus, [y]: 'loading' } } : patch;
    });
  },
  setScenario(store: AppStore, scenario: ScenarioState | null) {
    store.setState({ scenario });
  },
  setAllies(store: AppStore, allies: AppState['allies']) {
    store.setState({ allies });
  },
  measuresLoading(store: AppStore) {
    store.setState({ measuresStatus: 'loading' });
  },
  measuresLoaded(store: AppStore, measures: MeasuresFile) {
    store.setState({ measures, measuresStatus: 'ready' });
  },
  measuresFailed(store: AppStore) {
    store.setState({ measuresStatus: 'error' });
  },
  /** Select an export-control measure (null: none); its flows are highlighted. */
  selectMeasure(store: AppStore, id: string | null) {
    store.setState({ measure: id });
  },
  projectsLoading(store: AppStore) {
    store.setState({ projectsStatus: 'loading' });
  },
  projectsLoaded(store: AppStore, projects: ProjectsFile) {
    store.setState({ projects, projectsStatus: 'ready' });
  },
  projectsFailed(store: AppStore) {
    store.setState({ projectsStatus: 'error' });
  },
  setProjectsView(store: AppStore, patch: Partial<ProjectsView>) {
    store.setState((s) => ({ projectsView: { ...s.projectsView, ...patch } }));
  },
  setStockpile(store: AppStore, patch: Partial<StockpileView>) {
    store.setState((s) => ({ stockpile: { ...s.stockpile, ...patch } }));
  },
  sharesLoaded(store: AppStore, shares: SharesFile) {
    store.setState({ shares });
  },
  routesFailed(store: AppStore) {
    store.setState({ routesStatus: 'error' });
  },
  select(store: AppStore, selection: Selection | null) {
    store.setState({ selection });
  },
  /** Open or close the table view. */
  setTable(store: AppStore, open: boolean) {
    store.setState({ table: open });
  },
  /** Switch the UI language (the view, filters and selection stay as they are). */
  /** The files saved in this browser have been read (or the browser has no store: `unavailable`). */
  userFilesRestored(store: AppStore, files: UserFile[], storage: UserDataView['storage']) {
    store.setState((s) => ({ userData: { ...s.userData, files: [...files, ...s.userData.files], storage } }));
  },
  addUserFile(store: AppStore, file: UserFile) {
    store.setState((s) => ({ userData: { ...s.userData, files: [...s.userData.files, file] } }));
  },
  removeUserFile(store: AppStore, id: string) {
    store.setState((s) => ({
      userData: { ...s.userData, files: s.userData.files.filter((f) => f.id !== id) },
    }));
  },
  setUserCombine(store: AppStore, combine: boolean) {
    store.setState((s) => ({ userData: { ...s.userData, combine } }));
  },
  setLang(store: AppStore, lang: Lang) {
    store.setState({ lang });
  },
  setView(store: AppStore, view: ViewState) {
    store.setState({ view });
  },
  mapFailed(store: AppStore, problem: MapProblem) {
    store.setState({ mapProblem: problem });
  },
  notify(store: AppStore, level: Notice['level'], text: string): number {
    const id = ++noticeId;
    store.setState((s) => ({ notices: [...s.notices, { id, level, text }] }));
    return id;
  },
  dismiss(store: AppStore, id: number) {
    store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};
