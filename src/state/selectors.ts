// Memoised selectors: what the current filters keep (sites, flows) and the arcs to draw. One predicate for map and panels.
import { LEGIBLE_VALUE_SHARE } from '../config/app';
import { buildArcs, exporterShares, legibleFlows, type ArcDatum } from '../derive/flows';
import type { CountryInfo, Flow, Site } from '../model/types';
import type { AppState } from './store';

/** Memoise on reference equality of the listed inputs (like reselect, without the dependency). */
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

/** The site predicate shared by the map and the counts. */
export function siteMatches(site: Site, minerals: ReadonlySet<string>): boolean {
  return site.minerals.some((m) => minerals.has(m));
}

/** The flow predicate shared by the map and the counts. */
export function flowMatches(flow: Flow, minerals: ReadonlySet<string>): boolean {
  return minerals.has(flow.mineral);
}

const visibleSitesMemo = memo((sites: Site[] | undefined, minerals: string[]) => {
  const set = new Set(minerals);
  return (sites ?? []).filter((s) => siteMatches(s, set));
});
export const selectVisibleSites = (s: AppState): Site[] =>
  visibleSitesMemo(s.data?.sites, s.filters.minerals);

const yearFlowsMemo = memo((flows: Flow[] | undefined, minerals: string[]) => {
  const set = new Set(minerals);
  return (flows ?? []).filter((f) => flowMatches(f, set));
});
/** Every flow that passes the filters (before the legibility cut). */
export const selectFilteredFlows = (s: AppState): Flow[] =>
  yearFlowsMemo(s.years[s.filters.year]?.flows, s.filters.minerals);

const sharesMemo = memo((flows: Flow[] | undefined) => exporterShares(flows ?? []));
export const selectShares = (s: AppState) => sharesMemo(s.years[s.filters.year]?.flows);

const legibleMemo = memo((flows: Flow[], all: boolean) => legibleFlows(flows, all ? 1 : LEGIBLE_VALUE_SHARE));
/** The flows drawn, and how many small ones the legibility cut hides. */
export const selectDrawnFlows = (s: AppState) => legibleMemo(selectFilteredFlows(s), s.filters.showAllFlows);

const arcsMemo = memo(
  (flows: Flow[], countries: ReadonlyMap<string, CountryInfo>, shares: Map<string, number>): ArcDatum[] =>
    buildArcs(flows, countries, shares),
);
export const selectArcs = (s: AppState): ArcDatum[] =>
  s.data ? arcsMemo(selectDrawnFlows(s).shown, s.data.countries, selectShares(s)) : [];

/** Is the data for the current view loaded? */
export const selectViewReady = (s: AppState): boolean =>
  s.status === 'ready' &&
  (s.yearStatus[s.filters.year] === 'ready' || s.yearStatus[s.filters.year] === 'error');
