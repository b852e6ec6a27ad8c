// Plain-text descriptions of the current view: titles for embeds and images, and file names for downloads.
import { type ScenarioState } from '../model/scenario';
import { type Filters } from '../model/filters';
import type { Mineral } from '../model/types';
import { formatMoney, mineralName, t, type Lang } from '../i18n';

/** "Rare earths and lithium: trade 2024, China-exposed routes only, flows into Japan" (in `lang`, English by default). */
export function describeView(
  f: Filters,
  minerals: readonly Mineral[],
  countryName: (iso3: string) => string,
  scenario: ScenarioState | null,
  lang: Lang = 'en',
): string {
  const m = t(lang).view;
  const names = f.minerals.map((id) => {
    const mineral = minerals.find((x) => x.id === id);
    return mineral ? mineralName(lang, id, mineral.name) : id;
  });
  const list =
    names.length <= 2 ? names.join(m.and) : m.listMore(names.slice(0, 2).join(m.listSep), names.length - 2);
  const risk = { all: m.riskAll, china: m.riskChina, 'no-china': m.riskNoChina } as const;
  const parts = [m.trade(f.year), risk[f.risk]];
  if (f.focus) {
    const c = countryName(f.focus);
    parts.push(f.role === 'exporter' ? m.from(c) : f.role === 'importer' ? m.into(c) : m.toAndFrom(c));
  }
  if (f.minValueUsd > 0) parts.push(m.minValue(formatMoney(lang, f.minValueUsd)));
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
