// The counts line: sites and flows drawn, and how many small flows the legibility cut hides (with "Show all").
import { MAX_DRAWN_FLOWS } from '../config/app';
import { formatUsd } from '../derive/format';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, setChildren } from './dom';

/** "Show all" / "Show only the largest" toggles the legibility cut. */
export function bindCounts(root: HTMLElement, store: AppStore): void {
  root.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).dataset.action === 'toggle-all-flows')
      actions.setFilters(store, { showAllFlows: !store.getState().filters.showAllFlows });
  });
}

/** The button that switches the legibility cut on or off. */
const toggle = (label: string) =>
  el(
    'button',
    { type: 'button', class: 'link', 'data-action': 'toggle-all-flows', 'data-testid': 'show-all-flows' },
    label,
  );

export function renderCounts(root: HTMLElement, s: AppState): void {
  const sites = selectVisibleSites(s).length;
  const drawn = selectDrawnFlows(s);
  const loading =
    s.yearStatus[s.filters.year] === 'loading' ||
    (s.filters.flowView === 'sea-lanes' && s.routesStatus === 'loading');
  setChildren(
    root,
    el(
      'p',
      {},
      el('strong', { 'data-testid': 'count-sites' }, String(sites)),
      ' sites · ',
      el('strong', { 'data-testid': 'count-flows' }, String(drawn.shownCount)),
      s.mapProblem
        ? ' trade flows kept by the filters (the map cannot be drawn in this browser)'
        : ` trade flows drawn${loading ? ' (loading…)' : ''}`,
    ),
    drawn.hiddenCount > 0
      ? el(
          'p',
          { class: 'hidden-note', 'data-testid': 'hidden-flows' },
          drawn.capped
            ? `${drawn.hiddenCount.toLocaleString('en-US')} smaller flows (${formatUsd(drawn.hiddenValue)}) are hidden: at most ${MAX_DRAWN_FLOWS.toLocaleString('en-US')} flows are drawn at once. Narrow the filters to see them.`
            : `${drawn.hiddenCount} smaller flows (${formatUsd(drawn.hiddenValue)}, the last 5% of value) are hidden. `,
          drawn.capped ? null : toggle('Show all'),
        )
      : s.filters.showAllFlows
        ? el('p', { class: 'hidden-note' }, 'All flows drawn. ', toggle('Show only the largest'))
        : null,
  );
}
