// Follow-up work of a change: fetch a newly chosen year or the sea routes, and step through the years while playing.
import { PLAY_STEP_MS, YEARS } from '../config/app';
import { selectViewReady } from '../state/selectors';
import { actions } from '../state/store';
import type { App } from './context';

export function followChanges(app: App): void {
  const { store, loaders } = app;
  let timer: ReturnType<typeof setInterval> | undefined;
  store.subscribe((s, prev) => {
    if (s.filters.year !== prev.filters.year) void loaders.loadYear(s.filters.year);
    if (
      s.filters.flowView === 'sea-lanes' ||
      (s.selection?.type === 'flow' && s.selection !== prev.selection)
    )
      void loaders.loadRoutes();
    if (s.playing === prev.playing) return;
    clearInterval(timer);
    if (!s.playing) return;
    timer = setInterval(() => {
      const now = store.getState();
      if (!selectViewReady(now)) return; // wait for the current year to load and draw
      const next = YEARS[YEARS.indexOf(now.filters.year as (typeof YEARS)[number]) + 1];
      if (next === undefined) actions.setPlaying(store, false);
      else actions.setFilters(store, { year: next });
    }, PLAY_STEP_MS);
  });
}
