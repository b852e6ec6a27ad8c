// Plain-text descriptions of the current view: titles for embeds and images, and file names for downloads.
import { type ScenarioState } from '../model/scenario';
import { type Filters } from '../model/filters';
import type { Mineral } from '../model/types';
import { formatUsd } from './format';

/** The words of the view title in English (src/i18n/messages-en.ts `view`; other languages in their catalogues). */
export const VIEW_EN = {
  and: ' and ',
  listMore: (first: string, more: number) => `${first} and ${more} more`,
  listSep: ', ',
  trade: (year: number) => `trade ${year}`,
  riskAll: 'all routes',
  riskChina: 'China-exposed routes only',
  riskNoChina: 'routes avoiding China',
  from: (c: string) => `flows from ${c}`,
  into: (c: string) => `flows into ${c}`,
  toAndFrom: (c: string) => `flows to and from ${c}`,
  minValue: (v: string) => `flows of ${v} or more`,
  chinaStop: 'if China stops exporting',
  routeBlock: 'if China-exposed sea routes are blocked',
  custom: 'if selected exporters stop',
  controls: 'if no export licence is granted',
  controlsToday: "under today's export controls",
  controlsYear: "under each year's export controls",
  controlsWhen: (what: string, when: string) => `${what} ${when}`,
  title: (minerals: string, parts: string) => `${minerals}: ${parts}`,
  partSep: ', ',
} as const;

/** A words catalogue's type: every string widened to `string` (another language's catalogue fills the same keys). */
type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };
export type ViewWords = Words<typeof VIEW_EN>;

/** How a view is said in a language: its words, mineral names and money (English by default). */
export interface ViewLocale {
  words: ViewWords;
  mineral: (id: string, english: string) => string;
  money: (usd: number) => string;
}
export const VIEW_LOCALE_EN: ViewLocale = {
  words: VIEW_EN,
  mineral: (_, english) => english,
  money: formatUsd,
};

/** "Rare earths and lithium: trade 2024, China-exposed routes only, flows into Japan" (in the locale's language, English by default). */
export function describeView(
  f: Filters,
  minerals: readonly Mineral[],
  countryName: (iso3: string) => string,
  scenario: ScenarioState | null,
  locale: ViewLocale = VIEW_LOCALE_EN,
): string {
  const m = locale.words;
  const names = f.minerals.map((id) => {
    const mineral = minerals.find((x) => x.id === id);
    return mineral ? locale.mineral(id, mineral.name) : id;
  });
  const list =
    names.length <= 2 ? names.join(m.and) : m.listMore(names.slice(0, 2).join(m.listSep), names.length - 2);
  const risk = { all: m.riskAll, china: m.riskChina, 'no-china': m.riskNoChina } as const;
  const parts = [m.trade(f.year), risk[f.risk]];
  if (f.focus) {
    const c = countryName(f.focus);
    parts.push(f.role === 'exporter' ? m.from(c) : f.role === 'importer' ? m.into(c) : m.toAndFrom(c));
  }
  if (f.minValueUsd > 0) parts.push(m.minValue(locale.money(f.minValueUsd)));
  if (scenario) {
    const titles = {
      'china-stop': m.chinaStop,
      'route-block': m.routeBlock,
      custom: m.custom,
      controls: m.controls,
    } as const;
    const when = f.controls === 'today' ? m.controlsToday : m.controlsYear;
    parts.push(scenario.id === 'controls' ? m.controlsWhen(titles.controls, when) : titles[scenario.id]);
  }
  return m.title(list, parts.join(m.partSep));
}

/** File-name stem named after the view: critical-minerals_rare-earths_2024_all-routes */
export function fileStem(f: Filters, scenario: ScenarioState | null): string {
  const risk = f.risk === 'all' ? 'all-routes' : f.risk === 'china' ? 'china-exposed' : 'avoid-china';
  const parts = ['critical-minerals', f.minerals.join('+'), String(f.year), risk];
  if (f.focus) parts.push(`${f.role}-${f.focus}`);
  if (scenario) parts.push(scenario.id);
  return parts.join('_').replace(/[^a-zA-Z0-9_+-]/g, '-');
}

/** One line of attribution for images and embeds. */
export const ATTRIBUTION =
  'Data: USGS; CEPII BACI via Critical Materials Atlas; NGA World Port Index; Natural Earth; Eurostat SeaRoute. Critical Minerals Map.';
