// The counts line: sites and flows drawn, and how many small flows the legibility cut hides (with "Show all").
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
      ` trade flows drawn${loading ? ' (loading…)' : ''}`,
    ),
    drawn.hiddenCount > 0
      ? el(
          'p',
          { class: 'hidden-note', 'data-testid': 'hidden-flows' },
          `${drawn.hiddenCount} smaller flows (${formatUsd(drawn.hiddenValue)}, the last 5% of value) are hidden. `,
          toggle('Show all'),
        )
      : s.filters.showAllFlows
        ? el('p', { class: 'hidden-note' }, 'All flows drawn. ', toggle('Show only the largest'))
        : null,
  );
}
