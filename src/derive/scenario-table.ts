// The scenario's inputs and outputs as tables: the flows it works on, loss per importer, and result sorting.
import type { Flow, Iso3 } from '../model/types';
import { scenarioResults, type ImporterResult, type Scenario } from './scenario';

/**
 * The flows a scenario works on: every flow of one mineral in the year, whatever the other filters (the route and
 * country filters do not apply to a shock).
 */
export function scenarioFlows(
  flows: readonly Flow[],
  mineral: string | undefined,
  hs: ReadonlySet<string> | null = null,
): Flow[] {
  return flows.filter((f) => f.mineral === mineral && (hs === null || hs.has(f.hs)));
}

/** Share of imports lost (0..1) per importing country: the choropleth's values. */
export function lossByImporter(flows: readonly Flow[], scenario: Scenario): Map<Iso3, number> {
  return new Map(scenarioResults(flows, scenario).map((r) => [r.importer, r.lossShare]));
}

/** Columns the results table can be sorted by. */
export const RESULT_SORT_KEYS = ['country', 'before', 'after', 'loss'] as const;
export type ResultSortKey = (typeof RESULT_SORT_KEYS)[number];
export interface ResultSort {
  key: ResultSortKey;
  desc: boolean;
}
/** The table opens with the largest share lost first. */
export const DEFAULT_RESULT_SORT: ResultSort = { key: 'loss', desc: true };

/** The sort after a click on a column: the same column flips; another starts descending (names ascending). */
export function nextSort(current: ResultSort, key: ResultSortKey): ResultSort {
  return { key, desc: key === current.key ? !current.desc : key !== 'country' };
}

/** Rows in the chosen order; ties by importer ISO3 so the order is stable. `names` gives display names. */
export function sortResults(
  rows: readonly ImporterResult[],
  sort: ResultSort,
  names: (iso3: string) => string,
): ImporterResult[] {
  const key = (r: ImporterResult): number | string =>
    sort.key === 'country'
      ? names(r.importer)
      : sort.key === 'before'
        ? r.beforeUsd
        : sort.key === 'after'
          ? r.afterUsd
          : r.lossShare;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : (x as number) - (y as number);
    return (sort.desc ? -c : c) || a.importer.localeCompare(b.importer);
  });
}
