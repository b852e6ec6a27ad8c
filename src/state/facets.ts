// Facet counts: for each filter option, how many sites and flows it keeps with every other filter as set.
import { flowFacets } from '../derive/flow-facets';
import { siteCodes, siteFacets } from '../derive/site-facets';
import { RISK_REASONS, type RiskReason, type FilterSpec } from '../model/filters';
import type { FilterIndex } from '../derive/filter';
import { isProductSeries, productKeeps } from '../derive/products';
import { PRODUCT_CHOICES, type ProductChoice } from '../model/products';
import { type FlowTable } from '../derive/flow-table';
import type { Site } from '../model/types';
import { memo } from './memo';
import { keepSpec, selectFilterIndex, selectFlowTable } from './selectors';
import type { AppState } from './store';

const EMPTY_SITES: Site[] = [];

export interface Facets {
  /** Per mineral: sites and flows it keeps with every other filter as set (flows: of the chosen product). */
  minerals: Map<string, { sites: number; flows: number }>;
  /** Per product choice: flows of the selected minerals with product groups, every other filter as set. */
  products: Map<ProductChoice, number>;
  kinds: Map<string, number>;
  statuses: Map<string, number>;
  risk: { all: number; china: number; 'no-china': number };
  reasons: Map<RiskReason, number>;
}

/**
 * One pass over sites and one over flows: for each item, which filters it fails. An option's count is the number of
 * items of that option that pass every other filter (faceted-search counts), using the same predicates as the map.
 */
/** Site facets: independent of the year, so a year switch does not count them again. */
const siteCodesMemo = memo((sites: Site[]) => siteCodes(sites));
const siteFacetsMemo = memo((sites: Site[], f: FilterSpec) => siteFacets(siteCodesMemo(sites), f));
const flowFacetsMemo = memo((t: FlowTable, f: FilterSpec, index: FilterIndex) => flowFacets(t, f, index));

const facetsMemo = memo(
  (
    sites: ReturnType<typeof siteFacetsMemo>,
    flows: ReturnType<typeof flowFacetsMemo>,
    index: FilterIndex,
    f: FilterSpec,
  ): Facets => {
    const minerals = new Map<string, { sites: number; flows: number }>();
    for (const [id, n] of sites.minerals) minerals.set(id, { sites: n, flows: 0 });
    const count = (i: number) => flows.mineralFlows[i] ?? 0;
    for (const [id, i] of index.mineral) {
      if (isProductSeries(id)) continue;
      const groups = index.groups.get(id);
      const n = groups
        ? [...groups].reduce((sum, [g, k]) => sum + (productKeeps(f.product, g) ? count(k) : 0), 0)
        : count(i);
      if (n > 0) minerals.set(id, { sites: minerals.get(id)?.sites ?? 0, flows: n });
    }
    const products = new Map<ProductChoice, number>(PRODUCT_CHOICES.map((c) => [c, 0]));
    for (const id of new Set(f.minerals))
      for (const [g, k] of index.groups.get(id) ?? []) {
        products.set(g, (products.get(g) ?? 0) + count(k));
        products.set('all', (products.get('all') ?? 0) + count(k));
      }
    const reasons = new Map<RiskReason, number>(RISK_REASONS.map((r, k) => [r, flows.reasons[k] ?? 0]));
    return { minerals, products, kinds: sites.kinds, statuses: sites.statuses, risk: flows.risk, reasons };
  },
);
export const selectFacets = (s: AppState): Facets => {
  const spec = keepSpec(s.filters);
  const index = selectFilterIndex(s);
  return facetsMemo(
    siteFacetsMemo(s.data?.sites ?? EMPTY_SITES, spec),
    flowFacetsMemo(selectFlowTable(s), spec, index),
    index,
    spec,
  );
};
