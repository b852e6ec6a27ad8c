// The filter form: built once per data load and language, updated in place from the filters (keeps focus), changes to the store.
import { KIND_COLORS, YEARS } from '../config/app';
import { rgbCss } from '../derive/ramp';
import { countryLabel, langAttr } from '../i18n/countries';
import { formatMoney, LOCALES, kindLabel, mineralName, reasonLabel, statusLabel, t } from '../i18n';
import { RISK_MODES, RISK_REASONS, type RiskMode } from '../model/filters';
import { SITE_KINDS, SITE_STATUSES } from '../model/types';
import { productNotes } from '../derive/products';
import { countryNameIn } from '../state/selectors';
import { selectFacets } from '../state/facets';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, setChildren } from './dom';
import { FIELD_BY_NAME, fieldHas } from './filter-fields';
import { checkbox, productFieldset, radio } from './filter-options';

const MIN_VALUES = [0, 1e5, 1e6, 1e7, 1e8];
const RISK_KEYS: Record<RiskMode, 'riskAll' | 'riskChina' | 'riskNoChina'> = {
  all: 'riskAll',
  china: 'riskChina',
  'no-china': 'riskNoChina',
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

/** Build the filter form for the loaded data (once per data load). */
export function buildFilters(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const lang = s.lang;
  const m = t(lang).filters;
  const countries = [...s.data.countries.values()]
    .map((c) => ({ iso3: c.iso3, name: countryLabel(s.lang, c) }))
    .sort((a, b) => a.name.text.localeCompare(b.name.text, LOCALES[s.lang]));
  // Rebuilt for another language: the folded sections stay as the reader left them.
  const open = [...root.querySelectorAll('details')].map((d) => d.open);
  setChildren(
    root,
    el(
      'div',
      { class: 'filter-head' },
      el('h2', {}, m.title),
      el(
        'button',
        { type: 'button', class: 'link', 'data-action': 'reset', 'data-testid': 'reset-filters' },
        m.reset,
      ),
    ),
    el(
      'fieldset',
      { class: 'minerals' },
      el('legend', {}, m.minerals),
      ...s.data.minerals.map((x) => checkbox('mineral', x.id, mineralName(lang, x.id, x.name), x.color)),
    ),
    productFieldset(s.data.minerals, lang),
    el(
      'div',
      { class: 'year-row' },
      el('label', { for: 'year-slider' }, m.year, el('strong', { 'data-testid': 'year-label' })),
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
          'aria-label': m.play,
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
      el('legend', {}, m.risk),
      ...RISK_MODES.map((value) => radio('risk', value, m[RISK_KEYS[value]])),
      el(
        'div',
        { class: 'reasons' },
        ...RISK_REASONS.map((r) => checkbox('reason', r, reasonLabel(lang, r))),
      ),
      el(
        'label',
        { class: 'controls-reading' },
        m.controlled,
        el(
          'select',
          {
            name: 'controls',
            'data-testid': 'controls-reading',
            'aria-label': m.controlsLabel,
          },
          el('option', { value: 'today' }, m.controlsToday),
          el('option', { value: 'flow-year' }, m.controlsFlowYear),
        ),
      ),
    ),
    el(
      'fieldset',
      { class: 'focus' },
      el('legend', {}, m.focus),
      el(
        'select',
        { name: 'focus', 'data-testid': 'focus-select', 'aria-label': m.focusCountry },
        el('option', { value: '' }, m.allCountries),
        // CLDR names in Japanese; a country without one keeps its English name, marked so.
        ...countries.map((c) => el('option', { value: c.iso3, lang: langAttr(lang, c.name) }, c.name.text)),
      ),
      el(
        'select',
        { name: 'role', 'data-testid': 'role-select', 'aria-label': m.focusRole },
        el('option', { value: 'either' }, m.roleEither),
        el('option', { value: 'exporter' }, m.roleExporter),
        el('option', { value: 'importer' }, m.roleImporter),
      ),
    ),
    el(
      'label',
      { class: 'min-value' },
      m.smallest,
      el(
        'select',
        { name: 'min', 'data-testid': 'min-select' },
        ...MIN_VALUES.map((v) =>
          el('option', { value: String(v) }, v === 0 ? m.anyValue : m.orMore(formatMoney(lang, v))),
        ),
      ),
    ),
    el(
      'details',
      {},
      el('summary', {}, m.kindsAndStatuses),
      el(
        'fieldset',
        { class: 'grid kinds' },
        el('legend', {}, m.kinds),
        ...SITE_KINDS.map((k) => checkbox('kind', k, kindLabel(lang, k), rgbCss(KIND_COLORS[k]))),
      ),
      el(
        'fieldset',
        { class: 'grid statuses' },
        el('legend', {}, m.statuses),
        ...SITE_STATUSES.map((st) => checkbox('status', st, statusLabel(lang, st))),
      ),
    ),
    el(
      'details',
      {},
      el('summary', {}, m.display),
      el(
        'fieldset',
        {},
        el('legend', {}, m.arcColour),
        radio('colorBy', 'exporter-share', m.colourExporter),
        radio('colorBy', 'importer-dependence', m.colourImporter),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, m.arcWidth),
        radio('widthBy', 'usd', m.widthUsd),
        radio('widthBy', 'tonnes', m.widthTonnes),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, m.drawFlows),
        radio('flowView', 'arcs', m.asArcs),
        radio('flowView', 'sea-lanes', m.seaLanes),
      ),
    ),
  );
  root.querySelectorAll('details').forEach((d, i) => (d.open = open[i] ?? false));
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
  const m = t(s.lang).filters;
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
    setAttr(play, 'aria-label', s.playing ? m.pause : m.play);
  }
  const yearData = s.years[f.year];
  const complete = yearData ? f.minerals.every((m) => yearData.complete[m] !== false) : null;
  const lang = s.lang;
  const notes = productNotes(f, s.data.minerals, countryNameIn(s), t(lang).products, (id, english) =>
    mineralName(lang, id, english),
  );
  const head = complete === null ? '' : complete ? m.complete(String(f.year)) : m.partial(String(f.year));
  const coverage = root.querySelector<HTMLElement>('[data-testid="year-coverage"]');
  const key = JSON.stringify([s.lang, head, notes]);
  if (coverage && coverage.dataset.key !== key) {
    coverage.dataset.key = key;
    setChildren(coverage, head, ...notes.map((n, i) => el('span', {}, `${head || i ? ' ' : ''}${n}`)));
  }
  const products = root.querySelector<HTMLElement>('fieldset.products');
  if (products) products.hidden = notes.length === 0;
  const role = root.querySelector<HTMLSelectElement>('select[name=role]');
  if (role) role.disabled = f.focus === null;
  root.querySelector<HTMLElement>('.reasons')?.classList.toggle('muted', f.risk === 'all');
}
