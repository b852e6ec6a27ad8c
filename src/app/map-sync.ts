// Store -> map: deck.gl layers, country names, sea lanes and the scenario choropleth, each when its inputs change.
import { LABEL_ALL_ZOOM } from '../config/app';
import { LOSS_RAMP } from '../config/ramps';
import { flowGpuFilter, siteGpuFilter } from '../derive/filter';
import type { ArcDatum } from '../derive/flows';
import { countryLabels } from '../derive/labels';
import { ArcSets } from '../layers/arc-sets';
import { buildLayers, siteLayerData, type LaneDatum, type LayerInput } from '../layers/build';
import type { WidthBy } from '../model/filters';
import type { RouteInfo } from '../model/view';
import {
  keepSpec,
  selectDrawnFlows,
  selectFilterIndex,
  selectFlowTable,
  selectSiteBuffers,
  selectSiteRadii,
  selectViewReady,
  selectYearArcs,
} from '../state/selectors';
import type { AppState } from '../state/store';
import { selectControllingCountries, selectMeasureHighlight, selectNeedsMeasures } from '../state/measures';
import type { Flow } from '../model/types';
import { selectProjectMarkers } from '../state/projects';
import { selectUserDrawn } from '../state/user-data';
import type { App } from './context';
import { watch } from './watch';

export interface MapSync {
  /** The map reports whether the basemap is idle and deck.gl drew the current layers. */
  onReady(ready: boolean): void;
  /** Draw everything once more (the map has just started). */
  redraw(): void;
  /** Re-check the layers and the choropleth after a change outside the store (the scenario chunk arrived). */
  check(): void;
}

/** Sea-lane data for the year's flows: stable while the year and the routes stay the same. */
function laneCache() {
  let cache: { arcs: ArcDatum[]; routes: Map<string, RouteInfo>; lanes: LaneDatum[] } | null = null;
  return (arcs: ArcDatum[], routes: Map<string, RouteInfo> | null): LaneDatum[] | null => {
    if (!routes) return null;
    if (cache && cache.arcs === arcs && cache.routes === routes) return cache.lanes;
    const lanes: LaneDatum[] = [];
    for (const arc of arcs) {
      const path = routes.get(`${arc.flow.exporter}>${arc.flow.importer}`)?.path;
      if (path) lanes.push({ arc, path });
    }
    cache = { arcs, routes, lanes };
    return lanes;
  };
}

const NO_COUNTRIES: string[] = [];

/** Flows drawn grey: lost in the scenario, or (with a measure selected) not covered by it; null when none is. */
function greyed(
  lost: ((f: Flow) => boolean) | null,
  covered: ((f: Flow) => boolean) | null,
): ((f: Flow) => boolean) | null {
  if (!covered) return lost;
  return lost ? (f) => lost(f) || !covered(f) : (f) => !covered(f);
}

const userLayerInput = (drawn: ReturnType<typeof selectUserDrawn>, widthBy: WidthBy): LayerInput['user'] =>
  drawn ? { ...drawn, widthBy } : null;

/** `layersDone` runs right after the layer update of each change (the benchmark's 'cmm:layers' span). */
export function syncMap(app: App, layersDone: () => void): MapSync {
  const { store, html } = app;
  const arcSets = new ArcSets();
  const yearLanes = laneCache();
  let layersReady = false;
  const lanesInput = (data: LaneDatum[] | null): LayerInput['lanes'] =>
    data && app.chunks.lanes ? { data, layer: app.chunks.lanes.laneLayer } : null;
  /**
   * A scenario or a selection (e.g. from a link) is part of the view: not ready until the scenario chunk has dimmed
   * the flows and the details panel is there to show the selection.
   */
  const viewReady = (s: AppState) =>
    selectViewReady(s) &&
    !(s.scenario && !app.chunks.scenario) &&
    !(s.selection && !app.chunks.details) &&
    // Sea lanes wait for their layer's chunk too (unless the routes failed: then the arcs are drawn).
    !(s.filters.flowView === 'sea-lanes' && s.routesStatus !== 'error' && !app.chunks.lanes) &&
    // Export controls in view (outlines, a measure's highlight) wait for the measure table (or its failure).
    !(selectNeedsMeasures(s) && (s.measuresStatus === 'idle' || s.measuresStatus === 'loading')) &&
    // The projects layer (from a link) waits for the projects file and its panel.
    !(s.projectsView.open && (s.projectsStatus === 'idle' || s.projectsStatus === 'loading'));

  const layers = watch(
    store,
    (s) =>
      [
        viewReady(s),
        s.data,
        selectFlowTable(s),
        selectDrawnFlows(s),
        s.filters,
        s.routes,
        // New only when the selected site changes the radii.
        selectSiteRadii(s),
        s.scenario,
        selectMeasureHighlight(s),
        selectProjectMarkers(s),
        selectUserDrawn(s),
        // The scenario chunk changes the layers only when there is a scenario to draw.
        s.scenario ? app.chunks.scenario : null,
        s.selection ? app.chunks.details : null,
        s.filters.flowView === 'sea-lanes' ? app.chunks.lanes : null,
        app.map,
      ] as const,
    ([ready], s) => {
      const map = app.map;
      if (!map || !s.data) return;
      // Views are drawn complete (sites, labels and flows together): while the data of a view loads (the first view,
      // another year, the sea routes) the map keeps its last picture and says it is not ready. No frame is spent on a
      // partial view, which costs a full redraw on slow GPUs, and playing through the years does not flash empty.
      if (!ready) {
        layersReady = false;
        html.dataset.mapReady = 'false';
        return;
      }
      const f = s.filters;
      const table = selectFlowTable(s);
      const index = selectFilterIndex(s);
      const flowFilter = flowGpuFilter(keepSpec(f), index, selectDrawnFlows(s).cutoff);
      const chunk = app.chunks.scenario;
      const spec = s.scenario && chunk ? chunk.selectScenarioSpec(s) : null;
      const lost = spec && chunk ? chunk.lostPredicate(spec) : null;
      // A selected measure highlights the flows it covers: the others are drawn grey, like a scenario's lost flows.
      const covered = selectMeasureHighlight(s);
      const isLost = greyed(lost, covered);
      // Colours change only with a scenario (and once its chunk has arrived), not when the chunk loads without one.
      const scenarioKey =
        (s.scenario ? `${JSON.stringify(spec ?? s.scenario)}:${chunk ? 'ready' : 'pending'}` : 'none') +
        (covered ? `|measure:${s.measure ?? ''}` : '');
      layersReady = true;
      map.setLayers(
        buildLayers({
          sites: siteLayerData(selectSiteBuffers(s), selectSiteRadii(s)),
          siteFilter: siteGpuFilter(f, index),
          flowArcs: arcSets.sets(table, s.data.countries, flowFilter.minerals, flowFilter.minValue, {
            colorBy: f.colorBy,
            widthBy: f.widthBy,
            isLost,
            key: `${f.colorBy}|${f.widthBy}|${scenarioKey}`,
          }),
          lanes: lanesInput(f.flowView === 'sea-lanes' ? yearLanes(selectYearArcs(s), s.routes) : null),
          flowFilter,
          index,
          flowView: f.flowView,
          colorBy: f.colorBy,
          widthBy: f.widthBy,
          isLost,
          scenarioKey,
          projects: selectProjectMarkers(s),
          user: userLayerInput(selectUserDrawn(s), f.widthBy),
        }),
      );
    },
  );

  store.subscribe(layersDone);

  /**
   * Country names (HTML over the map): the countries trading in the drawn flows, by value, placed without overlaps for
   * the current camera; only when the drawn flows, the camera or the data change. Names change only when the placed
   * set does.
   */
  let labelKey = '';
  const labels = watch(
    store,
    (s) => [s.data, selectFlowTable(s), selectDrawnFlows(s), s.view, layersReady, app.map] as const,
    ([data, table, drawn, view], s) => {
      const map = app.map;
      if (!map || !data || !layersReady) return;
      const { width, height } = map.size();
      const placed = countryLabels(
        data.countries,
        selectFilterIndex(s),
        table,
        drawn,
        view.zoom >= LABEL_ALL_ZOOM,
        (lngLat) => map.project(lngLat),
        width,
        height,
      );
      const key = placed.map((l) => l.text).join('|');
      if (key !== labelKey) {
        labelKey = key;
        map.setLabels(placed);
      }
    },
  );

  /** The scenario's choropleth: importers filled by the share of their imports lost (plain fill without one). */
  const choropleth = watch(
    store,
    (s) => {
      const chunk = s.scenario ? app.chunks.scenario : null;
      return [chunk ? chunk.selectLossByImporter(s) : null, app.map] as const;
    },
    ([values, map]) => map?.setChoropleth(values, LOSS_RAMP),
  );

  /** Countries with an export-control measure in force (for the selected minerals, in the reading) are outlined. */
  const outlines = watch(
    store,
    (s) => [selectNeedsMeasures(s) ? selectControllingCountries(s) : NO_COUNTRIES, app.map] as const,
    ([countries, map]) => map?.setOutlines(countries),
  );

  // Without a map the readiness flag stays false once the data is there (tests and embeds wait on it).
  watch(
    store,
    (s) => [s.status, app.map] as const,
    ([status, map]) => {
      if (!map && status === 'ready') html.dataset.mapReady = 'false';
    },
  );

  // Ready means the whole page shows the view: the map has drawn it and the panels queued after it have followed.
  let mapDrawn = false;
  const settle = () => {
    html.dataset.mapReady = String(
      mapDrawn && layersReady && viewReady(store.getState()) && !app.afterFrame.pending(),
    );
    if (html.dataset.mapReady === 'true') for (const fn of app.afterFirstView.splice(0)) fn();
  };
  // A change whose panels are still to come is not a settled page.
  app.afterFrame.onQueued(() => {
    if (html.dataset.mapReady === 'true') html.dataset.mapReady = 'false';
  });
  app.afterFrame.onSettled(() => {
    if (mapDrawn) settle();
  });

  return {
    onReady(ready) {
      mapDrawn = ready;
      settle();
    },
    redraw() {
      labelKey = '';
      layers.force();
      labels.force();
      choropleth.force();
      outlines.force();
    },
    check() {
      layers.check();
      labels.check();
      choropleth.check();
      outlines.check();
    },
  };
}
