// Composition root, wiring only: the store, the app's parts (src/app/), the panels and the map, in the order they run.
import type { Fetcher } from './data/load';
import { defaultLang, langLoaded, loadLang } from './i18n';
import { createAppStore } from './state/store';
import { parseUrl } from './url/codec';
import { mountPanel } from './ui/panels';
import { bootMap } from './app/boot-map';
import { createAfterFrame } from './app/after-frame';
import { $, type App } from './app/context';
import { exposeHooks } from './app/hooks';
import { lazyChunks } from './app/lazy';
import { createLoaders } from './app/loading';
import { syncMap } from './app/map-sync';
import { syncPanels } from './app/panel-sync';
import { followChanges } from './app/play';
import { bindKeys } from './app/keys';
import { lazySearch } from './app/search';
import { start } from './app/start';
import { yearWorker } from './app/year-worker';
import { changeTimer, measure } from './app/timing';
import { toolbarHandlers } from './app/toolbar';
import './style.css';

const html = document.documentElement;
html.dataset.mapReady = 'false';
const embedded = new URLSearchParams(location.search).get('embed') === '1';
if (embedded) html.classList.add('embed');

// The language is known before anything is drawn: the link's, else the browser's (src/url/apply.ts keeps it later).
// Japanese text is its own chunk, fetched before the panel is built (an English reader never fetches it).
const firstLang = parseUrl(location.search, new Set()).state.lang ?? defaultLang(navigator.languages);
await loadLang(firstLang).catch(() => undefined);
const store = createAppStore({ lang: langLoaded(firstLang) ? firstLang : 'en' });
const fetcher: Fetcher = (path) => fetch(path);
const app: App = {
  store,
  html,
  embedded,
  map: null,
  chunks: {
    chart: null,
    scenario: null,
    details: null,
    measures: null,
    projects: null,
    table: null,
    lanes: null,
  },
  loaders: createLoaders(store, fetcher, measure, yearWorker),
  afterFrame: createAfterFrame(),
  afterFirstView: [],
};
if (!langLoaded(firstLang)) app.loaders.fileFailed(new Error('not loaded'), 'Japanese text');
const panel = mountPanel($('#panel'), store, toolbarHandlers(app));
if (!embedded) lazySearch(app, panel.search);

// Store listeners run in this order on every change: the map first, then the follow-up fetches; the panels and the
// address bar follow after the frame that shows the change (app.afterFrame). The timer's marks are what the benchmark
// reads.
// A chunk that arrives re-checks what depends on it (it only arrives after this module has run).
const chunks = lazyChunks(app, fetcher, () => {
  mapSync.check();
  panelSync.check();
});
const timer = changeTimer();
store.subscribe(timer.start);
const mapSync = syncMap(app, timer.layersDone);
const panelSync = syncPanels(app, panel, chunks.loadDetails);
app.afterFrame.onSettled(timer.panelsDone);
followChanges(app);
bindKeys(app);

bootMap(app, mapSync);
exposeHooks(app);
/** The reader's own data: its tools and saved files load after the first view (never in an embed). */
const loadUserData = () =>
  void import('./app/user-data')
    .then((m) => m.startUserData(app, panel.user))
    .catch((error: unknown) => app.loaders.fileFailed(error, 'your-data tools'));
void start(
  app,
  () => {
    chunks.load();
    app.loaders.warmYears(!embedded);
    if (!embedded) loadUserData();
  },
  () => mapSync.check(),
);
