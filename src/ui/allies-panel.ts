// The allied-supply panel (lazy chunk): a partner set, where each partner imports from, and the bloc next to China.
import { more } from '../i18n/more';
import { PARTNER_PRESETS } from '../config/partners';
import { blocShares, partnerSupply, type BlocShares, type PartnerSupply } from '../derive/allies';
import { LOCALES, formatMoney, formatPercent, t, type Lang } from '../i18n';
import { countryLabel, countryLabels, langAttr, type LocalText } from '../i18n/countries';
import type { CountryInfo } from '../model/types';
import {
  selectScenarioFlows,
  selectScenarioHasUserFlows,
  selectScenarioProductNotes,
} from '../state/scenario';
import { actions, type AppState, type AppStore } from '../state/store';
import { el } from './dom';
import { morphChildren } from './morph';
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
  const controls = allyControls();
  return { render: (s) => renderAllies(root, s, controls) };
}

/**
 * The panel's two lists, kept between renders (the panel passes the same row each time, which morph leaves alone):
 * the preset list, relabelled for another language, and the partner picker below. Re-rendering the panel for a year
 * or a filter then neither rebuilds nor re-inserts the picker's ~250 options (style, layout).
 */
function allyControls() {
  const presets = el('select', { name: 'allies-preset', 'data-testid': 'allies-preset' });
  const picker = partnerPicker();
  const row = el('div', { class: 'copy-row' }, presets);
  let presetsLang: Lang | null = null;
  return (
    countries: ReadonlyMap<string, CountryInfo>,
    members: ReadonlySet<string>,
    preset: string | null,
    lang: Lang,
  ): HTMLElement => {
    if (presetsLang !== lang) {
      const msg = more(lang).allies;
      presets.setAttribute('aria-label', msg.presetLabel);
      presets.replaceChildren(
        el('option', { value: '' }, msg.customSet),
        ...PARTNER_PRESETS.map((p) =>
          el('option', { value: p.id }, (msg.presets as Readonly<Record<string, string>>)[p.id] ?? p.name),
        ),
      );
      presetsLang = lang;
    }
    if (presets.value !== (preset ?? '')) presets.value = preset ?? '';
    const list = picker(countries, members, lang);
    if (presets.nextSibling !== list) {
      presets.nextSibling?.remove();
      row.append(list);
    }
    return row;
  };
}

/**
 * The "add a partner" list (~250 options, sorted by name in the page's language): the same element while the
 * countries, the partners and the language stay the same, so re-rendering the panel does not rebuild it.
 */
function partnerPicker() {
  type Named = { iso3: string; name: LocalText };
  let sorted: { from: ReadonlyMap<string, CountryInfo>; lang: Lang; list: Named[] } | null = null;
  let last: { countries: ReadonlyMap<string, CountryInfo>; key: string; el: HTMLSelectElement } | null = null;
  return (
    countries: ReadonlyMap<string, CountryInfo>,
    members: ReadonlySet<string>,
    lang: Lang,
  ): HTMLSelectElement => {
    if (sorted?.from !== countries || sorted.lang !== lang) {
      const collator = new Intl.Collator(LOCALES[lang]);
      sorted = {
        from: countries,
        lang,
        list: [...countries.values()]
          .map((c) => ({ iso3: c.iso3, name: countryLabel(lang, c) }))
          .sort((a, b) =>
            lang === 'en'
              ? a.name.text.localeCompare(b.name.text)
              : collator.compare(a.name.text, b.name.text),
          ),
      };
    }
    const key = `${lang}|${[...members].sort().join()}`;
    if (last?.countries !== countries || last.key !== key) {
      const msg = more(lang).allies;
      const select = el(
        'select',
        { name: 'ally-add', 'aria-label': msg.add },
        el('option', { value: '' }, msg.addCountry),
        ...sorted.list
          .filter((c) => !members.has(c.iso3))
          .map((c) => el('option', { value: c.iso3, lang: langAttr(lang, c.name) }, c.name.text)),
      );
      last = { countries, key, el: select };
    }
    if (last.el.value !== '') last.el.value = '';
    return last.el;
  };
}

function stackBars(supply: PartnerSupply[], label: (c: string) => LocalText, lang: Lang): HTMLElement {
  const msg = more(lang).allies;
  const seg = (cls: string, share: number) =>
    el('span', { class: `seg ${cls}`, '--w': `${(share * 100).toFixed(1)}%` });
  return el(
    'ol',
    { class: 'stack-bars', 'aria-hidden': 'true' },
    ...supply.slice(0, 12).map((p) =>
      el(
        'li',
        {
          title: msg.barTitle(
            label(p.country).text,
            formatPercent(lang, p.fromPartners),
            formatPercent(lang, p.fromChina),
            formatPercent(lang, p.fromOthers),
          ),
        },
        el('span', { class: 'bar-label', lang: langAttr(lang, label(p.country)) }, label(p.country).text),
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

function renderAllies(root: HTMLElement, s: AppState, controls: ReturnType<typeof allyControls>): void {
  if (!s.data) return;
  const lang = s.lang;
  const msg = more(lang).allies;
  const label = countryLabels(lang, s.data.countries);
  const names = (c: string) => label(c).text;
  const nameEl = (c: string) => {
    const name = label(c);
    return lang === 'en' ? name.text : el('span', { lang: langAttr(lang, name) }, name.text);
  };
  const dataLang = lang === 'en' ? undefined : 'en';
  const members = new Set(s.allies.members);
  const supply = partnerSupply(selectScenarioFlows(s), members);
  const mineral = s.filters.minerals[0];
  const bloc = s.shares && mineral ? blocShares(s.shares, mineral, members) : [];
  const preset = PARTNER_PRESETS.find((p) => p.id === s.allies.preset);
  const stageName = (stage: string) =>
    lang === 'en'
      ? stage
      : stage === 'mining'
        ? t(lang).chart.mining
        : stage === 'refining'
          ? t(lang).chart.refining
          : stage;
  morphChildren(
    root,
    el('h2', {}, msg.title),
    controls(s.data.countries, members, s.allies.preset, lang),
    preset
      ? el(
          'p',
          { class: 'muted source' },
          msg.members,
          lang === 'en' ? preset.source : el('span', { lang: 'en' }, preset.source),
        )
      : null,
    ...selectScenarioProductNotes(s).map((note) =>
      el('p', { class: 'muted', 'data-testid': 'allies-products' }, `${msg.tradeFigures}${note}`),
    ),
    selectScenarioHasUserFlows(s)
      ? el('p', { class: 'user-note', 'data-testid': 'allies-user-note' }, more(lang).userData.combined)
      : null,
    el(
      'div',
      { class: 'chips' },
      ...[...members]
        .sort()
        .map((m) =>
          el(
            'span',
            { class: 'chip' },
            nameEl(m),
            el('button', { type: 'button', 'data-remove-ally': m, 'aria-label': msg.remove(names(m)) }, '×'),
          ),
        ),
    ),
    el('h3', {}, msg.importsFrom),
    stackBars(supply, label, lang),
    el(
      'p',
      { class: 'muted stack-key' },
      el('span', { class: 'key partners' }),
      msg.fromPartners,
      el('span', { class: 'key china' }),
      msg.fromChina,
      el('span', { class: 'key others' }),
      msg.fromOthers,
    ),
    dataTable<PartnerSupply>({
      attrs: { class: 'results', 'data-testid': 'allies-table' },
      rows: supply,
      rowAttrs: (p) => ({ 'data-testid': 'allies-row', 'data-country': p.country }),
      columns: [
        { label: msg.partner, rowHeader: true, cell: (p) => nameEl(p.country) },
        { label: msg.imports, cell: (p) => formatMoney(lang, p.importsUsd) },
        { label: msg.partnersCol, cell: (p) => formatPercent(lang, p.fromPartners) },
        { label: msg.china, cell: (p) => formatPercent(lang, p.fromChina) },
        { label: msg.others, cell: (p) => formatPercent(lang, p.fromOthers) },
      ],
    }),
    supply.length === 0 ? el('p', { class: 'muted' }, msg.noImports) : null,
    el('h3', {}, msg.bloc),
    bloc.length === 0
      ? el('p', { class: 'muted' }, s.shares ? msg.noShares : msg.loadingShares)
      : dataTable<BlocShares>({
          attrs: { class: 'results', 'data-testid': 'bloc-table' },
          rows: bloc,
          columns: [
            { label: msg.stage, rowHeader: true, cell: (b) => msg.stageYear(stageName(b.stage), b.year) },
            {
              label: msg.blocCol,
              cell: (b) =>
                b.bloc === null ? msg.unknown : `${b.covered ? '' : '≥ '}${formatPercent(lang, b.bloc)}`,
            },
            { label: msg.china, cell: (b) => formatPercent(lang, b.china) },
            {
              label: msg.note,
              className: 'muted',
              cell: (b) => (dataLang === undefined ? b.note : el('span', { lang: dataLang }, b.note)),
            },
          ],
        }),
  );
}
