// Memoised selectors: what the filters keep (sites, flows), the legibility cut, facet counts and per-year arc data.
import { LEGIBLE_VALUE_SHARE } from '../config/app';
import { buildArcs, exporterShares, importerDependence, type ArcDatum } from '../derive/flows';
import {
  buildFilterIndex,
  flowPasses,
  legibleCutoff,
  mineralMask,
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

const masksMemo = memo(
  (sites: Site[], index: FilterIndex) => new Set(sites.map((x) => mineralMask(x.minerals, index))),
);
export const selectSiteMasks = (s: AppState) => masksMemo(s.data?.sites ?? EMPTY_SITES, selectFilterIndex(s));

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

const facetsMemo = memo((sites: Site[], flows: Flow[], f: Filters): Facets => {
  const allMinerals = {
    ...f,
    minerals: [
      ...new Set([...f.minerals, ...sites.flatMap((x) => x.minerals), ...flows.map((x) => x.mineral)]),
    ],
  };
  const minerals = new Map<string, { sites: number; flows: number }>();
  const bump = (id: string, key: 'sites' | 'flows') => {
    const c = minerals.get(id) ?? { sites: 0, flows: 0 };
    c[key]++;
    minerals.set(id, c);
  };
  for (const x of sites) if (sitePasses(x, allMinerals)) for (const m of x.minerals) bump(m, 'sites');
  const mask = reasonsMask(f.reasons);
  for (const x of flows) if (flowPasses(x, allMinerals, mask)) bump(x.mineral, 'flows');
  const kinds = new Map<string, number>();
  const allKinds = { ...f, kinds: [...new Set(sites.map((x) => x.kind))] };
  for (const x of sites) if (sitePasses(x, allKinds)) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
  const statuses = new Map<string, number>();
  const allStatuses = { ...f, statuses: [...new Set(sites.map((x) => x.status))] };
  for (const x of sites)
    if (sitePasses(x, allStatuses)) statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
  const anyRisk = { ...f, risk: 'all' as const };
  const risk = { all: 0, china: 0, 'no-china': 0 };
  const reasons = new Map<RiskReason, number>(RISK_REASONS.map((r) => [r, 0]));
  for (const x of flows) {
    if (!flowPasses(x, anyRisk, mask)) continue;
    risk.all++;
    if ((x.risk & mask) !== 0) risk.china++;
    else risk['no-china']++;
    for (const r of RISK_REASONS)
      if ((x.risk & RISK_BITS[r]) !== 0) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  return { minerals, kinds, statuses, risk, reasons };
});
export const selectFacets = (s: AppState): Facets =>
  facetsMemo(s.data?.sites ?? EMPTY_SITES, selectYearFlows(s), s.filters);
