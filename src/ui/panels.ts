// The side panel: filters, live counts and the legend, rendered from state; user input calls store actions.
import { KIND_COLORS, KIND_LABELS, SHARE_RAMP, WIDTH_MAX_PX, WIDTH_REF_USD, YEARS } from '../config/app';
import { formatUsd } from '../derive/format';
import { widthPx } from '../derive/flows';
import { SITE_KINDS } from '../model/types';
import { selectDrawnFlows, selectFilteredFlows, selectVisibleSites } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, rgb, setChildren } from './dom';

export interface PanelRefs {
  filters: HTMLElement;
  counts: HTMLElement;
  legend: HTMLElement;
}

export function mountPanel(root: HTMLElement, store: AppStore, onAbout: () => void): PanelRefs {
  const filters = el('section', { 'data-testid': 'filter-panel', class: 'filters', 'aria-label': 'Filters' });
  const counts = el('section', { class: 'counts', 'aria-live': 'polite' });
  const legend = el('section', { 'data-testid': 'legend', class: 'legend', 'aria-label': 'Legend' });
  const about = el(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'about-button' },
    'About the data and sources',
  );
  about.addEventListener('click', onAbout);
  root.append(
    el(
      'header',
      {},
      el('h1', {}, 'Critical Minerals Map'),
      el('p', { class: 'subtitle' }, 'Where critical minerals are mined, processed and traded'),
    ),
    filters,
    counts,
    legend,
    about,
  );
  filters.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    if (t.name === 'mineral') {
      const checked = [...filters.querySelectorAll<HTMLInputElement>('input[name=mineral]:checked')].map(
        (i) => i.value,
      );
      if (checked.length === 0) {
        (t as HTMLInputElement).checked = true; // keep at least one mineral
        return;
      }
      actions.setFilters(store, { minerals: checked });
    } else if (t.name === 'year') actions.setFilters(store, { year: Number(t.value) });
  });
  counts.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).dataset.action === 'toggle-all-flows') {
      actions.setFilters(store, { showAllFlows: !store.getState().filters.showAllFlows });
    }
  });
  return { filters, counts, legend };
}

export function renderFilters(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const yearSelect = el(
    'select',
    { name: 'year', id: 'year-select', 'data-testid': 'year-select' },
    ...YEARS.map((y) => el('option', { value: String(y) }, String(y))),
  );
  yearSelect.value = String(s.filters.year);
  setChildren(
    root,
    el('h2', {}, 'Filters'),
    el(
      'fieldset',
      { class: 'minerals' },
      el('legend', {}, 'Minerals'),
      ...s.data.minerals.map((m) => {
        const input = el('input', {
          type: 'checkbox',
          name: 'mineral',
          value: m.id,
          'data-testid': `mineral-${m.id}`,
        });
        input.checked = s.filters.minerals.includes(m.id);
        return el(
          'label',
          {},
          input,
          el('span', { class: 'swatch', style: `background:${m.color}` }),
          m.name,
        );
      }),
    ),
    el('label', { class: 'year', for: 'year-select' }, 'Trade year '),
    yearSelect,
  );
}

export function renderCounts(root: HTMLElement, s: AppState): void {
  const sites = selectVisibleSites(s).length;
  const drawn = selectDrawnFlows(s);
  const loading = s.yearStatus[s.filters.year] === 'loading';
  setChildren(
    root,
    el(
      'p',
      {},
      el('strong', { 'data-testid': 'count-sites' }, String(sites)),
      ' sites · ',
      el('strong', { 'data-testid': 'count-flows' }, String(drawn.shown.length)),
      ` trade flows drawn${loading ? ' (loading…)' : ''}`,
    ),
    drawn.hiddenCount > 0
      ? el(
          'p',
          { class: 'hidden-note' },
          `${drawn.hiddenCount} smaller flows (${formatUsd(drawn.hiddenValue)}, the last 5% of value) are hidden. `,
          el(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-action': 'toggle-all-flows',
              'data-testid': 'show-all-flows',
            },
            'Show all',
          ),
        )
      : s.filters.showAllFlows && selectFilteredFlows(s).length > 0
        ? el(
            'p',
            { class: 'hidden-note' },
            'All flows drawn. ',
            el(
              'button',
              { type: 'button', class: 'link', 'data-action': 'toggle-all-flows' },
              'Show only the largest',
            ),
          )
        : null,
  );
}

export function renderLegend(root: HTMLElement, s: AppState): void {
  const kindsInView = new Set(selectVisibleSites(s).map((x) => x.kind));
  const gradient = `linear-gradient(to right, ${SHARE_RAMP.map(([t, c]) => `${rgb(c)} ${t * 100}%`).join(', ')})`;
  const widths = [1e6, 1e8, WIDTH_REF_USD];
  const drawn = selectDrawnFlows(s);
  setChildren(
    root,
    el('h2', {}, 'Legend'),
    el('h3', {}, 'Sites by kind'),
    el(
      'ul',
      { class: 'kinds' },
      ...SITE_KINDS.filter((k) => kindsInView.has(k)).map((k) =>
        el(
          'li',
          {},
          el('span', { class: 'dot', style: `background:${rgb(KIND_COLORS[k])}` }),
          KIND_LABELS[k],
        ),
      ),
    ),
    kindsInView.size === 0 ? el('p', { class: 'muted' }, 'No sites for this filter.') : null,
    el('h3', {}, "Arc colour: exporter's share of world exports"),
    el('div', { class: 'ramp', style: `background:${gradient}`, 'data-testid': 'share-ramp' }),
    el('div', { class: 'ramp-labels' }, el('span', {}, '0%'), el('span', {}, '50%'), el('span', {}, '100%')),
    el('h3', {}, 'Arc width: trade value (USD)'),
    el(
      'ul',
      { class: 'widths' },
      ...widths.map((v) =>
        el(
          'li',
          {},
          el('span', { class: 'bar', style: `height:${widthPx(v).toFixed(1)}px` }),
          v >= WIDTH_REF_USD ? `${formatUsd(v)} or more (${WIDTH_MAX_PX}px)` : formatUsd(v),
        ),
      ),
    ),
    drawn.hiddenCount > 0
      ? el('p', { class: 'muted' }, `Hidden: ${drawn.hiddenCount} small flows (see above).`)
      : null,
    el(
      'p',
      { class: 'muted' },
      'Arcs go from exporter (solid end) to importer (faded end). China, Hong Kong and Macau are tinted on the map.',
    ),
  );
}
