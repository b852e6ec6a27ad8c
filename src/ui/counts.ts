// The counts line: sites and flows drawn, and how many small flows the legibility cut hides (with "Show all").
import { MAX_DRAWN_FLOWS } from '../config/app';
import { CHINA_ISO3 } from '../config/china';
import { formatCount, formatMoney, formatPercent, t, type Lang } from '../i18n';
import type { Flow } from '../model/types';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { el } from './dom';
import { morphChildren } from './morph';

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
  const lang = s.lang;
  const m = t(lang).counts;
  const sites = selectVisibleSites(s).length;
  const drawn = selectDrawnFlows(s);
  const loading =
    s.yearStatus[s.filters.year] === 'loading' ||
    (s.filters.flowView === 'sea-lanes' && s.routesStatus === 'loading');
  morphChildren(
    root,
    el(
      'p',
      {},
      el('strong', { 'data-testid': 'count-sites' }, String(sites)),
      m.sites,
      el('strong', { 'data-testid': 'count-flows' }, String(drawn.shownCount)),
      s.mapProblem ? m.keptNoMap : `${m.drawn}${loading ? m.loading : ''}`,
    ),
    // The map in words, for screen readers and anyone who wants the figure (the section is a polite live region).
    el('p', { class: 'muted view-summary', 'data-testid': 'view-summary' }, viewSummary(drawn.shown, lang)),
    drawn.hiddenCount > 0
      ? el(
          'p',
          { class: 'hidden-note', 'data-testid': 'hidden-flows' },
          drawn.capped
            ? m.hiddenCapped(
                formatCount(lang, drawn.hiddenCount),
                formatMoney(lang, drawn.hiddenValue),
                formatCount(lang, MAX_DRAWN_FLOWS),
              )
            : m.hiddenCut(String(drawn.hiddenCount), formatMoney(lang, drawn.hiddenValue)),
          drawn.capped ? null : toggle(m.showAll),
        )
      : s.filters.showAllFlows
        ? el('p', { class: 'hidden-note' }, m.allDrawn, toggle(m.showLargest))
        : null,
  );
}

/** "198 flows drawn, worth $4.96 B; 62% of that value from China (with Hong Kong and Macau)." */
export function viewSummary(flows: readonly Flow[], lang: Lang = 'en'): string {
  const m = t(lang).counts;
  if (flows.length === 0) return m.noFlows;
  let total = 0;
  let china = 0;
  for (const f of flows) {
    total += f.valueUsd;
    if (CHINA_ISO3.has(f.exporter)) china += f.valueUsd;
  }
  return m.summary(
    flows.length,
    formatCount(lang, flows.length),
    formatMoney(lang, total),
    formatPercent(lang, total > 0 ? china / total : 0),
  );
}
