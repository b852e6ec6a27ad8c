// The side panel: filters with live counts per option, reset, display switches, counts and the legend.
import { rampCss, rgbCss } from '../derive/ramp';
import { SHARE_RAMP } from '../config/ramps';
import { RISK_REASONS, type RiskReason, type Filters } from '../model/filters';
import {
  KIND_COLORS,
  KIND_LABELS,
  WIDTH_MAX_PX,
  WIDTH_REF_TONNES,
  WIDTH_REF_USD,
  YEARS,
} from '../config/app';
import { formatUsd } from '../derive/format';
import { widthPx, widthPxTonnes } from '../derive/flows';
import { RISK_TEXT } from '../derive/risk-codes';
import { SITE_KINDS, SITE_STATUSES, type SiteKind, type SiteStatus } from '../model/types';
import { selectFacets } from '../state/facets';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, setChildren } from './dom';

export interface PanelRefs {
  filters: HTMLElement;
  counts: HTMLElement;
  legend: HTMLElement;
  chart: HTMLElement;
  scenario: HTMLElement;
}

const MIN_VALUES = [0, 1e5, 1e6, 1e7, 1e8];
const RISK_MODES: { value: Filters['risk']; label: string }[] = [
  { value: 'all', label: 'All routes' },
  { value: 'china', label: 'Only China-exposed' },
  { value: 'no-china', label: 'Avoid China' },
];

export interface PanelHandlers {
  onAbout(): void;
  onShare(): void;
  onPng(ratio: number): void;
  onCsv(): void;
  onGeoJson(): void;
}

export function mountPanel(root: HTMLElement, store: AppStore, handlers: PanelHandlers): PanelRefs {
  const filters = el('section', { 'data-testid': 'filter-panel', class: 'filters', 'aria-label': 'Filters' });
  const counts = el('section', { class: 'counts', 'aria-live': 'polite' });
  const legend = el('section', { 'data-testid': 'legend', class: 'legend', 'aria-label': 'Legend' });
  const chart = el('section', {
    class: 'chart',
    'data-testid': 'share-chart',
    'aria-label': 'Country shares',
  });
  const scenario = el('section', {
    class: 'scenario',
    'data-testid': 'scenario-panel',
    'aria-label': 'Scenarios and allied supply',
  });
  const about = el(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'about-button' },
    'About the data and sources',
  );
  about.addEventListener('click', () => handlers.onAbout());
  const ratio = el(
    'select',
    { 'data-testid': 'png-ratio', 'aria-label': 'Image resolution' },
    el('option', { value: '1' }, '1×'),
    el('option', { value: '2' }, '2×'),
    el('option', { value: '3' }, '3×'),
  );
  const button = (testid: string, label: string, title: string, onClick: () => void) => {
    const b = el('button', { type: 'button', 'data-testid': testid, title }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const toolbar = el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Share and export' },
    button('share-button', 'Share', 'Copy a link or an embed snippet for this view', () =>
      handlers.onShare(),
    ),
    el(
      'span',
      { class: 'png-group' },
      button('export-png', 'PNG', 'Download the map as shown, as a PNG image', () =>
        handlers.onPng(Number(ratio.value)),
      ),
      ratio,
    ),
    button('download-csv', 'CSV', 'Download the visible sites and flows as CSV', () => handlers.onCsv()),
    button('download-geojson', 'GeoJSON', 'Download the visible sites and flows as GeoJSON', () =>
      handlers.onGeoJson(),
    ),
  );
  root.append(
    el(
      'header',
      {},
      el('h1', {}, 'Critical Minerals Map'),
      el('p', { class: 'subtitle' }, 'Where critical minerals are mined, processed and traded'),
    ),
    toolbar,
    counts,
    filters,
    legend,
    chart,
    scenario,
    about,
  );
  const listOf = (name: string) =>
    [...filters.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value);
  filters.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    const set = (patch: Partial<Filters>) => actions.setFilters(store, patch);
    switch (t.name) {
      case 'mineral': {
        const checked = listOf('mineral');
        if (checked.length === 0)
          (t as HTMLInputElement).checked = true; // keep at least one mineral
        else set({ minerals: checked });
        break;
      }
      case 'kind':
        set({ kinds: listOf('kind') as SiteKind[] });
        break;
      case 'status':
        set({ statuses: listOf('status') as SiteStatus[] });
        break;
      case 'reason':
        set({ reasons: listOf('reason') as RiskReason[] });
        break;
      case 'risk':
        set({ risk: t.value as Filters['risk'] });
        break;
      case 'focus':
        set({ focus: t.value === '' ? null : t.value });
        break;
      case 'role':
        set({ role: t.value as Filters['role'] });
        break;
      case 'min':
        set({ minValueUsd: Number(t.value) });
        break;
      case 'colorBy':
        set({ colorBy: t.value as Filters['colorBy'] });
        break;
      case 'widthBy':
        set({ widthBy: t.value as Filters['widthBy'] });
        break;
      case 'flowView':
        set({ flowView: t.value as Filters['flowView'] });
        break;
    }
  });
  filters.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name === 'year') {
      actions.setPlaying(store, false);
      actions.setFilters(store, { year: YEARS[Number(t.value)] ?? YEARS[YEARS.length - 1] ?? 2024 });
    }
  });
  filters.addEventListener('click', (e) => {
    const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'play') {
      const s = store.getState();
      if (!s.playing && s.filters.year === YEARS[YEARS.length - 1])
        actions.setFilters(store, { year: YEARS[0] });
      actions.setPlaying(store, !s.playing);
    } else if (action === 'reset') actions.resetFilters(store);
  });
  counts.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).dataset.action === 'toggle-all-flows') {
      actions.setFilters(store, { showAllFlows: !store.getState().filters.showAllFlows });
    }
  });
  return { filters, counts, legend, chart, scenario };
}

function checkbox(name: string, value: string, label: string, swatch?: string): HTMLElement {
  return el(
    'label',
    { 'data-option': `${name}:${value}` },
    el('input', { type: 'checkbox', name, value, 'data-testid': `${name}-${value}` }),
    swatch ? el('span', { class: 'swatch', style: `background:${swatch}` }) : null,
    el('span', { class: 'option-label' }, label),
    el('span', { class: 'facet' }),
  );
}

function radio(name: string, value: string, label: string): HTMLElement {
  return el(
    'label',
    { 'data-option': `${name}:${value}` },
    el('input', { type: 'radio', name, value, 'data-testid': `${name}-${value}` }),
    el('span', { class: 'option-label' }, label),
    el('span', { class: 'facet' }),
  );
}

/** Build the filter form for the loaded data (once per data load). */
export function buildFilters(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const countries = [...s.data.countries.values()].sort((a, b) => a.name.localeCompare(b.name));
  setChildren(
    root,
    el(
      'div',
      { class: 'filter-head' },
      el('h2', {}, 'Filters'),
      el(
        'button',
        { type: 'button', class: 'link', 'data-action': 'reset', 'data-testid': 'reset-filters' },
        'Reset',
      ),
    ),
    el(
      'fieldset',
      { class: 'minerals' },
      el('legend', {}, 'Minerals (sites · flows kept)'),
      ...s.data.minerals.map((m) => checkbox('mineral', m.id, m.name, m.color)),
    ),
    el(
      'div',
      { class: 'year-row' },
      el('label', { for: 'year-slider' }, 'Year ', el('strong', { 'data-testid': 'year-label' })),
      el('input', {
        type: 'range',
        id: 'year-slider',
        name: 'year',
        min: '0',
        max: String(YEARS.length - 1),
        step: '1',
        'data-testid': 'year-slider',
        'aria-valuetext': '',
      }),
      el(
        'button',
        {
          type: 'button',
          class: 'play',
          'data-action': 'play',
          'data-testid': 'play',
          'aria-label': 'Play years',
        },
        '▶',
      ),
    ),
    el('p', { class: 'muted coverage', 'data-testid': 'year-coverage' }),
    el(
      'fieldset',
      { class: 'risk' },
      el('legend', {}, 'Route risk: China'),
      ...RISK_MODES.map((m) => radio('risk', m.value, m.label)),
      el(
        'div',
        { class: 'reasons' },
        ...RISK_REASONS.map((r) => checkbox('reason', r, RISK_TEXT[r].split(':')[0] ?? r)),
      ),
    ),
    el(
      'fieldset',
      { class: 'focus' },
      el('legend', {}, 'Country focus'),
      el(
        'select',
        { name: 'focus', 'data-testid': 'focus-select', 'aria-label': 'Focus country' },
        el('option', { value: '' }, 'All countries'),
        ...countries.map((c) => el('option', { value: c.iso3 }, c.name)),
      ),
      el(
        'select',
        { name: 'role', 'data-testid': 'role-select', 'aria-label': 'Focus role' },
        el('option', { value: 'either' }, 'as exporter or importer'),
        el('option', { value: 'exporter' }, 'as exporter'),
        el('option', { value: 'importer' }, 'as importer'),
      ),
    ),
    el(
      'label',
      { class: 'min-value' },
      'Smallest flow ',
      el(
        'select',
        { name: 'min', 'data-testid': 'min-select' },
        ...MIN_VALUES.map((v) =>
          el('option', { value: String(v) }, v === 0 ? 'any value' : `${formatUsd(v)} or more`),
        ),
      ),
    ),
    el(
      'details',
      {},
      el('summary', {}, 'Site kinds and statuses'),
      el(
        'fieldset',
        { class: 'grid kinds' },
        el('legend', {}, 'Kinds'),
        ...SITE_KINDS.map((k) => checkbox('kind', k, KIND_LABELS[k], rgbCss(KIND_COLORS[k]))),
      ),
      el(
        'fieldset',
        { class: 'grid statuses' },
        el('legend', {}, 'Statuses'),
        ...SITE_STATUSES.map((st) => checkbox('status', st, st)),
      ),
    ),
    el(
      'details',
      {},
      el('summary', {}, 'Display'),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Arc colour'),
        radio('colorBy', 'exporter-share', "exporter's share of world exports"),
        radio('colorBy', 'importer-dependence', "importer's dependence on the exporter"),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Arc width'),
        radio('widthBy', 'usd', 'value (USD)'),
        radio('widthBy', 'tonnes', 'quantity (tonnes)'),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Draw flows'),
        radio('flowView', 'arcs', 'as arcs'),
        radio('flowView', 'sea-lanes', 'along sea lanes'),
      ),
    ),
  );
}

/** Text and attributes written only when they differ (an equal write still invalidates style and layout). */
function setText(node: Element | null, text: string): void {
  if (node && node.textContent !== text) node.textContent = text;
}
function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Update checked states, values and facet counts in place (keeps focus while the user works). */
export function updateFilters(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const f = s.filters;
  const yearLoading = s.yearStatus[f.year] === 'loading';
  const facets = yearLoading ? null : selectFacets(s);
  const yearData = s.years[f.year];
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')) {
    const v = input.value;
    const checked =
      input.name === 'mineral'
        ? f.minerals.includes(v)
        : input.name === 'kind'
          ? f.kinds.includes(v as SiteKind)
          : input.name === 'status'
            ? f.statuses.includes(v as SiteStatus)
            : input.name === 'reason'
              ? f.reasons.includes(v as RiskReason)
              : input.name === 'risk'
                ? f.risk === v
                : input.name === 'colorBy'
                  ? f.colorBy === v
                  : input.name === 'widthBy'
                    ? f.widthBy === v
                    : input.name === 'flowView'
                      ? f.flowView === v
                      : false;
    if (input.checked !== checked) input.checked = checked;
    // While the year's flows load, the counts stay as they were (not zeros for a moment).
    if (yearLoading) continue;
    const facet = input.parentElement?.querySelector('.facet');
    if (!facet) continue;
    let text = '';
    if (!facets) continue;
    if (input.name === 'mineral') {
      const c = facets.minerals.get(v);
      text = `${c?.sites ?? 0} · ${c?.flows ?? 0}`;
    } else if (input.name === 'kind') text = String(facets.kinds.get(v) ?? 0);
    else if (input.name === 'status') text = String(facets.statuses.get(v) ?? 0);
    else if (input.name === 'reason') text = String(facets.reasons.get(v as RiskReason) ?? 0);
    else if (input.name === 'risk') text = String(facets.risk[v as Filters['risk']]);
    // Unchanged text is left alone: writing it would still replace the text node and invalidate the layout.
    if (facet.textContent !== text) facet.textContent = text;
  }
  const slider = root.querySelector<HTMLInputElement>('input[name=year]');
  const yi = String(YEARS.indexOf(f.year as (typeof YEARS)[number]));
  if (slider && slider.value !== yi) slider.value = yi;
  if (slider) setAttr(slider, 'aria-valuetext', String(f.year));
  setText(root.querySelector('[data-testid="year-label"]'), String(f.year));
  const play = root.querySelector('[data-action="play"]');
  if (play) {
    setText(play, s.playing ? '❚❚' : '▶');
    setAttr(play, 'aria-label', s.playing ? 'Pause' : 'Play years');
  }
  const complete = yearData ? f.minerals.every((m) => yearData.complete[m] !== false) : null;
  setText(
    root.querySelector('[data-testid="year-coverage"]'),
    complete === null
      ? ''
      : complete
        ? `${f.year}: complete bilateral trade rows.`
        : `${f.year}: top partners per country only (not complete).`,
  );
  for (const [name, value] of [
    ['focus', f.focus ?? ''],
    ['role', f.role],
    ['min', String(f.minValueUsd)],
  ] as const) {
    const sel = root.querySelector<HTMLSelectElement>(`select[name=${name}]`);
    if (sel && sel.value !== value) sel.value = value;
  }
  const role = root.querySelector<HTMLSelectElement>('select[name=role]');
  if (role) role.disabled = f.focus === null;
  const reasons = root.querySelector<HTMLElement>('.reasons');
  if (reasons) reasons.classList.toggle('muted', f.risk === 'all');
}

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
      : s.filters.showAllFlows
        ? el(
            'p',
            { class: 'hidden-note' },
            'All flows drawn. ',
            el(
              'button',
              {
                type: 'button',
                class: 'link',
                'data-action': 'toggle-all-flows',
                'data-testid': 'show-all-flows',
              },
              'Show only the largest',
            ),
          )
        : null,
  );
}

export function renderLegend(root: HTMLElement, s: AppState): void {
  const f = s.filters;
  const kindsInView = new Set(selectVisibleSites(s).map((x) => x.kind));
  const gradient = rampCss(SHARE_RAMP);
  const drawn = selectDrawnFlows(s);
  const widthItems =
    f.widthBy === 'usd'
      ? [1e6, 1e8, WIDTH_REF_USD].map(
          (v) =>
            [
              widthPx(v),
              v >= WIDTH_REF_USD ? `${formatUsd(v)} or more (${WIDTH_MAX_PX}px)` : formatUsd(v),
            ] as const,
        )
      : [100, 2000, WIDTH_REF_TONNES].map(
          (t) =>
            [
              widthPxTonnes(t),
              t >= WIDTH_REF_TONNES
                ? `${t.toLocaleString('en-US')} t or more`
                : `${t.toLocaleString('en-US')} t`,
            ] as const,
        );
  const riskText =
    f.risk === 'all'
      ? 'All routes are drawn.'
      : `${f.risk === 'china' ? 'Only flows with' : 'Only flows with none of'}: ${f.reasons.map((r) => RISK_TEXT[r].split(':')[0]).join(', ') || '(no reason selected)'}.`;
  const hiddenKinds = SITE_KINDS.filter((k) => !f.kinds.includes(k)).map((k) => KIND_LABELS[k]);
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
          el('span', { class: 'dot', style: `background:${rgbCss(KIND_COLORS[k])}` }),
          KIND_LABELS[k],
        ),
      ),
    ),
    kindsInView.size === 0 ? el('p', { class: 'muted' }, 'No sites for this filter.') : null,
    hiddenKinds.length > 0 ? el('p', { class: 'muted' }, `Hidden kinds: ${hiddenKinds.join(', ')}.`) : null,
    el(
      'h3',
      { 'data-testid': 'legend-colour-title' },
      f.colorBy === 'exporter-share'
        ? "Arc colour: exporter's share of world exports"
        : "Arc colour: importer's dependence on the exporter",
    ),
    el('div', { class: 'ramp', style: `background:${gradient}`, 'data-testid': 'share-ramp' }),
    el('div', { class: 'ramp-labels' }, el('span', {}, '0%'), el('span', {}, '50%'), el('span', {}, '100%')),
    el(
      'h3',
      {},
      f.widthBy === 'usd'
        ? 'Arc width: trade value (USD)'
        : 'Arc width: quantity (tonnes; unknown = thinnest)',
    ),
    el(
      'ul',
      { class: 'widths' },
      ...widthItems.map(([w, label]) =>
        el('li', {}, el('span', { class: 'bar', style: `height:${w.toFixed(1)}px` }), label),
      ),
    ),
    el('p', { class: 'muted', 'data-testid': 'legend-risk' }, riskText),
    drawn.hiddenCount > 0
      ? el('p', { class: 'muted' }, `Hidden: ${drawn.hiddenCount} small flows (see above).`)
      : null,
    f.flowView === 'sea-lanes'
      ? el(
          'p',
          { class: 'muted' },
          'Flows are drawn along their computed sea lanes; overland and land-locked flows stay arcs.',
        )
      : el('p', { class: 'muted' }, 'Arcs go from exporter (solid end) to importer (faded end).'),
    el('p', { class: 'muted' }, 'China, Hong Kong and Macau are tinted on the map.'),
  );
}
