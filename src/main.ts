// Composition root: creates the store, starts loading the data (loading.ts), mounts map and panels, wires them.
import { LOSS_RAMP } from './config/ramps';
import type { PickingInfo } from '@deck.gl/core';
import { DATA_PATHS, INITIAL_VIEW, LABEL_ALL_ZOOM, PLAY_STEP_MS, YEARS } from './config/app';
import { fetchJson, parseShares, type Fetcher } from './data/load';
import { describeView, fileStem } from './derive/describe';
import { renderEmbed } from './ui/embed';
import { flowGpuFilter, siteGpuFilter, type SiteInstance } from './derive/filter';
import { ArcSets } from './layers/arc-sets';
import { buildLayers, siteLayerData, type LaneDatum } from './layers/build';
import { countryLabels } from './derive/labels';
import { createMap, hasWebGl2, type MapHandle } from './map/map';
import type { ArcDatum } from './derive/flows';
import {
  keepSpec,
  selectDrawnFlows,
  selectFilterIndex,
  selectFlowTable,
  selectExporterShare,
  selectSiteBuffers,
  selectSiteRadii,
  selectViewReady,
  selectVisibleSites,
  selectYearArcs,
} from './state/selectors';
import { actions, createAppStore, type AppState, type StaticData } from './state/store';
import { renderAbout, renderNotices, renderTooltip, tooltipLines } from './ui/chrome';
import { renderFlowDetails, renderSiteDetails } from './ui/details';
import { buildFilters, mountPanel, renderCounts, renderLegend, updateFilters } from './ui/panels';
import { applyLink as applyLinkToStore } from './url/apply';
import { parseUrl } from './url/codec';
import { startUrlSync, type UrlSync } from './url/sync';
import { createLoaders } from './loading';
import './style.css';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel) as T;
const html = document.documentElement;
html.dataset.mapReady = 'false';

const store = createAppStore();
const fetcher: Fetcher = (path) => fetch(path);
const { loadStatic, loadYear, loadRoutes, fileFailed } = createLoaders(store, fetcher, measure);
const loadingEl = $('#loading');
const detailsEl = $('[data-testid="details"]');
const noticeEl = $('[data-testid="notice"]');
const tooltipEl = $('#tooltip');
const aboutDialog = $<HTMLDialogElement>('#about');
const shareDialog = $<HTMLDialogElement>('#share');
const viewTitle = (s: AppState) =>
  s.data
    ? describeView(s.filters, s.data.minerals, (c) => s.data?.countries.get(c)?.name ?? c, s.scenario)
    : '';
const panel = mountPanel($('#panel'), store, {
  onAbout() {
    renderAbout(aboutDialog, store.getState().data);
    aboutDialog.showModal();
  },
  onShare() {
    void import('./ui/share').then((m) =>
      m.openShareDialog(shareDialog, store.getState(), viewTitle(store.getState())),
    );
  },
  onPng(ratio) {
    void exportPng(ratio);
  },
  onCsv() {
    void import('./ui/export').then((m) => m.downloadCsv(store.getState()));
  },
  onGeoJson() {
    void import('./ui/export').then((m) => m.downloadGeoJson(store.getState()));
  },
});

/** PNG of the map exactly as shown, at 1x, 2x or 3x, with title, legend and attribution drawn in. */
async function exportPng(ratio: number): Promise<void> {
  if (!map) {
    actions.notify(
      store,
      'warning',
      'There is no map image to export: the map could not start in this browser.',
    );
    return;
  }
  try {
    const mod = await import('./ui/export');
    const images = await map.capture(ratio);
    const s = store.getState();
    const canvas = mod.composePng(s, images, ratio);
    mod.download(`${fileStem(s.filters, s.scenario)}@${ratio}x.png`, await mod.pngBlob(canvas));
  } catch (error) {
    actions.notify(store, 'error', `The image could not be made: ${(error as Error).message}.`);
  }
}

const embedTitle = $('#embed-title');
const embedBar = $('#embed-bar');

// ---------------------------------------------------------------- map (if WebGL2 is available)
// Declared before the map starts: startMap() runs during module evaluation and resets these.
let lastLayerInputs: unknown[] = [];
let lastLabelKey = '';
let lastLabelInputs: unknown[] = [];
/** Run once, the first time the map reports the view drawn. */
const afterFirstView: (() => void)[] = [];
const arcSets = new ArcSets();
let lanesCache: { arcs: ArcDatum[]; routes: AppState['routes']; lanes: LaneDatum[] } | null = null;
let map: MapHandle | null = null;
let layersReady = false;

function startMap(): void {
  if (map) return;
  map = createMap({
    container: $('#map'),
    view: store.getState().view,
    initialView: { ...INITIAL_VIEW },
    onHover: (info: PickingInfo) =>
      renderTooltip(
        tooltipEl,
        tooltipLines(info.object, info.layer?.id, store.getState().data),
        info.x,
        info.y,
      ),
    onClick: (info: PickingInfo) => {
      if (!info.object) return;
      const id = info.layer?.id ?? '';
      if (id === 'sites') actions.select(store, { type: 'site', id: (info.object as SiteInstance).site.id });
      else if (id.startsWith('flow-lanes'))
        actions.select(store, { type: 'flow', id: (info.object as LaneDatum).arc.flow.id });
      else if (id.startsWith('flows'))
        actions.select(store, { type: 'flow', id: (info.object as ArcDatum).flow.id });
    },
    onViewChange: (view) => actions.setView(store, view),
    onReady: (ready) => {
      html.dataset.mapReady = String(ready && layersReady && selectViewReady(store.getState()));
      if (html.dataset.mapReady === 'true') for (const fn of afterFirstView.splice(0)) fn();
    },
    onError: (message) => console.error(`Map error: ${message}`),
    onBasemapError: (error) => fileFailed(error, 'basemap'),
  });
  map.loadBasemap(DATA_PATHS.basemap);
  lastLayerInputs = [];
  lastLabelInputs = [];
  lastLabelKey = '';
  updateLayers(store.getState());
}

const embedded = new URLSearchParams(location.search).get('embed') === '1';
if (embedded) html.classList.add('embed');
function noWebGl(): void {
  html.dataset.mapError = 'webgl';
  actions.notify(
    store,
    'error',
    'This browser could not start WebGL2, so the map itself cannot be drawn. Filters, counts, details and the sources list still work. Try a current Chrome, Firefox, Edge or Safari with hardware acceleration on.',
  );
}

/** Start the map, or say why it cannot be drawn: MapLibre throws when it gets no WebGL2 context. */
function tryStartMap(): void {
  try {
    startMap();
  } catch (error) {
    map = null;
    console.warn('The map could not start:', error);
    noWebGl();
  }
}

if (!hasWebGl2()) {
  noWebGl();
} else if (embedded && window.self !== window.top && 'IntersectionObserver' in window) {
  // Pages with several embeds hit the browser's WebGL-context limit: start only when scrolled into view.
  html.dataset.mapDeferred = 'true';
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      io.disconnect();
      delete html.dataset.mapDeferred;
      tryStartMap();
    }
  });
  io.observe($('#map'));
} else {
  tryStartMap();
}

// ---------------------------------------------------------------- rendering from state
/** Sea-lane data for the year's flows: stable while the year and the routes stay the same. */
function yearLanes(arcs: ArcDatum[], routes: AppState['routes']): LaneDatum[] | null {
  if (!routes) return null;
  if (lanesCache && lanesCache.arcs === arcs && lanesCache.routes === routes) return lanesCache.lanes;
  const lanes: LaneDatum[] = [];
  for (const arc of arcs) {
    const path = routes.get(`${arc.flow.exporter}>${arc.flow.importer}`)?.path;
    if (path) lanes.push({ arc, path });
  }
  lanesCache = { arcs, routes, lanes };
  return lanes;
}

function updateLayers(s: AppState): void {
  if (!map || !s.data) return;
  // A scenario (e.g. from a link) is part of the view: not ready until its chunk has loaded and dimmed the flows.
  const viewReady = selectViewReady(s) && !(s.scenario && !scenarioModule);
  // Views are drawn complete (sites, labels and flows together): while the data of a view loads (the first view,
  // another year, the sea routes) the map keeps its last picture and says it is not ready. No frame is spent on a
  // partial view, which costs a full redraw on slow GPUs, and playing through the years does not flash empty.
  if (!viewReady) {
    layersReady = false;
    html.dataset.mapReady = 'false';
    lastLayerInputs = [];
    return;
  }
  const table = selectFlowTable(s);
  const drawn = selectDrawnFlows(s);
  const f = s.filters;
  const radii = selectSiteRadii(s);
  const inputs = [
    s.data,
    table,
    drawn,
    s.filters,
    s.routes,
    // New only when the selected site changes the radii.
    radii,
    s.scenario,
    // The scenario chunk changes the layers only when there is a scenario to draw.
    s.scenario ? scenarioModule : null,
  ];
  if (inputs.every((x, i) => x === lastLayerInputs[i])) return;
  lastLayerInputs = inputs;
  const sites = siteLayerData(selectSiteBuffers(s), radii);
  const index = selectFilterIndex(s);
  const flowFilter = flowGpuFilter(keepSpec(f), index, drawn.cutoff);
  const isLost = s.scenario && scenarioModule ? scenarioModule.lostPredicate(s.scenario) : null;
  // Colours change only with a scenario (and once its chunk has arrived), not when the chunk loads without one.
  const scenarioKey = s.scenario
    ? `${JSON.stringify(s.scenario)}:${scenarioModule ? 'ready' : 'pending'}`
    : 'none';
  layersReady = true;
  map.setLayers(
    buildLayers({
      sites,
      siteFilter: siteGpuFilter(f, index),
      flowArcs: arcSets.sets(table, s.data.countries, flowFilter.minerals, flowFilter.minValue, {
        colorBy: f.colorBy,
        widthBy: f.widthBy,
        isLost,
        key: `${f.colorBy}|${f.widthBy}|${scenarioKey}`,
      }),
      lanes: f.flowView === 'sea-lanes' ? yearLanes(selectYearArcs(s), s.routes) : null,
      flowFilter,
      index,
      flowView: f.flowView,
      colorBy: f.colorBy,
      widthBy: f.widthBy,
      isLost,
      scenarioKey,
    }),
  );
}

/**
 * Country names (HTML over the map): the countries trading in the drawn flows, by value, placed without overlaps for
 * the current camera. Runs after the layers, with the panels: only when the drawn flows, the camera or the data change.
 */
function updateLabels(s: AppState): void {
  if (!map || !s.data) return;
  const table = selectFlowTable(s);
  const drawn = selectDrawnFlows(s);
  const inputs = [s.data, table, drawn, s.view, layersReady];
  if (!layersReady || inputs.every((x, i) => x === lastLabelInputs[i])) return;
  lastLabelInputs = inputs;
  const { width, height } = map.size();
  const labels = countryLabels(
    s.data.countries,
    selectFilterIndex(s),
    table,
    drawn,
    s.view.zoom >= LABEL_ALL_ZOOM,
    (lngLat) => map?.project(lngLat) ?? [NaN, NaN],
    width,
    height,
  );
  // Names change only when the placed set does.
  const labelKey = labels.map((l) => l.text).join('|');
  if (lastLabelKey !== labelKey) {
    lastLabelKey = labelKey;
    map.setLabels(labels);
  }
}

function renderDetails(s: AppState): void {
  const sel = s.selection;
  const close = () => actions.select(store, null);
  if (!sel || !s.data) {
    detailsEl.hidden = true;
    return;
  }
  if (sel.type === 'site') {
    const site = s.data.sites.find((x) => x.id === sel.id);
    if (!site) return void (detailsEl.hidden = true);
    renderSiteDetails(detailsEl, site, s.data, close);
  } else {
    const year = s.years[s.filters.year];
    const flow = year?.flows.find((f) => f.id === sel.id);
    if (!flow) return void (detailsEl.hidden = true);
    renderFlowDetails(
      detailsEl,
      flow,
      selectExporterShare(s, flow),
      s.data,
      year,
      s.routes?.get(`${flow.exporter}>${flow.importer}`),
      close,
    );
  }
  detailsEl.hidden = false;
}

// The chart and its data are not needed for the first view: loaded after it, in their own chunk.
let chartModule: typeof import('./ui/chart') | null = null;
async function loadChart(): Promise<void> {
  try {
    const [mod, raw] = await Promise.all([import('./ui/chart'), fetchJson(fetcher, DATA_PATHS.shares)]);
    const shares = parseShares(raw, DATA_PATHS.shares);
    chartModule = mod;
    actions.sharesLoaded(store, await shares);
  } catch (error) {
    fileFailed(error, 'country shares');
  }
}

// Scenarios and allied supply: their own chunk, loaded after the first view.
let scenarioModule: typeof import('./ui/scenario-entry') | null = null;
async function loadScenario(): Promise<void> {
  if (embedded && !store.getState().scenario) return;
  try {
    scenarioModule = await import('./ui/scenario-entry');
  } catch (error) {
    fileFailed(error, 'scenario tools');
    return;
  }
  scenarioModule.mountScenario(
    panel.scenario,
    store,
    (name, csv) =>
      void import('./ui/export').then((m) =>
        m.download(name, new Blob([csv], { type: 'text/csv;charset=utf-8' })),
      ),
  );
  const s = store.getState();
  if (s.yearStatus[s.filters.year] !== 'loading') scenarioModule.renderScenario(panel.scenario, s);
  updateChoropleth(s);
  updateLayers(s);
}

/** The scenario's choropleth: importers filled by the share of their imports lost. */
let lastChoropleth: unknown[] = [];
function updateChoropleth(s: AppState): void {
  // Without a scenario the map keeps its plain fill: nothing to redo when filters change.
  const active = s.scenario && scenarioModule;
  const inputs = active
    ? [s.scenario, s.years, s.filters.minerals, s.filters.year, scenarioModule, map]
    : [map];
  if (!map || inputs.every((x, i) => x === lastChoropleth[i])) return;
  lastChoropleth = inputs;
  map.setChoropleth(s.scenario && scenarioModule ? scenarioModule.lossByImporter(s) : null, LOSS_RAMP);
}

/**
 * User Timing for the benchmark (tests/bench): 'cmm:layers' spans the deck.gl layer update of a state change,
 * 'cmm:panels' the DOM that follows it: country names over the map, panels (counts, legend, filters, chart, details,
 * scenario); 'cmm:year-fetch' and 'cmm:year-parse' split a year's loading. Only the latest of each is kept.
 */
function measure(name: `cmm:${string}`, start: number, end = performance.now()): void {
  performance.clearMeasures(name);
  performance.measure(name, { start, end });
}

function render(s: AppState, prev: AppState | null): void {
  // Layers first: the map follows a change before the panels catch up.
  const t0 = performance.now();
  updateLayers(s);
  const t1 = performance.now();
  measure('cmm:layers', t0);
  updateLabels(s);
  renderPanels(s, prev);
  measure('cmm:panels', t1);
  if (!map && s.status === 'ready') html.dataset.mapReady = 'false';
}

let lastCountInputs: unknown[] = [];
function renderPanels(s: AppState, prev: AppState | null): void {
  if (
    !prev ||
    s.filters !== prev.filters ||
    s.data !== prev.data ||
    s.years !== prev.years ||
    s.scenario !== prev.scenario
  )
    if (embedded && s.data) renderEmbed(embedTitle, embedBar, s, viewTitle(s), location.href);
  loadingEl.hidden = s.status !== 'loading';
  if (!prev || s.notices !== prev.notices) renderNotices(noticeEl, s, store);
  if (!prev || s.data !== prev.data) buildFilters(panel.filters, s);
  if (
    !prev ||
    s.data !== prev.data ||
    s.filters !== prev.filters ||
    s.years !== prev.years ||
    s.playing !== prev.playing
  ) {
    updateFilters(panel.filters, s);
  }
  const countInputs = [selectVisibleSites(s), selectDrawnFlows(s), s.yearStatus, s.routesStatus, s.filters];
  if (countInputs.some((x, i) => x !== lastCountInputs[i])) {
    lastCountInputs = countInputs;
    renderCounts(panel.counts, s);
    renderLegend(panel.legend, s);
  }
  if (
    !prev ||
    s.selection !== prev.selection ||
    s.years !== prev.years ||
    s.data !== prev.data ||
    s.routes !== prev.routes
  ) {
    renderDetails(s);
  }
  // The scenario and the chart work on the year's flows: drawn once they have arrived, not for the loading state.
  const yearLoading = s.yearStatus[s.filters.year] === 'loading';
  if (
    scenarioModule &&
    !yearLoading &&
    (!prev ||
      // The scenario works on all flows of the first mineral and year: other filters do not change it.
      s.filters.minerals[0] !== prev.filters.minerals[0] ||
      s.filters.year !== prev.filters.year ||
      s.scenario !== prev.scenario ||
      s.allies !== prev.allies ||
      s.years !== prev.years ||
      s.shares !== prev.shares ||
      s.data !== prev.data)
  ) {
    scenarioModule.renderScenario(panel.scenario, s);
  }
  updateChoropleth(s);
  if (
    chartModule &&
    !yearLoading &&
    (!prev || s.filters !== prev.filters || s.shares !== prev.shares || s.years !== prev.years)
  ) {
    chartModule.renderChart(panel.chart, s);
  }
}
store.subscribe((s, prev) => render(s, prev));
render(store.getState(), null);

// ---------------------------------------------------------------- loading
let playTimer: ReturnType<typeof setInterval> | undefined;
store.subscribe((s, prev) => {
  if (s.filters.year !== prev.filters.year) void loadYear(s.filters.year);
  if (s.filters.flowView === 'sea-lanes' || (s.selection?.type === 'flow' && s.selection !== prev.selection))
    void loadRoutes();
  if (s.playing !== prev.playing) {
    clearInterval(playTimer);
    if (s.playing) {
      playTimer = setInterval(() => {
        const now = store.getState();
        if (!selectViewReady(now)) return; // wait for the current year to load and draw
        const i = YEARS.indexOf(now.filters.year as (typeof YEARS)[number]);
        const next = YEARS[i + 1];
        if (next === undefined) actions.setPlaying(store, false);
        else actions.setFilters(store, { year: next });
      }, PLAY_STEP_MS);
    }
  }
});

let urlSync: UrlSync | null = null;

/** Apply a link (on start and on back/forward); see url/apply.ts. */
function applyLink(search: string, data?: StaticData): Promise<void> {
  return applyLinkToStore(search, {
    store,
    ...(data ? { data } : {}),
    jumpTo: (view) => map?.jumpTo(view),
    fitToData,
    loadYear,
    quietly: (fn) => (urlSync ? urlSync.suspend(fn) : fn()),
  });
}

/** Fit the camera to what the filters keep: visible sites and the anchors of drawn flows. */
function fitToData(): void {
  const s = store.getState();
  if (!map || !s.data) return;
  const pts: [number, number][] = selectVisibleSites(s).map((x) => x.position);
  for (const f of selectDrawnFlows(s).shown) {
    const a = s.data.countries.get(f.exporter)?.anchor;
    const b = s.data.countries.get(f.importer)?.anchor;
    if (a) pts.push(a);
    if (b) pts.push(b);
  }
  if (pts.length > 0) map.fitTo(pts);
}

async function start(): Promise<void> {
  const firstYear = parseUrl(location.search, new Set()).state.year ?? store.getState().filters.year;
  const data = await loadStatic(firstYear);
  await applyLink(location.search, data);
  urlSync = startUrlSync(store, history, location);
  // The chart and the scenario tools are not part of the first view: fetched once the map has drawn it (or at once
  // without a map, or when the link names a scenario, which is part of its view).
  const later = () => {
    void loadChart();
    void loadScenario();
  };
  if (!map || store.getState().scenario || html.dataset.mapReady === 'true') later();
  else afterFirstView.push(later);
  window.addEventListener('popstate', () => void applyLink(location.search));
  if (!map) return;
  // A failed year still lets the page settle: the readiness flag follows the last drawn frame.
  updateLayers(store.getState());
}

void start();

/** Test and embedding hook: read-only access to what the page shows. */
declare global {
  interface Window {
    __cmm?: { state(): AppState; drawnFlows(): number; deckCanvas(): HTMLCanvasElement | null };
  }
}
window.__cmm = {
  state: () => store.getState(),
  drawnFlows: () => selectDrawnFlows(store.getState()).shownCount,
  deckCanvas: () => map?.getDeckCanvas() ?? null,
};
