// The allied-supply panel (lazy chunk): a partner set, where each partner imports from, and the bloc next to China.
import { countryName } from '../state/selectors';
import { PARTNER_PRESETS } from '../config/partners';
import { blocShares, partnerSupply, type BlocShares, type PartnerSupply } from '../derive/allies';
import { formatShare, formatUsd } from '../derive/format';
import type { CountryInfo } from '../model/types';
import { selectScenarioFlows, selectScenarioProductNotes } from '../state/scenario';
import { actions, type AppState, type AppStore } from '../state/store';
import { el, setChildren } from './dom';
import { dataTable } from './table';

export interface AlliesPanel {
  render(s: AppState): void;
}

export function mountAlliesPanel(root: HTMLElement, store: AppStore): AlliesPanel {
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    const s = store.getState();
    if (t.name === 'allies-preset') {
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
    const remove = (e.target as HTMLElement).closest<HTMLElement>('[data-remove-ally]')?.dataset.removeAlly;
    if (!remove) return;
    const s = store.getState();
    actions.setAllies(store, { preset: null, members: s.allies.members.filter((m) => m !== remove) });
  });
  const picker = partnerPicker();
  return { render: (s) => renderAllies(root, s, picker) };
}

/**
 * The "add a partner" list (~250 options, sorted by name): the same element while the countries and the partners
 * stay the same, so re-rendering the panel does not rebuild it.
 */
function partnerPicker() {
  let sorted: { from: ReadonlyMap<string, CountryInfo>; list: CountryInfo[] } | null = null;
  let last: { countries: ReadonlyMap<string, CountryInfo>; key: string; el: HTMLSelectElement } | null = null;
  return (countries: ReadonlyMap<string, CountryInfo>, members: ReadonlySet<string>): HTMLSelectElement => {
    if (sorted?.from !== countries)
      sorted = {
        from: countries,
        list: [...countries.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    const key = [...members].sort().join();
    if (last?.countries !== countries || last.key !== key) {
      const select = el(
        'select',
        { name: 'ally-add', 'aria-label': 'Add a partner' },
        el('option', { value: '' }, 'Add a country…'),
        ...sorted.list
          .filter((c) => !members.has(c.iso3))
          .map((c) => el('option', { value: c.iso3 }, c.name)),
      );
      last = { countries, key, el: select };
    }
    last.el.value = '';
    return last.el;
  };
}

function stackBars(supply: PartnerSupply[], names: (c: string) => string): HTMLElement {
  const seg = (cls: string, share: number) =>
    el('span', { class: `seg ${cls}`, '--w': `${(share * 100).toFixed(1)}%` });
  return el(
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
          seg('partners', p.fromPartners),
          seg('china', p.fromChina),
          seg('others', p.fromOthers),
        ),
      ),
    ),
  );
}

function renderAllies(root: HTMLElement, s: AppState, picker: ReturnType<typeof partnerPicker>): void {
  if (!s.data) return;
  const names = countryName(s);
  const members = new Set(s.allies.members);
  const presetSelect = el(
    'select',
    { name: 'allies-preset', 'data-testid': 'allies-preset', 'aria-label': 'Partner set' },
    el('option', { value: '' }, 'Custom set'),
    ...PARTNER_PRESETS.map((p) => el('option', { value: p.id }, p.name)),
  );
  presetSelect.value = s.allies.preset ?? '';
  const supply = partnerSupply(selectScenarioFlows(s), members);
  const mineral = s.filters.minerals[0];
  const bloc = s.shares && mineral ? blocShares(s.shares, mineral, members) : [];
  const preset = PARTNER_PRESETS.find((p) => p.id === s.allies.preset);
  setChildren(
    root,
    el('h2', {}, 'Allied supply'),
    el('div', { class: 'copy-row' }, presetSelect, picker(s.data.countries, members)),
    preset ? el('p', { class: 'muted source' }, `Members: ${preset.source}`) : null,
    ...selectScenarioProductNotes(s).map((note) =>
      el('p', { class: 'muted', 'data-testid': 'allies-products' }, `Trade figures: ${note}`),
    ),
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
    stackBars(supply, names),
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
    dataTable<PartnerSupply>({
      attrs: { class: 'results', 'data-testid': 'allies-table' },
      rows: supply,
      rowAttrs: (p) => ({ 'data-testid': 'allies-row', 'data-country': p.country }),
      columns: [
        { label: 'Partner', rowHeader: true, cell: (p) => names(p.country) },
        { label: 'Imports', cell: (p) => formatUsd(p.importsUsd) },
        { label: 'Partners', cell: (p) => formatShare(p.fromPartners) },
        { label: 'China', cell: (p) => formatShare(p.fromChina) },
        { label: 'Others', cell: (p) => formatShare(p.fromOthers) },
      ],
    }),
    supply.length === 0 ? el('p', { class: 'muted' }, 'No partner imports this product in this year.') : null,
    el('h3', {}, 'The bloc next to China (world shares)'),
    bloc.length === 0
      ? el(
          'p',
          { class: 'muted' },
          s.shares ? 'No production or refining shares for this mineral in the data.' : 'Loading shares…',
        )
      : dataTable<BlocShares>({
          attrs: { class: 'results', 'data-testid': 'bloc-table' },
          rows: bloc,
          columns: [
            { label: 'Stage', rowHeader: true, cell: (b) => `${b.stage} ${b.year}` },
            {
              label: 'Bloc',
              cell: (b) => (b.bloc === null ? 'unknown' : `${b.covered ? '' : '≥ '}${formatShare(b.bloc)}`),
            },
            { label: 'China', cell: (b) => formatShare(b.china) },
            { label: 'Note', className: 'muted', cell: (b) => b.note },
          ],
        }),
  );
}
