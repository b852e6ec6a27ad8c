// The export-controls panel (lazy chunk): measures on the selected minerals, newest first; a selected measure's details.
import { more } from '../i18n/more';
import { YEARS } from '../config/app';
import { measureStatus, measureYear } from '../derive/controls';
import { formatMoney, mineralName, t, type Lang } from '../i18n';
import { countryLabels } from '../i18n/countries';
import { seriesFor } from '../derive/monthly';
import type { Measure } from '../model/measures';
import { inForceInView, selectMeasure, selectMeasureCoverage, selectMeasureList } from '../state/measures';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, safeLink } from './dom';
import { morphChildren } from './morph';
import { monthlyChart } from './monthly-chart';

/** Text of the data (titles, notes, sources) stays English: marked so inside a page in another language. */
const dataText = (lang: Lang, text: string): Node | string =>
  lang === 'en' ? text : el('span', { lang: 'en' }, text);

/** A data date in the language (English: as written, "2025-04-04"; Japanese: "2025年4月4日"); null stays null. */
const dateOf = (lang: Lang, d: string | null): string | null =>
  d === null ? null : t(lang).controls.date(d);

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
  const msg = more(s.lang).measures;
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
      el('span', { class: 'date' }, dateOf(s.lang, m.inForce ?? m.announced) ?? msg.dateUnknown),
      el('strong', {}, `${names(m.country)}: ${msg.forms[m.form]}`),
      el('span', { class: 'scope', lang: s.lang === 'en' ? undefined : 'en' }, m.announcementNo),
      el('span', { class: 'status' }, msg.today(msg.statuses[status])),
    ),
  );
}

/**
 * The year slider's ticks (a datalist: the browser draws them on the track) at the years in which a listed measure took
 * effect (or was announced), and a line saying which measures they are and how many come after the trade data.
 */
function yearMarks(list: Measure[], lang: Lang): void {
  const msg = more(lang).measures;
  const ticks = document.querySelector<HTMLDataListElement>('#year-measures');
  const note = document.querySelector<HTMLElement>('[data-testid="year-marks"]');
  if (!ticks || !note) return;
  const years = YEARS.filter((y) => list.some((m) => measureYear(m) === y));
  morphChildren(
    ticks,
    ...years.map((y) => el('option', { value: String(YEARS.indexOf(y)), label: String(y) })),
  );
  const lastYear = YEARS[YEARS.length - 1] ?? 0;
  const later = list.filter((m) => (measureYear(m) ?? 0) > lastYear).length;
  note.textContent =
    years.length > 0 || later > 0
      ? msg.yearMarks(years.join(', '), later > 0 ? msg.yearMarksLater(later, lastYear) : '')
      : '';
}

function details(m: Measure, s: AppState, names: (c: string) => string): HTMLElement {
  const lang = s.lang;
  const msg = more(lang).measures;
  const file = s.measures;
  const asOf = file?.asOf ?? '';
  const cover = selectMeasureCoverage(s, m);
  const series = file ? seriesFor(m, file.monthly) : null;
  const dates: [string, string | null][] = [
    [msg.announced, m.announced],
    [msg.inForce, m.inForce],
    [msg.suspended, m.suspended],
    [msg.suspendedUntil, m.suspendedUntil],
    [msg.ended, m.lifted],
  ];
  const hsNames = file?.hs ?? {};
  const dataLang = lang === 'en' ? undefined : 'en';
  return el(
    'div',
    { class: 'measure-details', 'data-testid': 'measure-details', 'data-id': m.id },
    el(
      'div',
      { class: 'details-head' },
      el('h3', {}, `${names(m.country)}: `, dataText(lang, m.announcementNo)),
      el('button', { type: 'button', 'data-action': 'close-measure', 'aria-label': msg.close }, '×'),
    ),
    el('p', {}, `${msg.forms[m.form]} · `, dataText(lang, m.issuer)),
    el(
      'p',
      {},
      msg.statusOn(t(lang).controls.date(asOf), msg.statuses[measureStatus(m, asOf)]),
      msg.inYear(s.filters.year, inForceInView(m, 'flow-year', s.filters.year, asOf)),
    ),
    el(
      'dl',
      { class: 'dates' },
      ...dates
        .filter(([, d]) => d !== null)
        .flatMap(([k, d]) => [el('dt', {}, k), el('dd', {}, d === null ? '' : t(lang).controls.date(d))]),
    ),
    el('p', {}, el('strong', {}, msg.covers), dataText(lang, m.materials)),
    el(
      'p',
      {},
      el('strong', {}, msg.destinations),
      m.destinations === null ? msg.everyDestination : m.destinations.map(names).join(', '),
    ),
    m.hs.length > 0
      ? el(
          'ul',
          { class: 'hs-list' },
          ...m.hs.map((c) => {
            const desc = hsNames[c];
            return el('li', {}, msg.hs(c), desc === undefined ? msg.hsMissing : dataText(lang, desc));
          }),
        )
      : el('p', { class: 'muted' }, msg.noHs),
    m.hsMapping ? el('p', { class: 'muted' }, msg.hsMapping, dataText(lang, m.hsMapping)) : null,
    el(
      'p',
      { 'data-testid': 'measure-coverage' },
      cover.flows > 0
        ? msg.coverage(s.filters.year, cover.flows, formatMoney(lang, cover.usd))
        : msg.noCoverage(s.filters.year),
    ),
    series ? monthlyChart(series, m, lang) : el('p', { class: 'muted' }, msg.noMonthly),
    el('h4', {}, msg.sources),
    el(
      'ul',
      { class: 'sources' },
      ...m.sources.map((x) =>
        el('li', { lang: dataLang }, safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`)),
      ),
    ),
    el(
      'details',
      { class: 'muted' },
      el('summary', {}, msg.checkedSummary),
      el('p', {}, msg.checked, dataText(lang, m.checked)),
      m.notes ? el('p', {}, msg.notes, dataText(lang, m.notes)) : null,
    ),
  );
}

function renderMeasures(root: HTMLElement, s: AppState): void {
  if (!s.data || !s.measures) return;
  const lang = s.lang;
  const msg = more(lang).measures;
  const label = countryLabels(lang, s.data.countries);
  const names = (c: string) => label(c).text;
  const list = selectMeasureList(s);
  yearMarks(list, lang);
  const selected = selectMeasure(s);
  const minerals = s.filters.minerals.map((id) => {
    const mineral = s.data?.minerals.find((m) => m.id === id);
    return mineral ? mineralName(lang, id, mineral.name) : id;
  });
  morphChildren(
    root,
    el('h2', {}, msg.title),
    el(
      'p',
      { class: 'muted' },
      msg.intro(
        list.length,
        minerals.join(lang === 'en' ? ', ' : '・'),
        s.filters.controls === 'today'
          ? msg.whenToday(t(lang).controls.date(s.measures.asOf))
          : msg.whenYear(s.filters.year),
      ),
    ),
    selected ? details(selected, s, names) : null,
    el('ol', { class: 'measure-list' }, ...list.map((m) => row(m, s, names))),
  );
}
