// The supply-shock panel (lazy chunk): choose a shock, read what each importer loses, sort and download the results.
import { more } from '../i18n/more';
import { LOSS_RAMP } from '../config/ramps';
import { formatMoney, formatPercent, mineralName, type Messages } from '../i18n';
import { countryLabels, langAttr, type LocalText } from '../i18n/countries';
import { rampCss } from '../derive/ramp';
import { productOf } from '../derive/products';
import {
  DEFAULT_RESULT_SORT,
  nextSort,
  sortResults,
  type ResultSort,
  type ResultSortKey,
} from '../derive/scenario-table';
import type { ImporterResult } from '../derive/scenario';
import type { ScenarioId } from '../model/scenario';
import { controlsText } from '../state/measures';
import { stockpileControls, tonnesText } from './stockpile-panel';
import {
  scenarioCsv,
  selectScenarioFlows,
  selectScenarioHasUserFlows,
  selectScenarioProductNotes,
  selectScenarioResults,
  selectStockpileNeeds,
} from '../state/scenario';
import { lostImportsOf, monthsCovered, type StockpileNeed } from '../derive/stockpile';
import { MAX_STOCKPILE_MONTHS } from '../model/projects-view';
import { actions, type AppState, type AppStore } from '../state/store';
import { el } from './dom';
import { morphChildren } from './morph';
import { dataTable } from './table';

/** The shocks in the select, in the language. */
const scenarios = (msg: Messages['scenario']): { id: ScenarioId | ''; label: string }[] => [
  { id: '', label: msg.none },
  { id: 'china-stop', label: msg.chinaStop },
  { id: 'route-block', label: msg.routeBlock },
  { id: 'custom', label: msg.custom },
  { id: 'controls', label: msg.controls },
];

export interface ScenarioPanel {
  render(s: AppState): void;
}

/** Mount the panel into `root`; `onCsv` saves the results file. The table's sort is the panel's own state. */
export function mountScenarioPanel(
  root: HTMLElement,
  store: AppStore,
  onCsv: (name: string, csv: string) => void,
): ScenarioPanel {
  let sort: ResultSort = DEFAULT_RESULT_SORT;
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    const s = store.getState();
    if (t.name === 'scenario') {
      const id = t.value as ScenarioId | '';
      actions.setScenario(
        store,
        id === '' ? null : { id, exporters: id === 'custom' ? (s.scenario?.exporters ?? []) : [] },
      );
    } else if (t.name === 'stock-months' || t.name === 'stock-tonnes') {
      const n = Number(t.value);
      if (!Number.isFinite(n) || n < 0) return;
      actions.setStockpile(
        store,
        t.name === 'stock-months' ? { months: Math.min(n, MAX_STOCKPILE_MONTHS) } : { tonnes: n },
      );
    } else if (t.name === 'stop-exporter') {
      const checked = [...root.querySelectorAll<HTMLInputElement>('input[name=stop-exporter]:checked')].map(
        (i) => i.value,
      );
      actions.setScenario(store, { id: 'custom', exporters: checked });
    }
  });
  root.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const key = target.closest<HTMLElement>('[data-sort]')?.dataset.sort as ResultSortKey | undefined;
    if (key) {
      sort = nextSort(sort, key);
      render(store.getState());
    } else if (target.dataset.action === 'scenario-csv') {
      const file = scenarioCsv(store.getState(), sort);
      if (file) onCsv(file.name, file.csv);
    }
  });
  const render = (s: AppState) => renderScenario(root, s, sort);
  return { render };
}

/** Exporter check boxes for the custom shock: the twelve largest exporters and any already chosen. */
function exporterChoices(s: AppState, label: (c: string) => LocalText): HTMLElement {
  const byExporter = new Map<string, number>();
  for (const f of selectScenarioFlows(s))
    byExporter.set(f.exporter, (byExporter.get(f.exporter) ?? 0) + f.valueUsd);
  const top = [...byExporter]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([c]) => c);
  const chosen = s.scenario?.exporters ?? [];
  return el(
    'fieldset',
    { class: 'grid' },
    el('legend', {}, more(s.lang).scenario.exportersStop),
    ...[...new Set([...top, ...chosen])].map((c) => {
      const input = el('input', {
        type: 'checkbox',
        name: 'stop-exporter',
        value: c,
        'data-testid': `stop-${c}`,
      });
      input.checked = chosen.includes(c);
      const name = label(c);
      return el('label', {}, input, el('span', { lang: langAttr(s.lang, name) }, name.text));
    }),
  );
}

function resultsTable(
  rows: ImporterResult[],
  sort: ResultSort,
  names: (c: string) => string,
  stock: ReadonlyMap<string, StockpileNeed>,
  s: AppState,
): HTMLElement {
  const { months, tonnes: held } = s.stockpile;
  const lang = s.lang;
  const msg = more(lang).scenario;
  const tonnesOf = (x: number | null) => tonnesText(lang, x);
  /** How long the tested stockpile lasts for this importer alone (empty without one, or where tonnes are unknown). */
  const lasts = (r: ImporterResult): string => {
    if (held <= 0) return '';
    const m = monthsCovered(lostImportsOf(r), held);
    return m === null ? msg.lastsUnknown : m === Infinity ? '' : msg.lasts(tonnesOf(held), m.toFixed(1));
  };
  const tonnesTitle = (x: number | null) => (x === null ? msg.tonnesUnknown : tonnesOf(x));
  return dataTable<ImporterResult>({
    attrs: { class: 'results', 'data-testid': 'scenario-table' },
    sort,
    rows,
    rowAttrs: (r) => ({
      'data-testid': 'scenario-row',
      'data-country': r.importer,
      'data-loss-share': r.lossShare.toFixed(6),
    }),
    columns: [
      { label: msg.importer, sortKey: 'country', rowHeader: true, cell: (r) => names(r.importer) },
      {
        label: msg.before,
        sortKey: 'before',
        cell: (r) => formatMoney(lang, r.beforeUsd),
        title: (r) => tonnesTitle(r.beforeTonnes),
      },
      {
        label: msg.after,
        sortKey: 'after',
        cell: (r) => formatMoney(lang, r.afterUsd),
        title: (r) => tonnesTitle(r.afterTonnes),
      },
      { label: msg.lostCol, sortKey: 'loss', cell: (r) => formatPercent(lang, r.lossShare) },
      {
        label: msg.stockpileCol(months),
        cell: (r) => {
          const need = stock.get(r.importer);
          if (!need) return '';
          const exact = need.tonnes !== null;
          return el(
            'span',
            {
              'data-testid': 'stockpile',
              'data-country': r.importer,
              // Exact tonnes, or (data-tonnes-bound="at-least") those of the lost flows that have a quantity.
              'data-tonnes': (need.tonnes ?? need.tonnesAtLeast).toFixed(3),
              'data-tonnes-bound': exact ? 'exact' : 'at-least',
              'data-usd': need.usd.toFixed(2),
            },
            exact
              ? `${tonnesOf(need.tonnes)} · ${formatMoney(lang, need.usd)}${lasts(r)}`
              : `≥ ${tonnesOf(need.tonnesAtLeast)} · ${formatMoney(lang, need.usd)}${lasts(r)}`,
          );
        },
        title: (r) => {
          const need = stock.get(r.importer);
          return need && need.tonnes === null
            ? msg.atLeastTitle(formatPercent(lang, need.unquantifiedShare))
            : '';
        },
      },
      {
        label: msg.topRemaining,
        cell: (r) =>
          r.topRemaining
            .map((x) => `${names(x.exporter)} ${formatPercent(lang, x.share)}`)
            .join(lang === 'en' ? ', ' : '、') || msg.noneLeft,
      },
    ],
  });
}

/** Are all the scenario's flows one reporter's imports (no world trade among them)? */
function partialOnly(s: AppState): boolean {
  const flows = selectScenarioFlows(s);
  const minerals = s.data?.minerals ?? [];
  return (
    flows.length > 0 && flows.every((f) => productOf(minerals, f.mineral, f.hs)?.reportedBy !== undefined)
  );
}

function renderScenario(root: HTMLElement, s: AppState, sort: ResultSort): void {
  if (!s.data) return;
  const lang = s.lang;
  const msg = more(lang).scenario;
  const label = countryLabels(lang, s.data.countries);
  const names = (c: string) => label(c).text;
  const mineral = s.data.minerals.find((m) => m.id === s.filters.minerals[0]);
  const select = el(
    'select',
    { name: 'scenario', 'data-testid': 'scenario-select', 'aria-label': msg.label },
    ...scenarios(msg).map((x) => el('option', { value: x.id }, x.label)),
  );
  select.value = s.scenario?.id ?? '';
  const parts: (Node | null)[] = [
    el('h2', {}, msg.title),
    el(
      'p',
      { class: 'muted' },
      msg.intro(mineral ? mineralName(lang, mineral.id, mineral.name) : '', s.filters.year),
    ),
    ...selectScenarioProductNotes(s).map((note) =>
      el('p', { class: 'muted', 'data-testid': 'scenario-products' }, note),
    ),
    selectScenarioHasUserFlows(s)
      ? el(
          'p',
          { class: 'user-note', 'data-testid': 'scenario-user-note' },
          more(lang).userData.combinedScenario,
        )
      : null,
    select,
  ];
  if (s.scenario?.id === 'custom') parts.push(exporterChoices(s, label));
  if (s.scenario?.id === 'controls')
    parts.push(
      el(
        'p',
        { class: 'muted', 'data-testid': 'scenario-controls-note' },
        msg.controlsNote(controlsText(s.filters.controls, s.measures?.asOf ?? null, lang)),
      ),
    );
  if (s.scenario) {
    const results = sortResults(selectScenarioResults(s), sort, names);
    const lost = results.reduce((x, r) => x + r.lostUsd, 0);
    const total = results.reduce((x, r) => x + r.beforeUsd, 0);
    parts.push(
      el(
        'p',
        {},
        msg.lost(
          partialOnly(s) ? msg.lostPartial : msg.lostWorld,
          formatMoney(lang, lost),
          formatMoney(lang, total),
          formatPercent(lang, total > 0 ? lost / total : 0),
        ),
      ),
      el(
        'div',
        { class: 'loss-legend' },
        el('span', {}, msg.legend),
        el('span', { class: 'ramp', '--ramp': rampCss(LOSS_RAMP) }),
        el('span', {}, '100%'),
      ),
      el('button', { type: 'button', 'data-action': 'scenario-csv', 'data-testid': 'scenario-csv' }, msg.csv),
      stockpileControls(s, names),
      el('div', { class: 'table-wrap' }, resultsTable(results, sort, names, selectStockpileNeeds(s), s)),
      el('p', { class: 'muted' }, msg.footer),
    );
  }
  morphChildren(root, ...parts);
}
