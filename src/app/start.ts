// Start-up and links: load the first view, apply the link (and later back/forward), start the address-bar sync.
import { parseUrl } from '../url/codec';
import { applyLink as applyLinkToStore } from '../url/apply';
import { startUrlSync, type UrlSync } from '../url/sync';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import type { StaticData } from '../state/store';
import type { App } from './context';
import { revealLinked } from './reveal';

/** Fit the camera to what the filters keep: visible sites and the anchors of drawn flows. */
function fitToData(app: App): void {
  const s = app.store.getState();
  if (!app.map || !s.data) return;
  const pts: [number, number][] = selectVisibleSites(s).map((x) => x.position);
  for (const f of selectDrawnFlows(s).shown) {
    const a = s.data.countries.get(f.exporter)?.anchor;
    const b = s.data.countries.get(f.importer)?.anchor;
    if (a) pts.push(a);
    if (b) pts.push(b);
  }
  if (pts.length > 0) app.map.fitTo(pts);
}

/**
 * Load the first view's data with the link applied in the same update, then the parts that are not part of the first
 * view (`later`): once the map has drawn it, at once without a map, or at once when the link names a scenario.
 */
export async function start(app: App, later: () => void, recheck: () => void): Promise<void> {
  const { store } = app;
  let urlSync: UrlSync | null = null;
  const applyLink = (search: string, data?: StaticData) =>
    applyLinkToStore(search, {
      store,
      ...(data ? { data } : {}),
      jumpTo: (view) => app.map?.jumpTo(view),
      fitToData: () => fitToData(app),
      frameWorld: () => app.map?.frameWorld(),
      loadYear: app.loaders.loadYear,
      quietly: (fn) => (urlSync ? urlSync.suspend(fn) : fn()),
    });
  const firstYear = parseUrl(location.search, new Set()).state.year ?? store.getState().filters.year;
  const data = await app.loaders.loadStatic(firstYear);
  await applyLink(location.search, data);
  revealLinked(parseUrl(location.search, new Set()).state);
  // An embed's address is the host page's: it is never rewritten and gets no history entries of its own (a click in
  // an embed must not make the reader's Back button step the map), and a reload shows the embed as published.
  if (!app.embedded) {
    const sync = startUrlSync(store, history, location);
    // A reload, a bookmark or a closed tab right after a change still gets its address.
    addEventListener('pagehide', () => sync.flush());
    document.addEventListener('visibilitychange', () => sync.flush());
    urlSync = sync;
  }
  if (!app.map || store.getState().scenario || app.html.dataset.mapReady === 'true') later();
  else app.afterFirstView.push(later);
  window.addEventListener('popstate', () => void applyLink(location.search));
  // A failed year still lets the page settle: the readiness flag follows the last drawn frame.
  if (app.map) recheck();
}
