// Store -> address bar sync: replaceState (debounced) as the user works, pushState for actions worth a Back step.
import type { AppState, AppStore } from '../state/store';
import { serializeUrl } from './codec';
import { urlStateFromApp } from './state';

export interface HistoryLike {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}
export interface LocationLike {
  pathname: string;
  search: string;
  hash: string;
}

/**
 * Which changes deserve their own Back step: what the user would call "another view" (a different mineral, year,
 * focus country, product, scenario, risk mode or drawing mode, opening the details of a site or flow, selecting a measure,
 * opening the projects layer or a project). Camera moves and
 * fine-tuning (kinds, statuses, reasons, minimum value, colour and width) only replace the current entry.
 */
export function historyKey(s: AppState): string {
  const f = s.filters;
  return JSON.stringify([
    f.minerals,
    f.product,
    s.playing ? null : f.year,
    f.focus,
    f.role,
    f.risk,
    f.flowView,
    s.scenario,
    s.selection,
    s.measure,
    s.projectsView.open,
    s.projectsView.selected,
  ]);
}

export interface UrlSync {
  /** Stop writing while a popstate or a link is being applied, then resume from the applied state. */
  suspend<T>(fn: () => T): T;
  dispose(): void;
}

export function startUrlSync(
  store: AppStore,
  history: HistoryLike,
  location: LocationLike,
  debounceMs = 250,
): UrlSync {
  let suspended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = historyKey(store.getState());
  let lastQuery = '';
  const url = (query: string) => `${location.pathname}?${query}${location.hash}`;
  const write = (s: AppState) => {
    if (s.status !== 'ready' || suspended) return;
    const query = serializeUrl(urlStateFromApp(s));
    const key = historyKey(s);
    if (key !== lastKey) {
      clearTimeout(timer);
      lastKey = key;
      lastQuery = query;
      history.pushState(null, '', url(query));
      return;
    }
    if (query === lastQuery) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      lastQuery = query;
      history.replaceState(null, '', url(query));
    }, debounceMs);
  };
  const unsubscribe = store.subscribe((s) => write(s));
  return {
    suspend(fn) {
      suspended = true;
      clearTimeout(timer);
      try {
        return fn();
      } finally {
        suspended = false;
        const s = store.getState();
        lastKey = historyKey(s);
        lastQuery = serializeUrl(urlStateFromApp(s));
      }
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
