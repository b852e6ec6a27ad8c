// The one definition of what the filters keep: CPU predicates for counts and panels, and the same rule as GPU filter props.
import { DEFAULT_REASONS, type RiskReason, type FilterSpec, type RiskMode } from '../model/filters';
import { readRisk, RISK_BITS, RISK_CODE_MAX } from './risk-codes';
import type { ControlReading } from '../model/measures';
import type { Flow, Site } from '../model/types';
import { SITE_KINDS, SITE_STATUSES } from '../model/types';
import { DEFAULT_PRODUCT, type ProductGroup } from '../model/products';
import { productKeeps, seriesKey, type ProductRef } from './products';

export function reasonsMask(reasons: readonly RiskReason[]): number {
  return reasons.reduce((m, r) => m | RISK_BITS[r], 0);
}

/** Does a flow with this risk code pass the risk filter? all: yes; china: at least one enabled reason; no-china: none. */
export function riskPasses(code: number, risk: RiskMode, mask: number): boolean {
  if (risk === 'all') return true;
  const exposed = (code & mask) !== 0;
  return risk === 'china' ? exposed : !exposed;
}

export function sitePasses(site: Site, f: FilterSpec): boolean {
  return (
    site.minerals.some((m) => f.minerals.includes(m)) &&
    f.kinds.includes(site.kind) &&
    f.statuses.includes(site.status) &&
    (f.focus === null || site.country === f.focus)
  );
}

// ---------------------------------------------------------------- GPU side (deck.gl DataFilterExtension)

/** Stable indexes for categorical and numeric filter attributes, built once per data load. */
export interface FilterIndex {
  country: ReadonlyMap<string, number>;
  /** Minerals in table order, then the extra product series (`id:group`, derive/products.ts seriesKey). */
  mineral: ReadonlyMap<string, number>;
  /** `mineral|hs` -> series index, for the products whose series is not the mineral's own. */
  hsSeries: ReadonlyMap<string, number>;
  /** Per mineral with product groups: each group's series index. */
  groups: ReadonlyMap<string, ReadonlyMap<ProductGroup, number>>;
}

export function buildFilterIndex(
  countries: Iterable<string>,
  minerals: Iterable<string>,
  products: readonly ProductRef[] = [],
): FilterIndex {
  const mineral = new Map([...minerals].map((m, i) => [m, i]));
  const hsSeries = new Map<string, number>();
  const groups = new Map<string, Map<ProductGroup, number>>();
  const first = new Map<string, ProductGroup | undefined>();
  for (const p of products) {
    if (!mineral.has(p.mineral)) continue;
    if (!first.has(p.mineral)) first.set(p.mineral, p.group);
    if (p.group === undefined) continue;
    const key = seriesKey(p.mineral, p.group, first.get(p.mineral));
    if (!mineral.has(key)) mineral.set(key, mineral.size);
    const i = mineral.get(key) as number;
    if (key !== p.mineral) hsSeries.set(`${p.mineral}|${p.hs}`, i);
    const g = groups.get(p.mineral) ?? new Map<ProductGroup, number>();
    groups.set(p.mineral, g.set(p.group, i));
  }
  for (const [m, g] of groups) if (g.size < 2) groups.delete(m);
  return { country: new Map([...countries].sort().map((c, i) => [c, i])), mineral, hsSeries, groups };
}

/** The series index of a flow of `mineral` and HS code `hs` (undefined for a mineral not in the index). */
export function flowSeries(index: FilterIndex, mineral: string, hs: string): number | undefined {
  return index.hsSeries.get(`${mineral}|${hs}`) ?? index.mineral.get(mineral);
}

/**
 * The series the filters keep (one arc layer each): every selected mineral's own series, or for a mineral with
 * product groups the chosen group's (all of them for `all`). The one rule the map, the counts and the facets share.
 */
export function keptSeries(f: FilterSpec, index: FilterIndex): number[] {
  const out: number[] = [];
  for (const id of new Set(f.minerals)) {
    const groups = index.groups.get(id);
    if (!groups) {
      const i = index.mineral.get(id);
      if (i !== undefined) out.push(i);
      continue;
    }
    for (const [group, i] of groups) if (productKeeps(f.product, group)) out.push(i);
  }
  return out;
}

/**
 * One drawn instance per (site, mineral): DataFilterExtension matches one category value per dimension and allows
 * at most 32 values per dimension with three category dimensions, so a site's mineral *set* (83 combinations in the
 * data) cannot be a category. A site of several minerals is drawn once per mineral at the same spot; it shows when
 * any of its minerals is selected, exactly as sitePasses says.
 */
export interface SiteInstance {
  site: Site;
  /** Index of one of the site's minerals in FilterIndex.mineral. */
  mineral: number;
}

/** deck.gl's DataFilterExtension: most distinct categories per dimension, by number of category dimensions. */
export const MAX_CATEGORIES: Readonly<Record<number, number>> = { 1: 128, 2: 64, 3: 32, 4: 32 };

/** Static per-flow attributes: numeric [valueUsd, exporterIdx, importerIdx], categories [mineralIdx, riskCode]. */
export function flowFilterValue(flow: Flow, index: FilterIndex): [number, number, number] {
  return [flow.valueUsd, index.country.get(flow.exporter) ?? -1, index.country.get(flow.importer) ?? -1];
}
export function flowFilterCategory(
  flow: Flow,
  index: FilterIndex,
  reading: ControlReading,
): [number, number] {
  return [flowSeries(index, flow.mineral, flow.hs) ?? -1, readRisk(flow.risk, reading)];
}

const ALL: [number, number] = [-1e30, 1e30];

export interface FlowGpuFilter {
  /** Indexes of the kept series (keptSeries): one arc layer each is drawn, the others are hidden. */
  minerals: number[];
  /** Smallest float32 value (USD) drawn: each mineral layer draws only the prefix of its arcs at or above it. */
  minValue: number;
  /** Risk codes kept (category filter, codes read for `reading`); [-2] when none. */
  codes: number[];
  /** The control reading the codes are read for (src/derive/risk-codes.ts readRisk). */
  reading: ControlReading;
  /** One entry per layer part: 'either' focus needs two (exporter side, importer side); they are disjoint. */
  parts: { filterRange: [number, number][] }[];
}

/**
 * The uniforms (and per-layer instance counts) that make the GPU keep exactly what flowPasses and the legibility
 * cut-off keep: numeric ranges [value, exporter, importer], risk codes as categories, the mineral as the layer.
 * Changing a filter only changes these, never the attributes.
 */
export function flowGpuFilter(f: FilterSpec, index: FilterIndex, cutoffUsd: number): FlowGpuFilter {
  const minerals = keptSeries(f, index);
  const mask = reasonsMask(f.reasons);
  const codes: number[] = [];
  for (let c = 0; c <= RISK_CODE_MAX; c++) if (riskPasses(c, f.risk, mask)) codes.push(c);
  // Compared as float32, exactly as the GPU stores values, so the map and the counts never disagree.
  const minValue = Math.fround(Math.max(f.minValueUsd, cutoffUsd));
  const valueRange: [number, number] = [minValue, 1e30];
  const base = { minerals, minValue, codes: codes.length > 0 ? codes : [-2], reading: f.controls };
  if (f.focus === null) return { ...base, parts: [{ filterRange: [valueRange, ALL, ALL] }] };
  const c = index.country.get(f.focus) ?? -2;
  const exporterSide = { filterRange: [valueRange, [c, c], ALL] as [number, number][] };
  const importerSide = { filterRange: [valueRange, ALL, [c, c]] as [number, number][] };
  if (f.role === 'exporter') return { ...base, parts: [exporterSide] };
  if (f.role === 'importer') return { ...base, parts: [importerSide] };
  return { ...base, parts: [exporterSide, importerSide] };
}

export function siteGpuFilter(
  f: FilterSpec,
  index: FilterIndex,
): { filterRange: [number, number][]; filterCategories: number[][] } {
  const minerals = f.minerals.map((m) => index.mineral.get(m) ?? -1).filter((i) => i >= 0);
  const c = f.focus === null ? null : (index.country.get(f.focus) ?? -2);
  return {
    filterRange: [c === null ? ALL : [c, c]],
    filterCategories: [
      minerals,
      f.kinds.map((k) => SITE_KINDS.indexOf(k)),
      f.statuses.map((s) => SITE_STATUSES.indexOf(s)),
    ].map((list) => (list.length > 0 ? list : [-2])),
  };
}

/** Default filter: all kinds and statuses, the route reasons, today's controls, magnets; no focus or minimum; all routes. */
export function defaultFilterSpec(minerals: readonly string[]): FilterSpec {
  return {
    minerals: [...minerals],
    kinds: [...SITE_KINDS],
    statuses: [...SITE_STATUSES],
    focus: null,
    role: 'either',
    minValueUsd: 0,
    risk: 'all',
    reasons: [...DEFAULT_REASONS],
    controls: 'today',
    product: DEFAULT_PRODUCT,
  };
}
