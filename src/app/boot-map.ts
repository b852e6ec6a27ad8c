// Starting the map: WebGL2 check, embeds that wait until scrolled into view, and a clear notice when it cannot start.
import type { PickingInfo } from '@deck.gl/core';
import { DATA_PATHS, WORLD_FRAME } from '../config/app';
import type { SiteInstance } from '../derive/filter';
import type { ArcDatum } from '../derive/flows';
import type { LaneDatum } from '../layers/build';
import { t } from '../i18n';
import { createMap, hasWebGl2, workerProblem } from '../map/map';
import type { MapProblem } from '../model/view';
import { actions } from '../state/store';
import { renderTooltip, tooltipLines } from '../ui/chrome';
import { $, type App } from './context';
import type { ProjectMarker } from '../layers/projects';
import type { MapSync } from './map-sync';

/** Select what was clicked on the map: a site, or a flow drawn as an arc or along its sea lane. */
function pick(app: App, info: PickingInfo): void {
  if (!info.object) return;
  const id = info.layer?.id ?? '';
  if (id === 'sites') actions.select(app.store, { type: 'site', id: (info.object as SiteInstance).site.id });
  else if (id === 'projects')
    actions.setProjectsView(app.store, { selected: (info.object as ProjectMarker).id });
  else if (id.startsWith('flow-lanes'))
    actions.select(app.store, { type: 'flow', id: (info.object as LaneDatum).arc.flow.id });
  else if (id.startsWith('flows'))
    actions.select(app.store, { type: 'flow', id: (info.object as ArcDatum).flow.id });
}

/**
 * How much of the map the side panel covers: from the left when it stands beside the map (desktop), from the bottom
 * when it is a sheet across the width (phones). Nothing when it is hidden (embeds).
 */
function panelInsets(map: HTMLElement, panel: HTMLElement | null): { left: number; bottom: number } {
  const r = panel?.getBoundingClientRect();
  if (!r || r.width === 0 || r.height === 0) return { left: 0, bottom: 0 };
  const m = map.getBoundingClientRect();
  return r.width > m.width * 0.6
    ? { left: 0, bottom: m.bottom - r.top }
    : { left: r.right - m.left, bottom: 0 };
}

/** The kind of the last pointer pressed (mouse, pen or touch). */
let lastPointer = 'mouse';
document.addEventListener('pointerdown', (e) => (lastPointer = e.pointerType), {
  capture: true,
  passive: true,
});

function startMap(app: App, sync: MapSync): void {
  if (app.map) return;
  const tooltip = $('#tooltip');
  app.map = createMap({
    container: $('#map'),
    view: app.store.getState().view,
    home: WORLD_FRAME,
    insets: () => panelInsets($('#map'), document.getElementById('panel')),
    // A touch has no hover: a tap selects, and never leaves a tooltip over the controls.
    onHover: (info) =>
      renderTooltip(
        tooltip,
        lastPointer === 'touch'
          ? null
          : tooltipLines(info.object, info.layer?.id, app.store.getState().data, app.store.getState().lang),
        info.x,
        info.y,
      ),
    onClick: (info) => pick(app, info),
    onViewChange: (view) => actions.setView(app.store, view),
    onReady: (ready) => sync.onReady(ready),
    onError: (message) => console.error(`Map error: ${message}`),
    onBasemapError: (error) => app.loaders.fileFailed(error, 'basemap'),
  });
  app.map.loadBasemap(DATA_PATHS.basemap);
  sync.redraw();
}

/**
 * The map cannot be drawn: `webgl` (no WebGL2 context) or `start` (any other failure while starting it, such as a
 * policy blocking its worker). The page says which (data-map-error, a notice); panels, counts and sources still work.
 */
function mapFailed(app: App, problem: MapProblem, error?: unknown): void {
  app.html.dataset.mapError = problem;
  actions.mapFailed(app.store, problem);
  const m = t(app.store.getState().lang).notices;
  const message = error instanceof Error ? error.message : String(error);
  actions.notify(
    app.store,
    'error',
    problem === 'webgl'
      ? m.noWebGl(m.mapRest)
      : m.mapFailed(shortMessage(message, m.unknownError), m.mapRest),
  );
}

/** An error message as a notice may show it: one line, at most 160 characters (`unknown` when empty). */
function shortMessage(message: string, unknown: string): string {
  const line = message.replace(/\s+/g, ' ').trim() || unknown;
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/**
 * Start the map, or say why it cannot be drawn. MapLibre throws "Failed to initialize WebGL" when it gets no context;
 * anything else (a Trusted Types policy blocking its worker, for example) is reported as what it is.
 */
function tryStartMap(app: App, sync: MapSync): void {
  const problem = workerProblem();
  if (problem) return mapFailed(app, 'start', new Error(problem));
  try {
    startMap(app, sync);
  } catch (error) {
    app.map = null;
    console.warn('The map could not start:', error);
    mapFailed(app, error instanceof Error && /webgl/i.test(error.message) ? 'webgl' : 'start', error);
  }
}

/** Start the map now, or (an embed in an iframe) when it scrolls into view, or report that WebGL2 is missing. */
export function bootMap(app: App, sync: MapSync): void {
  if (!hasWebGl2()) {
    mapFailed(app, 'webgl');
  } else if (app.embedded && window.self !== window.top && 'IntersectionObserver' in window) {
    // Pages with several embeds hit the browser's WebGL-context limit: start only when scrolled into view.
    app.html.dataset.mapDeferred = 'true';
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        delete app.html.dataset.mapDeferred;
        tryStartMap(app, sync);
      }
    });
    io.observe($('#map'));
  } else {
    tryStartMap(app, sync);
  }
}
