// The export-controls panel (lazy chunk): measures on the selected minerals, newest first; a selected measure's details.
import { YEARS } from '../config/app';
import { measureStatus, measureYear } from '../derive/controls';
import { formatUsd } from '../derive/format';
import { seriesFor } from '../derive/monthly';
import type { ControlForm, Measure, MeasureStatus } from '../model/measures';
import { inForceInView, selectMeasure, selectMeasureCoverage, selectMeasureList } from '../state/measures';
import { countryName } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, safeLink, setChildren } from './dom';
import { monthlyChart } from './monthly-chart';

export const FORM_TEXT: Readonly<Record<ControlForm, string>> = {
  licence: 'Licence required',
  ban: 'Export ban',
  'ban-destinations': 'Ban to named destinations',
  quota: 'Export quota',
  'export-tax': 'Export tax',
  'raw-ore-ban': 'Raw-ore export ban',
  suspension: 'Suspends other measures',
};

const STATUS_TEXT: Readonly<Record<MeasureStatus, string>> = {
  'not-announced': 'not yet announced',
  announced: 'announced, not yet in force',
  'in-force': 'in force',
  suspended: 'suspended',
  lifted: 'ended',
  lapsed: 'suspension ended; whether it applies again is not recorded',
  undated: 'in-force date not known',
};

/** Mount the panel into `root` (the section the first view has); clicks select a measure or close its details. */
export function mountMeasuresPanel(root: HTMLElement, store: AppStore): { render(s: AppState): void } {
  root.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!target) return;
    if (target.dataset.action === 'select-measure') {
      const id = target.dataset.id ?? null;
      actions.selectMeasure(store, store.getState().measure === id ? null : id);
    } else if (target.dataset.action === 'close-measure') actions.selectMeasure(store, null);
  });
  return { render: (s) => renderMeasures(root, s) };
}

function row(m: Measure, s: AppState, names: (c: string) => string): HTMLElement {
  const status = measureStatus(m, s.measures?.asOf ?? '');
  const selected = s.measure === m.id;
  return el(
    'li',
    {
      'data-testid': 'measure',
      'data-id': m.id,
      'data-country': m.country,
      'data-in-force': m.inForce ?? '',
      'data-minerals': m.minerals.join(','),
      'data-status': status,
      class: inForceInView(m, s.filters.controls, s.filters.year, s.measures?.asOf ?? '')
        ? 'in-force'
        : undefined,
    },
    el(
      'button',
      {
        type: 'button',
        class: 'measure-row',
        'data-action': 'select-measure',
        'data-id': m.id,
        'aria-pressed': String(selected),
      },
      el('span', { class: 'date' }, m.inForce ?? m.announced ?? 'date not known'),
      el('strong', {}, `${names(m.country)}: ${FORM_TEXT[m.form]}`),
      el('span', { class: 'scope' }, m.announcementNo),
      el('span', { class: 'status' }, `Today: ${STATUS_TEXT[status]}`),
    ),
  );
}

/**
 * The year slider's ticks (a datalist: the browser draws them on the track) at the years in which a listed measure took
 * effect (or was announced), and a line saying which measures they are and how many come after the trade data.
 */
function yearMarks(list: Measure[]): void {
  const ticks = document.querySelector<HTMLDataListElement>('#year-measures');
  const note = document.querySelector<HTMLElement>('[data-testid="year-marks"]');
  if (!ticks || !note) return;
  const years = YEARS.filter((y) => list.some((m) => measureYear(m) === y));
  setChildren(
    ticks,
    ...years.map((y) => el('option', { value: String(YEARS.indexOf(y)), label: String(y) })),
  );
  const lastYear = YEARS[YEARS.length - 1] ?? 0;
  const later = list.filter((m) => (measureYear(m) ?? 0) > lastYear).length;
  note.textContent =
    years.length > 0 || later > 0
      ? `Export-control measures took effect in ${years.join(', ') || 'none of these years'} (ticks)${later > 0 ? `; ${later} more after ${lastYear}, beyond the trade data` : ''}: see "Export controls" below.`
      : '';
}

function details(m: Measure, s: AppState, names: (c: string) => string): HTMLElement {
  const file = s.measures;
  const asOf = file?.asOf ?? '';
  const cover = selectMeasureCoverage(s, m);
  const series = file ? seriesFor(m, file.monthly) : null;
  const dates: [string, string | null][] = [
    ['Announced', m.announced],
    ['In force', m.inForce],
    ['Suspended', m.suspended],
    ['Suspended until', m.suspendedUntil],
    ['Ended', m.lifted],
  ];
  const hsNames = file?.hs ?? {};
  return el(
    'div',
    { class: 'measure-details', 'data-testid': 'measure-details', 'data-id': m.id },
    el(
      'div',
      { class: 'details-head' },
      el('h3', {}, `${names(m.country)}: ${m.announcementNo}`),
      el(
        'button',
        { type: 'button', 'data-action': 'close-measure', 'aria-label': 'Close measure details' },
        '×',
      ),
    ),
    el('p', {}, `${FORM_TEXT[m.form]} · ${m.issuer}`),
    el(
      'p',
      {},
      `Status on ${asOf} (the day the table was last checked): ${STATUS_TEXT[measureStatus(m, asOf)]}. `,
      `In ${s.filters.year}: ${inForceInView(m, 'flow-year', s.filters.year, asOf) ? 'in force on at least one day' : 'not in force'}.`,
    ),
    el(
      'dl',
      { class: 'dates' },
      ...dates.filter(([, d]) => d !== null).flatMap(([k, d]) => [el('dt', {}, k), el('dd', {}, d ?? '')]),
    ),
    el('p', {}, el('strong', {}, 'Covers: '), m.materials),
    el(
      'p',
      {},
      el('strong', {}, 'Destinations: '),
      m.destinations === null ? 'every destination' : m.destinations.map(names).join(', '),
    ),
    m.hs.length > 0
      ? el(
          'ul',
          { class: 'hs-list' },
          ...m.hs.map((c) => el('li', {}, `HS ${c}: ${hsNames[c] ?? 'description not in the table'}`)),
        )
      : el('p', { class: 'muted' }, 'No HS code applies: this measure covers no traded product on the map.'),
    m.hsMapping ? el('p', { class: 'muted' }, `HS mapping: ${m.hsMapping}`) : null,
    el(
      'p',
      { 'data-testid': 'measure-coverage' },
      cover.flows > 0
        ? `In ${s.filters.year} trade it covers ${cover.flows} flows worth ${formatUsd(cover.usd)} (highlighted on the map; the rest are grey).`
        : `It covers no flow in the ${s.filters.year} trade data.`,
    ),
    series
      ? monthlyChart(series, m)
      : el('p', { class: 'muted' }, 'No monthly export figures for these products.'),
    el('h4', {}, 'Sources'),
    el(
      'ul',
      { class: 'sources' },
      ...m.sources.map((x) => el('li', {}, safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`))),
    ),
    el(
      'details',
      { class: 'muted' },
      el('summary', {}, 'How it was checked, and notes'),
      el('p', {}, `Checked: ${m.checked}`),
      m.notes ? el('p', {}, `Notes: ${m.notes}`) : null,
    ),
  );
}

function renderMeasures(root: HTMLElement, s: AppState): void {
  if (!s.data || !s.measures) return;
  const names = countryName(s);
  const list = selectMeasureList(s);
  yearMarks(list);
  const selected = selectMeasure(s);
  const minerals = s.filters.minerals.map((id) => s.data?.minerals.find((m) => m.id === id)?.name ?? id);
  setChildren(
    root,
    el('h2', {}, 'Export controls'),
    el(
      'p',
      { class: 'muted' },
      `${list.length} measures on ${minerals.join(', ')}, newest first. Countries with one in force ${
        s.filters.controls === 'today' ? `on ${s.measures.asOf}` : `in ${s.filters.year}`
      } are outlined on the map when the "Controlled" reason is on. Select a measure to highlight the flows it covers.`,
    ),
    selected ? details(selected, s, names) : null,
    el('ol', { class: 'measure-list' }, ...list.map((m) => row(m, s, names))),
  );
}
