// Plain-text descriptions of the current view: titles for embeds and images, and file names for downloads.
import { type ScenarioState } from '../model/scenario';
import { type Filters } from '../model/filters';
import type { Mineral } from '../model/types';
import { formatUsd } from './format';

const RISK_TITLE = {
  all: 'all routes',
  china: 'China-exposed routes only',
  'no-china': 'routes avoiding China',
} as const;
const SCENARIO_TITLE = {
  'china-stop': 'if China stops exporting',
  'route-block': 'if China-exposed sea routes are blocked',
  custom: 'if selected exporters stop',
  controls: 'if no export licence is granted',
} as const;

/** "Rare earths and lithium: trade 2024, China-exposed routes only, flows into Japan" */
export function describeView(
  f: Filters,
  minerals: readonly Mineral[],
  countryName: (iso3: string) => string,
  scenario: ScenarioState | null,
): string {
  const names = f.minerals.map((id) => minerals.find((m) => m.id === id)?.name ?? id);
  const list =
    names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  const parts = [`trade ${f.year}`, RISK_TITLE[f.risk]];
  if (f.focus) {
    const c = countryName(f.focus);
    parts.push(
      f.role === 'exporter'
        ? `flows from ${c}`
        : f.role === 'importer'
          ? `flows into ${c}`
          : `flows to and from ${c}`,
    );
  }
  if (f.minValueUsd > 0) parts.push(`flows of ${formatUsd(f.minValueUsd)} or more`);
  if (scenario) {
    const when =
      f.controls === 'today' ? "under today's export controls" : "under each year's export controls";
    parts.push(
      scenario.id === 'controls' ? `${SCENARIO_TITLE.controls} ${when}` : SCENARIO_TITLE[scenario.id],
    );
  }
  return `${list}: ${parts.join(', ')}`;
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
