// Memoised selectors: what the filters keep (sites, flows), the legibility cut, facet counts and per-year arc data.
import { selectFlowRows, type FlowSelection } from '../derive/flow-selection';
import type { FilterSpec, Filters } from '../model/filters';
import { LEGIBLE_VALUE_SHARE, MAX_DRAWN_FLOWS } from '../config/app';
import type { FlowCodes } from '../data/flow-columns';
import { buildArcs, type ArcDatum } from '../derive/flows';
import { buildFilterIndex, sitePasses, type FilterIndex } from '../derive/filter';
import { productRefs } from '../derive/products';
import { buildFlowTable, type FlowTable } from '../derive/flow-table';
import { buildSiteBuffers, siteRadii, type SiteBuffers } from '../derive/site-buffers';
import type { CountryInfo, Flow, Mineral, Site } from '../model/types';
import { describeView, VIEW_LOCALE_EN, type ViewLocale } from '../derive/describe';
import { STAGE_LOCALE_EN, type StageLocale } from '../derive/stages';
import { formatMoney, formatPercent, mineralName, t, type Lang } from '../i18n';
import { countryLabelOf } from '../i18n/countries';
import { memo } from './memo';
import type { AppState, YearData } from './store';

const EMPTY_SITES: Site[] = [];
const EMPTY_FLOWS: Flow[] = [];

const indexMemo = memo(
  (countries: ReadonlyMap<string, CountryInfo> | undefined, minerals: Mineral[] | undefined) =>
    buildFilterIndex(
      countries?.keys() ?? [],
      (minerals ?? []).map((m) => m.id),
      productRefs(minerals ?? []),
    ),
);
export const selectFilterIndex = (s: AppState): FilterIndex => indexMemo(s.data?.countries, s.data?.minerals);

const siteBuffersMemo = memo((sites: Site[], index: FilterIndex) => buildSiteBuffers(sites, index));
/** Drawn site instances as typed arrays, one per (site, mineral); stable while the data stays the same. */
export const selectSiteBuffers = (s: AppState): SiteBuffers =>
  siteBuffersMemo(s.data?.sites ?? EMPTY_SITES, selectFilterIndex(s));
const radiiMemo = memo((b: SiteBuffers, selectedId: string | null) => siteRadii(b, selectedId));
/** Site radii with the selected site enlarged; stable while the data and the selected site stay the same. */
export const selectSiteRadii = (s: AppState): Float32Array =>
  radiiMemo(selectSiteBuffers(s), s.selection?.type === 'site' ? s.selection.id : null);

const visibleSitesMemo = memo((sites: Site[], f: FilterSpec) => sites.filter((x) => sitePasses(x, f)));
export const selectVisibleSites = (s: AppState): Site[] =>
  visibleSitesMemo(s.data?.sites ?? EMPTY_SITES, s.filters);

export const selectYearFlows = (s: AppState): Flow[] => s.years[s.filters.year]?.flows ?? EMPTY_FLOWS;

const specMemo = memo(
  (
    minerals: Filters['minerals'],
    kinds: Filters['kinds'],
    statuses: Filters['statuses'],
    focus: Filters['focus'],
    role: Filters['role'],
    minValueUsd: number,
    risk: Filters['risk'],
    reasons: Filters['reasons'],
    controls: Filters['controls'],
    product: Filters['product'],
  ): FilterSpec => ({
    minerals,
    kinds,
    statuses,
    focus,
    role,
    minValueUsd,
    risk,
    reasons,
    controls,
    product,
  }),
);
/** The filters that decide what is kept, stable while only display modes (colour, width, view) change. */
export const keepSpec = (f: Filters): FilterSpec =>
  specMemo(
    f.minerals,
    f.kinds,
    f.statuses,
    f.focus,
    f.role,
    f.minValueUsd,
    f.risk,
    f.reasons,
    f.controls,
    f.product,
  );

const tableMemo = memo(
  (
    flows: Flow[],
    index: FilterIndex,
    codes: FlowCodes | undefined,
    controls: Filters['controls'],
    built: YearData['table'],
  ) =>
    // The year worker's table, when it was built for this index and reading; otherwise built here.
    built && built.index === index && built.reading === controls
      ? built.table
      : buildFlowTable(flows, index, codes, controls),
);
/**
 * The year's flows as value-sorted typed columns, their risk codes read for the chosen control reading; stable while
 * the year, the data and the reading stay the same.
 */
export const selectFlowTable = (s: AppState): FlowTable => {
  const y = s.years[s.filters.year];
  return tableMemo(selectYearFlows(s), selectFilterIndex(s), y?.codes, s.filters.controls, y?.table);
};

const selectionMemo = memo((t: FlowTable, f: FilterSpec, index: FilterIndex, all: boolean) =>
  selectFlowRows(t, f, index, all ? 1 : LEGIBLE_VALUE_SHARE, MAX_DRAWN_FLOWS),
);
/**
 * The flows drawn (kept and above the legibility cut-off, largest first), and how many small ones are hidden.
 * Depends only on the filters that decide what is kept (not on colour, width or view mode).
 */
export const selectDrawnFlows = (s: AppState): FlowSelection =>
  selectionMemo(selectFlowTable(s), keepSpec(s.filters), selectFilterIndex(s), s.filters.showAllFlows);

const passingMemo = memo((t: FlowTable, sel: FlowSelection) => {
  // A plain loop: Array.from over a typed array with a map function goes through the iterator protocol (~10 ms
  // for a year's rows the first time it runs).
  const rows = sel.passingRows;
  const out = new Array<Flow>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = t.flows[rows[k] as number] as Flow;
  return out;
});
/** Flows kept by every filter, before the legibility cut (largest first). */
export const selectPassingFlows = (s: AppState): Flow[] =>
  passingMemo(selectFlowTable(s), selectDrawnFlows(s));

const arcsMemo = memo((t: FlowTable, countries: ReadonlyMap<string, CountryInfo>) => buildArcs(t, countries));
/** Arc data for every flow of the year (the sea-lane view): stable while only filters change. */
export const selectYearArcs = (s: AppState): ArcDatum[] =>
  s.data ? arcsMemo(selectFlowTable(s), s.data.countries) : [];

/** The exporter's share of world exports of the flow's product (the table's column), if the flow is in the year. */
export const selectExporterShare = (s: AppState, flow: Flow): number | undefined => {
  const t = selectFlowTable(s);
  const r = t.flows.indexOf(flow);
  return r < 0 ? undefined : t.exporterShare[r];
};

/** Is the data for the current view loaded (or has it failed, which also settles the view)? */
export const selectViewReady = (s: AppState): boolean =>
  s.status === 'ready' &&
  (s.yearStatus[s.filters.year] === 'ready' || s.yearStatus[s.filters.year] === 'error') &&
  (s.filters.flowView === 'arcs' || s.routesStatus === 'ready' || s.routesStatus === 'error');

/** Display name of a country in the loaded data, or its code where the data has none. */
export const countryName =
  (s: AppState) =>
  (iso3: string): string =>
    s.data?.countries.get(iso3)?.name ?? iso3;

/** How the view title is said in `lang` (derive/describe.ts takes the words from the catalogue). */
export const viewLocale = (lang: Lang): ViewLocale =>
  lang === 'en'
    ? VIEW_LOCALE_EN
    : {
        words: t(lang).view,
        mineral: (id, english) => mineralName(lang, id, english),
        money: (v) => formatMoney(lang, v),
      };

/** How the stage view is said in `lang` (derive/stages.ts takes the words from the catalogue). */
export const stageLocale = (lang: Lang): StageLocale =>
  lang === 'en' ? STAGE_LOCALE_EN : { words: t(lang).stages, percent: (x) => formatPercent(lang, x) };

/** Country names in the page's language (the data's English name where there is no translation). */
export const countryNameIn =
  (s: AppState) =>
  (iso3: string): string =>
    s.data ? countryLabelOf(s.lang, s.data.countries, iso3).text : iso3;

/** "Rare earths: trade 2024, all routes": the view in words in the page's language, for embed titles and share dialogs. */
export const selectViewTitle = (s: AppState): string =>
  s.data ? describeView(s.filters, s.data.minerals, countryNameIn(s), s.scenario, viewLocale(s.lang)) : '';
