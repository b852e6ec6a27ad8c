// Scenario selectors (loaded with the scenario chunk, not the first view): its flows, results, losses and CSV.
import { more } from '../i18n/more';
import { resultsToCsv, scenarioResults, type ImporterResult, type Scenario } from '../derive/scenario';
import type { ControlReading } from '../model/measures';
import {
  lostImportsOf,
  partnerStockpile,
  stockpileNeed,
  type PartnerStockpile,
  type StockpileNeed,
} from '../derive/stockpile';
import { lossByImporter, scenarioFlows, sortResults, type ResultSort } from '../derive/scenario-table';
import { fileStem } from '../derive/describe';
import type { Flow, Mineral, Source } from '../model/types';
import { mineralGroups, productKeeps, productNotes } from '../derive/products';
import type { ProductChoice } from '../model/products';
import type { ScenarioState } from '../model/scenario';
import { exportIdsPreferred, scenarioCsvHeader } from './export';
import { readingLabel } from './measures';
import { mineralName, t, type Lang } from '../i18n';
import { memo } from './memo';
import { USER_HS, userAsFlows } from '../derive/user-filter';
import type { UserFlow } from '../model/user-data';
import { selectCombinedUserFlows } from './user-data';
import { countryName, countryNameIn, selectYearFlows } from './selectors';
import type { AppState } from './store';

const flowsMemo = memo(scenarioFlows);
const hsMemo = memo(
  (minerals: Mineral[] | undefined, mineral: string | undefined, product: ProductChoice) => {
    const m = minerals?.find((x) => x.id === mineral);
    return m && mineralGroups(m).length > 1
      ? new Set(m.products.filter((p) => productKeeps(product, p.group)).map((p) => p.hs))
      : null;
  },
);
/**
 * Every flow of the first selected mineral in the year, of the products the product filter keeps (the scenario's and
 * the allied view's input).
 */
export const selectScenarioFlows = (s: AppState): Flow[] =>
  withUserMemo(
    flowsMemo(
      selectYearFlows(s),
      s.filters.minerals[0],
      hsMemo(s.data?.minerals, s.filters.minerals[0], s.filters.product),
    ),
    selectCombinedUserFlows(s),
    s.filters.minerals[0],
    s.filters.year,
  );

const withUserMemo = memo(
  (ours: Flow[], user: readonly UserFlow[], mineral: string | undefined, year: number): Flow[] => {
    if (user.length === 0) return ours;
    const theirs = userAsFlows(user, mineral, year);
    return theirs.length === 0 ? ours : [...ours, ...theirs];
  },
);

/**
 * The reader's flows join the figures (when they chose so) as flows of product `USER_HS`: their route reasons are
 * origin and destination only, so a route block or an export-control measure never cuts them (said in the panels).
 */
const hasUserMemo = memo((flows: Flow[]) => flows.some((f) => f.hs === USER_HS));
export const selectScenarioHasUserFlows = (s: AppState): boolean => hasUserMemo(selectScenarioFlows(s));

/**
 * The products and coverage the scenario and allied figures use, for people (empty for one-product minerals), in the
 * page's language (the CSV asks for English).
 */
export const selectScenarioProductNotes = (s: AppState, lang: Lang = s.lang): string[] =>
  productNotes(
    { minerals: s.filters.minerals.slice(0, 1), product: s.filters.product },
    s.data?.minerals ?? [],
    countryNameIn({ ...s, lang }),
    t(lang).products,
    (id, english) => mineralName(lang, id, english),
  );

const specMemo = memo((scenario: ScenarioState | null, reading: ControlReading): Scenario | null =>
  scenario ? { ...scenario, reading } : null,
);
/** The shock as the scenario model reads it: the store's scenario with the filters' control reading. */
export const selectScenarioSpec = (s: AppState): Scenario | null => specMemo(s.scenario, s.filters.controls);

const resultsMemo = memo((flows: Flow[], scenario: Scenario | null) =>
  scenario ? scenarioResults(flows, scenario) : [],
);
/** Per-importer results of the current scenario (empty without one), largest loss first. */
export const selectScenarioResults = (s: AppState): ImporterResult[] =>
  resultsMemo(selectScenarioFlows(s), selectScenarioSpec(s));

const lossMemo = memo((flows: Flow[], scenario: Scenario | null) =>
  scenario ? lossByImporter(flows, scenario) : null,
);
/** Share of imports lost per importer for the map's choropleth; null without a scenario. */
export const selectLossByImporter = (s: AppState): ReadonlyMap<string, number> | null =>
  lossMemo(selectScenarioFlows(s), selectScenarioSpec(s));

const stockMemo = memo(
  (rows: ImporterResult[], months: number) =>
    new Map(rows.map((r) => [r.importer, stockpileNeed(lostImportsOf(r), months)])),
);
/** Per importer: the stockpile (tonnes, USD) covering the chosen months of its lost imports. */
export const selectStockpileNeeds = (s: AppState): ReadonlyMap<string, StockpileNeed> =>
  stockMemo(selectScenarioResults(s), s.stockpile.months);

const partnerMemo = memo((rows: ImporterResult[], members: string[], months: number, tonnes: number) =>
  partnerStockpile(rows.map(lostImportsOf), new Set(members), months, tonnes),
);
/** The partner set's joint stockpile: tonnes and USD for the months, and the months a given stockpile lasts. */
export const selectPartnerStockpile = (s: AppState): PartnerStockpile =>
  partnerMemo(selectScenarioResults(s), s.allies.members, s.stockpile.months, s.stockpile.tonnes);

/** The citations of the one-reporter products the scenario uses (the year's sources cover the others). */
function usedProductSources(s: AppState): Source[] {
  const used = new Set(selectScenarioFlows(s).map((f) => f.hs));
  const m = s.data?.minerals.find((x) => x.id === s.filters.minerals[0]);
  const ps = m?.products.filter((p) => p.reportedBy && used.has(p.hs)) ?? [];
  return [...new Map(ps.flatMap((p) => p.sources).map((x) => [x.title, x])).values()];
}

/** How the scenario is named in its CSV: the shock, its chosen exporters or the control reading. */
function scenarioLabel(s: AppState, scenario: ScenarioState): string {
  if (scenario.id === 'custom') return `custom:${scenario.exporters.join('+')}`;
  if (scenario.id === 'controls')
    return `controls:${readingLabel(s.filters.controls, s.measures?.asOf ?? null)}`;
  return scenario.id;
}

/**
 * The results CSV in the table's order, and its file name; null without a scenario. The header row is in the reader's
 * language, or the stable ids when `ids` (by default the reader's choice in the toolbar); the values are the same.
 */
export function scenarioCsv(
  s: AppState,
  sort: ResultSort,
  ids: boolean = exportIdsPreferred(),
): { name: string; csv: string } | null {
  if (!s.scenario || !s.data) return null;
  const names = countryName(s);
  const rows = sortResults(selectScenarioResults(s), sort, names);
  const csv = resultsToCsv(
    rows,
    names,
    {
      mineral: s.filters.minerals[0] ?? '',
      year: s.filters.year,
      scenario: scenarioLabel(s, s.scenario),
      stockpileMonths: s.stockpile.months,
      coverage:
        (selectScenarioProductNotes(s, 'en').join(' ') || 'every flow of the mineral in the year') +
        (selectScenarioHasUserFlows(s) ? ` ${more('en').userData.combined}` : ''),
      source: [
        ...(s.years[s.filters.year]?.sources ?? []),
        ...usedProductSources(s),
        ...(s.scenario.id === 'controls' ? (s.measures?.sources ?? []) : []),
      ]
        .map((x) => `${x.publisher} ${x.title} (${x.year})`)
        .join('; '),
    },
    scenarioCsvHeader(s.lang, ids),
  );
  return { name: `${fileStem(s.filters, s.scenario)}_scenario.csv`, csv };
}
