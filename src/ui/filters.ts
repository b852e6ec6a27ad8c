// The filter form: built once per data load, updated in place from the filters (keeps focus), changes to the store.
import { KIND_COLORS, KIND_LABELS, YEARS } from '../config/app';
import { formatUsd } from '../derive/format';
import { rgbCss } from '../derive/ramp';
import { RISK_TEXT } from '../derive/risk-codes';
import { RISK_REASONS, type RiskMode } from '../model/filters';
import { SITE_KINDS, SITE_STATUSES, type Mineral } from '../model/types';
import { mineralGroups, productNotes } from '../derive/products';
import type { ProductGroup } from '../model/products';
import { countryName } from '../state/selectors';
import { selectFacets } from '../state/facets';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, setChildren } from './dom';
import { FIELD_BY_NAME, fieldHas } from './filter-fields';

const MIN_VALUES = [0, 1e5, 1e6, 1e7, 1e8];
const PRODUCT_LABELS: Record<ProductGroup, string> = {
  magnets: 'Magnets',
  compounds: 'Compounds, oxides',
  metals: 'Metals',
};
const RISK_LABELS: Record<RiskMode, string> = {
  all: 'All routes',
  china: 'Only China-exposed',
  'no-china': 'Avoid China',
};

/** Form changes become store changes: one handler for every field of the table in filter-fields.ts. */
export function bindFilters(root: HTMLElement, store: AppStore): void {
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    const field = FIELD_BY_NAME.get(t.name);
    if (!field) return;
    const values = field.multi
      ? [...root.querySelectorAll<HTMLInputElement>(`input[name=${field.name}]:checked`)].map((i) => i.value)
      : [t.value];
    const patch = field.set(values);
    if (patch) actions.setFilters(store, patch);
    else updateFilters(root, store.getState()); // refused (e.g. the last mineral): show the filters as they are
  });
  root.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name !== 'year') return;
    actions.setPlaying(store, false);
    actions.setFilters(store, { year: YEARS[Number(t.value)] ?? YEARS[YEARS.length - 1] ?? 2024 });
  });
  root.addEventListener('click', (e) => {
    const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'play') {
      const s = store.getState();
      if (!s.playing && s.filters.year === YEARS[YEARS.length - 1])
        actions.setFilters(store, { year: YEARS[0] });
      actions.setPlaying(store, !s.playing);
    } else if (action === 'reset') actions.resetFilters(store);
  });
}

function option(type: 'checkbox' | 'radio', name: string, value: string, label: string, swatch?: string) {
  return el(
    'label',
    { 'data-option': `${name}:${value}` },
    el('input', { type, name, value, 'data-testid': `${name}-${value}` }),
    swatch ? el('span', { class: 'swatch', '--swatch': swatch }) : null,
    el('span', { class: 'option-label' }, label),
    el('span', { class: 'facet' }),
  );
}
const checkbox = (name: string, value: string, label: string, swatch?: string) =>
  option('checkbox', name, value, label, swatch);
const radio = (name: string, value: string, label: string) => option('radio', name, value, label);

/**
 * The product choice for minerals whose trade has several product groups (rare earths): each group with its HS
 * codes and whether its rows are one reporter's imports only; shown while such a mineral is selected.
 */
function productFieldset(minerals: readonly Mineral[]): HTMLElement | null {
  const withGroups = minerals.filter((m) => mineralGroups(m).length > 1);
  if (withGroups.length === 0) return null;
  const products = withGroups.flatMap((m) => m.products);
  const option = (g: ProductGroup) => {
    const ps = products.filter((p) => p.group === g);
    const reporters = [...new Set(ps.flatMap((p) => (p.reportedBy ? [p.reportedBy] : [])))];
    const o = radio(
      'product',
      g,
      `${PRODUCT_LABELS[g]} · ${reporters.length > 0 ? `${reporters.join(', ')} imports only` : 'all reporters'}`,
    );
    o.title = ps.map((p) => `HS ${p.hs}: ${p.name}`).join('\n');
    return o;
  };
  const groups = [...new Set(withGroups.flatMap(mineralGroups))];
  return el(
    'fieldset',
    { class: 'products', 'data-testid': 'product-filter' },
    el('legend', {}, `${withGroups.map((m) => m.name).join(', ')}: product (flows kept)`),
    ...groups.map(option),
    radio('product', 'all', 'All products (mixes coverage)'),
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
    productFieldset(s.data.minerals),
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
        // Ticks at the years an export-control measure took effect (filled by the export-controls panel).
        list: 'year-measures',
      }),
      el('datalist', { id: 'year-measures' }),
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
    // Filled by the export-controls panel once the measures arrive: which years the slider's ticks mark, and why.
    el('p', { class: 'muted year-marks', 'data-testid': 'year-marks' }),
    el('p', { class: 'muted coverage', 'data-testid': 'year-coverage' }),
    el(
      'fieldset',
      { class: 'risk' },
      el('legend', {}, 'Route risk: China'),
      ...Object.entries(RISK_LABELS).map(([value, label]) => radio('risk', value, label)),
      el(
        'div',
        { class: 'reasons' },
        ...RISK_REASONS.map((r) => checkbox('reason', r, RISK_TEXT[r].split(':')[0] ?? r)),
      ),
      el(
        'label',
        { class: 'controls-reading' },
        'Controlled: measures ',
        el(
          'select',
          {
            name: 'controls',
            'data-testid': 'controls-reading',
            'aria-label': 'Which export controls count',
          },
          el('option', { value: 'today' }, 'in force today'),
          el('option', { value: 'flow-year' }, "in force in the flow's year"),
        ),
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
  // While the year's flows load, the counts stay as they were (not zeros for a moment).
  const facets = s.yearStatus[f.year] === 'loading' ? null : selectFacets(s);
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')) {
    const field = FIELD_BY_NAME.get(input.name);
    if (!field) continue;
    const checked = fieldHas(field, f, input.value);
    if (input.checked !== checked) input.checked = checked;
    if (facets && field.facet)
      setText(input.parentElement?.querySelector('.facet') ?? null, field.facet(facets, input.value));
  }
  for (const select of root.querySelectorAll<HTMLSelectElement>('select')) {
    const field = FIELD_BY_NAME.get(select.name);
    const value = field?.get(f);
    if (typeof value === 'string' && select.value !== value) select.value = value;
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
  const yearData = s.years[f.year];
  const complete = yearData ? f.minerals.every((m) => yearData.complete[m] !== false) : null;
  const notes = productNotes(f, s.data.minerals, countryName(s));
  setText(
    root.querySelector('[data-testid="year-coverage"]'),
    [
      complete === null
        ? ''
        : complete
          ? `${f.year}: complete bilateral trade rows.`
          : `${f.year}: top partners per country only (not complete).`,
      ...notes,
    ]
      .filter(Boolean)
      .join(' '),
  );
  const products = root.querySelector<HTMLElement>('fieldset.products');
  if (products) products.hidden = notes.length === 0;
  const role = root.querySelector<HTMLSelectElement>('select[name=role]');
  if (role) role.disabled = f.focus === null;
  root.querySelector<HTMLElement>('.reasons')?.classList.toggle('muted', f.risk === 'all');
}
