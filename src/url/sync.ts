// Store -> address bar sync (debounced): pushState for actions worth a Back step, replaceState for fine-tuning.
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
  /** Write a pending change now (the page is being hidden or left). */
  flush(): void;
  dispose(): void;
}

/**
 * Writes wait until the store has been quiet for `debounceMs`: a burst of changes (keys held down, a slider dragged,
 * several boxes ticked in a row) becomes one history entry, and a change's own handler and frame never pay for the
 * browser's history update (a round trip to the browser process that takes milliseconds on a busy machine). The
 * pending write is made at once when the page is hidden or left (`flush`).
 */
export function startUrlSync(
  store: AppStore,
  history: HistoryLike,
  location: LocationLike,
  debounceMs = 250,
): UrlSync {
  let suspended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let lastKey = historyKey(store.getState());
  let lastQuery = '';
  const url = (query: string) => `${location.pathname}?${query}${location.hash}`;
  const write = () => {
    clearTimeout(timer);
    pending = false;
    const s = store.getState();
    if (s.status !== 'ready' || suspended) return;
    const query = serializeUrl(urlStateFromApp(s));
    const key = historyKey(s);
    if (key !== lastKey) {
      lastKey = key;
      lastQuery = query;
      history.pushState(null, '', url(query));
    } else if (query !== lastQuery) {
      lastQuery = query;
      history.replaceState(null, '', url(query));
    }
  };
  // A change while suspended is the applied link's: never written (suspend resets the baseline instead).
  const unsubscribe = store.subscribe(() => {
    if (suspended) return;
    clearTimeout(timer);
    pending = true;
    timer = setTimeout(write, debounceMs);
  });
  return {
    suspend(fn) {
      suspended = true;
      clearTimeout(timer);
      pending = false;
      try {
        return fn();
      } finally {
        suspended = false;
        const s = store.getState();
        lastKey = historyKey(s);
        lastQuery = serializeUrl(urlStateFromApp(s));
      }
    },
    flush() {
      if (pending) write();
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
