// Scenario and allied-supply panel (a lazy chunk): shock results per importer, sortable and exportable; partner shares.
import { rampCss } from '../derive/ramp';
import { LOSS_RAMP } from '../config/ramps';
import { type ScenarioState } from '../model/scenario';
import { PARTNER_PRESETS } from '../config/partners';
import { blocShares, partnerSupply } from '../derive/allies';
import { formatShare, formatTonnes, formatUsd } from '../derive/format';
import { resultsToCsv, scenarioResults, type ImporterResult } from '../derive/scenario';
import { fileStem } from '../derive/describe';
import { selectYearFlows } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import type { CountryInfo } from '../model/types';
import { el, setChildren } from './dom';

type SortKey = 'country' | 'before' | 'after' | 'loss';
let sortKey: SortKey = 'loss';
let sortDesc = true;

const SCENARIOS: { id: ScenarioState['id'] | ''; label: string }[] = [
  { id: '', label: 'No shock' },
  { id: 'china-stop', label: 'China (incl. Hong Kong, Macau) stops exporting' },
  { id: 'route-block', label: 'Sea routes flagged transit or South China Sea are blocked' },
  { id: 'custom', label: 'Chosen exporters stop' },
];

/** Flows of the scenario's mineral (the first selected) in the chosen year: all of them, whatever the other filters. */
export function scenarioFlows(s: AppState) {
  const mineral = s.filters.minerals[0];
  return selectYearFlows(s).filter((f) => f.mineral === mineral);
}

export function lossRampCss(): string {
  return rampCss(LOSS_RAMP);
}

function sortRows(rows: ImporterResult[], names: (c: string) => string): ImporterResult[] {
  const key = (r: ImporterResult): number | string =>
    sortKey === 'country'
      ? names(r.importer)
      : sortKey === 'before'
        ? r.beforeUsd
        : sortKey === 'after'
          ? r.afterUsd
          : r.lossShare;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : (x as number) - (y as number);
    return (sortDesc ? -c : c) || a.importer.localeCompare(b.importer);
  });
}

export function mountScenario(
  root: HTMLElement,
  store: AppStore,
  onCsv: (name: string, csv: string) => void,
): void {
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    const s = store.getState();
    if (t.name === 'scenario') {
      const id = t.value as ScenarioState['id'] | '';
      actions.setScenario(
        store,
        id === '' ? null : { id, exporters: id === 'custom' ? (s.scenario?.exporters ?? []) : [] },
      );
    } else if (t.name === 'stop-exporter') {
      const checked = [...root.querySelectorAll<HTMLInputElement>('input[name=stop-exporter]:checked')].map(
        (i) => i.value,
      );
      actions.setScenario(store, { id: 'custom', exporters: checked });
    } else if (t.name === 'allies-preset') {
      const p = PARTNER_PRESETS.find((x) => x.id === t.value);
      if (p) actions.setAllies(store, { preset: p.id, members: [...p.members] });
    } else if (t.name === 'ally-add' && t.value) {
      actions.setAllies(store, {
        preset: null,
        members: [...new Set([...s.allies.members, t.value])].sort(),
      });
    }
  });
  root.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const sort = target.closest<HTMLElement>('[data-sort]')?.dataset.sort as SortKey | undefined;
    if (sort) {
      sortDesc = sort === sortKey ? !sortDesc : sort !== 'country';
      sortKey = sort;
      renderScenario(root, store.getState());
      return;
    }
    const remove = target.closest<HTMLElement>('[data-remove-ally]')?.dataset.removeAlly;
    if (remove) {
      const s = store.getState();
      actions.setAllies(store, { preset: null, members: s.allies.members.filter((m) => m !== remove) });
      return;
    }
    if (target.dataset.action === 'scenario-csv') {
      const s = store.getState();
      if (!s.scenario || !s.data) return;
      const names = (c: string) => s.data?.countries.get(c)?.name ?? c;
      const rows = sortRows(scenarioResults(scenarioFlows(s), s.scenario), names);
      const csv = resultsToCsv(rows, names, {
        mineral: s.filters.minerals[0] ?? '',
        year: s.filters.year,
        scenario: s.scenario.id === 'custom' ? `custom:${s.scenario.exporters.join('+')}` : s.scenario.id,
        source: (s.years[s.filters.year]?.sources ?? [])
          .map((x) => `${x.publisher} ${x.title} (${x.year})`)
          .join('; '),
      });
      onCsv(`${fileStem(s.filters, s.scenario)}_scenario.csv`, csv);
    }
  });
}

let sortedCountries: { from: ReadonlyMap<string, CountryInfo>; list: CountryInfo[] } | null = null;
/** Countries by name, sorted once per data load (the partner picker lists ~250 of them on every render). */
function byName(countries: ReadonlyMap<string, CountryInfo>): CountryInfo[] {
  if (sortedCountries?.from !== countries)
    sortedCountries = {
      from: countries,
      list: [...countries.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  return sortedCountries.list;
}

let picker: { countries: ReadonlyMap<string, CountryInfo>; key: string; el: HTMLSelectElement } | null = null;
/** The "add a partner" list (~250 options): the same element while the countries and the partners stay the same. */
function partnerPicker(
  countries: ReadonlyMap<string, CountryInfo>,
  members: ReadonlySet<string>,
): HTMLSelectElement {
  const key = [...members].sort().join();
  if (picker?.countries !== countries || picker.key !== key) {
    const select = el(
      'select',
      { name: 'ally-add', 'aria-label': 'Add a partner' },
      el('option', { value: '' }, 'Add a country…'),
      ...byName(countries)
        .filter((c) => !members.has(c.iso3))
        .map((c) => el('option', { value: c.iso3 }, c.name)),
    );
    picker = { countries, key, el: select };
  }
  picker.el.value = '';
  return picker.el;
}

export function renderScenario(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const names = (c: string) => s.data?.countries.get(c)?.name ?? c;
  const mineral = s.data.minerals.find((m) => m.id === s.filters.minerals[0]);
  const flows = scenarioFlows(s);
  const scenarioSelect = el(
    'select',
    { name: 'scenario', 'data-testid': 'scenario-select', 'aria-label': 'Supply shock' },
    ...SCENARIOS.map((x) => el('option', { value: x.id }, x.label)),
  );
  scenarioSelect.value = s.scenario?.id ?? '';
  const parts: (Node | null)[] = [
    el('h2', {}, 'Supply-shock scenario'),
    el(
      'p',
      { class: 'muted' },
      `${mineral?.name ?? ''} trade in ${s.filters.year}, all flows of the product (the route and country filters do not apply here).`,
    ),
    scenarioSelect,
  ];
  if (s.scenario?.id === 'custom') {
    const byExporter = new Map<string, number>();
    for (const f of flows) byExporter.set(f.exporter, (byExporter.get(f.exporter) ?? 0) + f.valueUsd);
    const top = [...byExporter]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([c]) => c);
    const candidates = [...new Set([...top, ...s.scenario.exporters])];
    parts.push(
      el(
        'fieldset',
        { class: 'grid' },
        el('legend', {}, 'Exporters that stop'),
        ...candidates.map((c) => {
          const input = el('input', {
            type: 'checkbox',
            name: 'stop-exporter',
            value: c,
            'data-testid': `stop-${c}`,
          });
          input.checked = s.scenario?.exporters.includes(c) ?? false;
          return el('label', {}, input, names(c));
        }),
      ),
    );
  }
  if (s.scenario) {
    const results = sortRows(scenarioResults(flows, s.scenario), names);
    const lost = results.reduce((x, r) => x + r.lostUsd, 0);
    const total = results.reduce((x, r) => x + r.beforeUsd, 0);
    const th = (key: SortKey, label: string) =>
      el(
        'th',
        { scope: 'col' },
        el(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-sort': key,
            'aria-sort': sortKey === key ? (sortDesc ? 'descending' : 'ascending') : 'none',
          },
          `${label}${sortKey === key ? (sortDesc ? ' ▼' : ' ▲') : ''}`,
        ),
      );
    parts.push(
      el(
        'p',
        {},
        `World trade lost: ${formatUsd(lost)} of ${formatUsd(total)} (${formatShare(total > 0 ? lost / total : 0)}).`,
      ),
      el(
        'div',
        { class: 'loss-legend' },
        el('span', {}, 'Importers filled by share lost: 0%'),
        el('span', { class: 'ramp', style: `background:${lossRampCss()}` }),
        el('span', {}, '100%'),
      ),
      el(
        'button',
        { type: 'button', 'data-action': 'scenario-csv', 'data-testid': 'scenario-csv' },
        'Download results (CSV)',
      ),
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          { class: 'results', 'data-testid': 'scenario-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              th('country', 'Importer'),
              th('before', 'Before'),
              th('after', 'After'),
              th('loss', 'Lost'),
              el('th', { scope: 'col' }, 'Top remaining'),
            ),
          ),
          el(
            'tbody',
            {},
            ...results.map((r) =>
              el(
                'tr',
                {
                  'data-testid': 'scenario-row',
                  'data-country': r.importer,
                  'data-loss-share': r.lossShare.toFixed(6),
                },
                el('th', { scope: 'row' }, names(r.importer)),
                el(
                  'td',
                  {
                    title:
                      r.beforeTonnes === null
                        ? 'tonnes unknown for some flows'
                        : formatTonnes(r.beforeTonnes),
                  },
                  formatUsd(r.beforeUsd),
                ),
                el(
                  'td',
                  {
                    title:
                      r.afterTonnes === null ? 'tonnes unknown for some flows' : formatTonnes(r.afterTonnes),
                  },
                  formatUsd(r.afterUsd),
                ),
                el('td', {}, formatShare(r.lossShare)),
                el(
                  'td',
                  {},
                  r.topRemaining.map((x) => `${names(x.exporter)} ${formatShare(x.share)}`).join(', ') ||
                    'none',
                ),
              ),
            ),
          ),
        ),
      ),
      el(
        'p',
        { class: 'muted' },
        'Values in USD; hover a value for tonnes (unknown where the source has no quantity). Lost flows are drawn grey on the map.',
      ),
    );
  }
  // Allied supply.
  const members = new Set(s.allies.members);
  const presetSelect = el(
    'select',
    { name: 'allies-preset', 'data-testid': 'allies-preset', 'aria-label': 'Partner set' },
    el('option', { value: '' }, 'Custom set'),
    ...PARTNER_PRESETS.map((p) => el('option', { value: p.id }, p.name)),
  );
  presetSelect.value = s.allies.preset ?? '';
  const add = partnerPicker(s.data.countries, members);
  const supply = partnerSupply(flows, members);
  const bloc = s.shares && s.filters.minerals[0] ? blocShares(s.shares, s.filters.minerals[0], members) : [];
  const preset = PARTNER_PRESETS.find((p) => p.id === s.allies.preset);
  parts.push(
    el('h2', {}, 'Allied supply'),
    el('div', { class: 'copy-row' }, presetSelect, add),
    preset ? el('p', { class: 'muted source' }, `Members: ${preset.source}`) : null,
    el(
      'div',
      { class: 'chips' },
      ...[...members]
        .sort()
        .map((m) =>
          el(
            'span',
            { class: 'chip' },
            names(m),
            el('button', { type: 'button', 'data-remove-ally': m, 'aria-label': `Remove ${names(m)}` }, '×'),
          ),
        ),
    ),
    el('h3', {}, 'Where each partner imports from'),
    el(
      'ol',
      { class: 'stack-bars', 'aria-hidden': 'true' },
      ...supply.slice(0, 12).map((p) =>
        el(
          'li',
          {
            title: `${names(p.country)}: partners ${formatShare(p.fromPartners)}, China ${formatShare(p.fromChina)}, others ${formatShare(p.fromOthers)}`,
          },
          el('span', { class: 'bar-label' }, names(p.country)),
          el(
            'span',
            { class: 'stack' },
            el('span', { class: 'seg partners', style: `width:${(p.fromPartners * 100).toFixed(1)}%` }),
            el('span', { class: 'seg china', style: `width:${(p.fromChina * 100).toFixed(1)}%` }),
            el('span', { class: 'seg others', style: `width:${(p.fromOthers * 100).toFixed(1)}%` }),
          ),
        ),
      ),
    ),
    el(
      'p',
      { class: 'muted stack-key' },
      el('span', { class: 'key partners' }),
      ' from partners ',
      el('span', { class: 'key china' }),
      ' from China ',
      el('span', { class: 'key others' }),
      ' from others',
    ),
    el(
      'table',
      { class: 'results', 'data-testid': 'allies-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, 'Partner'),
          el('th', {}, 'Imports'),
          el('th', {}, 'Partners'),
          el('th', {}, 'China'),
          el('th', {}, 'Others'),
        ),
      ),
      el(
        'tbody',
        {},
        ...supply.map((p) =>
          el(
            'tr',
            { 'data-testid': 'allies-row', 'data-country': p.country },
            el('th', { scope: 'row' }, names(p.country)),
            el('td', {}, formatUsd(p.importsUsd)),
            el('td', {}, formatShare(p.fromPartners)),
            el('td', {}, formatShare(p.fromChina)),
            el('td', {}, formatShare(p.fromOthers)),
          ),
        ),
      ),
    ),
    supply.length === 0 ? el('p', { class: 'muted' }, 'No partner imports this product in this year.') : null,
    el('h3', {}, 'The bloc next to China (world shares)'),
    bloc.length === 0
      ? el(
          'p',
          { class: 'muted' },
          s.shares ? 'No production or refining shares for this mineral in the data.' : 'Loading shares…',
        )
      : el(
          'table',
          { class: 'results', 'data-testid': 'bloc-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', {}, 'Stage'),
              el('th', {}, 'Bloc'),
              el('th', {}, 'China'),
              el('th', {}, 'Note'),
            ),
          ),
          el(
            'tbody',
            {},
            ...bloc.map((b) =>
              el(
                'tr',
                {},
                el('th', { scope: 'row' }, `${b.stage} ${b.year}`),
                el('td', {}, b.bloc === null ? 'unknown' : `${b.covered ? '' : '≥ '}${formatShare(b.bloc)}`),
                el('td', {}, formatShare(b.china)),
                el('td', { class: 'muted' }, b.note),
              ),
            ),
          ),
        ),
  );
  setChildren(root, ...parts);
}
