// Memoised selectors: what the filters keep (sites, flows), the legibility cut, facet counts and per-year arc data.
import { LEGIBLE_VALUE_SHARE } from '../config/app';
import { buildArcs, exporterShares, importerDependence, type ArcDatum } from '../derive/flows';
import {
  buildFilterIndex,
  flowPasses,
  focusPasses,
  riskPasses,
  legibleCutoff,
  siteInstances,
  reasonsMask,
  sitePasses,
  type FilterIndex,
  type FilterSpec,
} from '../derive/filter';
import { RISK_BITS } from '../derive/risk-codes';
import { RISK_REASONS, type RiskReason } from '../derive/route-risk';
import type { CountryInfo, Flow, Mineral, Site } from '../model/types';
import type { AppState, Filters } from './store';

/** Memoise on reference equality of the arguments (like reselect, without the dependency). */
function memo<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs?.[i])) return last;
    lastArgs = args;
    last = fn(...args);
    return last;
  };
}

const EMPTY_SITES: Site[] = [];
const EMPTY_FLOWS: Flow[] = [];

const indexMemo = memo(
  (countries: ReadonlyMap<string, CountryInfo> | undefined, minerals: Mineral[] | undefined) =>
    buildFilterIndex(
      countries?.keys() ?? [],
      (minerals ?? []).map((m) => m.id),
    ),
);
export const selectFilterIndex = (s: AppState): FilterIndex => indexMemo(s.data?.countries, s.data?.minerals);

const instancesMemo = memo((sites: Site[], index: FilterIndex) => siteInstances(sites, index));
/** Drawn site instances, one per (site, mineral); stable while the data stays the same. */
export const selectSiteInstances = (s: AppState) =>
  instancesMemo(s.data?.sites ?? EMPTY_SITES, selectFilterIndex(s));

const visibleSitesMemo = memo((sites: Site[], f: FilterSpec) => sites.filter((x) => sitePasses(x, f)));
export const selectVisibleSites = (s: AppState): Site[] =>
  visibleSitesMemo(s.data?.sites ?? EMPTY_SITES, s.filters);

export const selectYearFlows = (s: AppState): Flow[] => s.years[s.filters.year]?.flows ?? EMPTY_FLOWS;

const passingMemo = memo((flows: Flow[], f: FilterSpec) => {
  const mask = reasonsMask(f.reasons);
  return flows.filter((fl) => flowPasses(fl, f, mask));
});
/** Flows kept by every filter, before the legibility cut. */
export const selectPassingFlows = (s: AppState): Flow[] => passingMemo(selectYearFlows(s), s.filters);

const drawnMemo = memo((passing: Flow[], all: boolean) => {
  const cutoff = all ? 0 : legibleCutoff(passing, LEGIBLE_VALUE_SHARE);
  const shown = passing.filter((f) => Math.fround(f.valueUsd) >= Math.fround(cutoff));
  const hidden = passing.length - shown.length;
  const hiddenValue =
    passing.reduce((sum, f) => sum + f.valueUsd, 0) - shown.reduce((sum, f) => sum + f.valueUsd, 0);
  return { cutoff, shown, hiddenCount: hidden, hiddenValue };
});
/** The flows drawn (kept and above the legibility cut-off), and how many small ones are hidden. */
export const selectDrawnFlows = (s: AppState) => drawnMemo(selectPassingFlows(s), s.filters.showAllFlows);

const sharesMemo = memo((flows: Flow[]) => exporterShares(flows));
export const selectShares = (s: AppState) => sharesMemo(selectYearFlows(s));
const dependenceMemo = memo((flows: Flow[]) => importerDependence(flows));
export const selectDependence = (s: AppState) => dependenceMemo(selectYearFlows(s));

const arcsMemo = memo(
  (
    flows: Flow[],
    countries: ReadonlyMap<string, CountryInfo>,
    shares: Map<string, number>,
    dep: Map<string, number>,
  ): ArcDatum[] => buildArcs(flows, countries, shares, dep),
);
/** Arc data for every flow of the year: stable while only filters change, so deck.gl keeps its buffers. */
export const selectYearArcs = (s: AppState): ArcDatum[] =>
  s.data ? arcsMemo(selectYearFlows(s), s.data.countries, selectShares(s), selectDependence(s)) : [];

/** Is the data for the current view loaded (or has it failed, which also settles the view)? */
export const selectViewReady = (s: AppState): boolean =>
  s.status === 'ready' &&
  (s.yearStatus[s.filters.year] === 'ready' || s.yearStatus[s.filters.year] === 'error') &&
  (s.filters.flowView === 'arcs' || s.routesStatus === 'ready' || s.routesStatus === 'error');

// ---------------------------------------------------------------- facet counts ("what each option keeps")

export interface Facets {
  /** Per mineral: sites and flows it keeps with every other filter as set. */
  minerals: Map<string, { sites: number; flows: number }>;
  kinds: Map<string, number>;
  statuses: Map<string, number>;
  risk: { all: number; china: number; 'no-china': number };
  reasons: Map<RiskReason, number>;
}

/**
 * One pass over sites and one over flows: for each item, which filters it fails. An option's count is the number of
 * items of that option that pass every other filter (faceted-search counts), using the same predicates as the map.
 */
const facetsMemo = memo((sites: Site[], flows: Flow[], f: Filters): Facets => {
  const minerals = new Map<string, { sites: number; flows: number }>();
  const bump = (id: string, key: 'sites' | 'flows') => {
    const c = minerals.get(id) ?? { sites: 0, flows: 0 };
    c[key]++;
    minerals.set(id, c);
  };
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  const mineralSet = new Set(f.minerals);
  const kindSet = new Set<string>(f.kinds);
  const statusSet = new Set<string>(f.statuses);
  for (const x of sites) {
    const mineralOk = x.minerals.some((m) => mineralSet.has(m));
    const kindOk = kindSet.has(x.kind);
    const statusOk = statusSet.has(x.status);
    const focusOk = f.focus === null || x.country === f.focus;
    if (!focusOk) continue;
    if (kindOk && statusOk) for (const m of x.minerals) bump(m, 'sites');
    if (mineralOk && statusOk) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
    if (mineralOk && kindOk) statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
  }
  const mask = reasonsMask(f.reasons);
  const minValue = Math.fround(f.minValueUsd);
  const risk = { all: 0, china: 0, 'no-china': 0 };
  const reasonCounts = [0, 0, 0, 0];
  const bits = RISK_REASONS.map((r) => RISK_BITS[r]);
  for (const x of flows) {
    if (Math.fround(x.valueUsd) < minValue || !focusPasses(x.exporter, x.importer, f.focus, f.role)) continue;
    if (riskPasses(x.risk, f.risk, mask)) bump(x.mineral, 'flows');
    if (!mineralSet.has(x.mineral)) continue;
    risk.all++;
    if ((x.risk & mask) !== 0) risk.china++;
    else risk['no-china']++;
    for (let k = 0; k < 4; k++)
      if ((x.risk & (bits[k] ?? 0)) !== 0) reasonCounts[k] = (reasonCounts[k] ?? 0) + 1;
  }
  const reasons = new Map<RiskReason, number>(RISK_REASONS.map((r, k) => [r, reasonCounts[k] ?? 0]));
  return { minerals, kinds, statuses, risk, reasons };
});
export const selectFacets = (s: AppState): Facets =>
  facetsMemo(s.data?.sites ?? EMPTY_SITES, selectYearFlows(s), s.filters);
