// The filters as closed lists and types: risk modes and reasons, focus roles, drawing modes, and the filter state.
import type { ControlReading } from './measures';
import type { ProductChoice } from './products';
import type { SiteKind, SiteStatus } from './types';

/** Route-risk filter: all routes, only China-exposed (any enabled reason), or avoid China (none of them). */
export const RISK_MODES = ['all', 'china', 'no-china'] as const;
export type RiskMode = (typeof RISK_MODES)[number];

/**
 * Why a flow is exposed (README "The China route-risk model"): four reasons from its route, in the pipeline's order,
 * and `controlled`, the exporter restricts the product (an export-control measure in force, in the chosen reading).
 */
export const RISK_REASONS = ['origin', 'destination', 'transit', 'south-china-sea', 'controlled'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];
/** The reasons on by default: the route's. `controlled` is opted into, so links made before it mean what they meant. */
export const DEFAULT_REASONS: readonly RiskReason[] = ['origin', 'destination', 'transit', 'south-china-sea'];

/** The focus country as exporter, importer or either. */
export const FOCUS_ROLES = ['either', 'exporter', 'importer'] as const;
export type FocusRole = (typeof FOCUS_ROLES)[number];

/** Arc colour: the exporter's share of world exports, or the importer's dependence on the exporter. */
export const COLOR_BYS = ['exporter-share', 'importer-dependence'] as const;
export type ColorBy = (typeof COLOR_BYS)[number];

/** Arc width: trade value in USD or quantity in tonnes. */
export const WIDTH_BYS = ['usd', 'tonnes'] as const;
export type WidthBy = (typeof WIDTH_BYS)[number];

/** Flows drawn as arcs or along their sea lanes. */
export const FLOW_VIEWS = ['arcs', 'sea-lanes'] as const;
export type FlowView = (typeof FLOW_VIEWS)[number];

/** The part of the filters that decides what is kept (display modes are elsewhere). */
export interface FilterSpec {
  minerals: readonly string[];
  kinds: readonly SiteKind[];
  statuses: readonly SiteStatus[];
  /** ISO3 of the focus country, or null for all countries. */
  focus: string | null;
  role: FocusRole;
  /** Flows below this value (USD) are left out. */
  minValueUsd: number;
  risk: RiskMode;
  /** Reasons that count for the risk filter (a toggle per reason). */
  reasons: readonly RiskReason[];
  /** Which export-control measures count for `controlled` and the `controls` scenario. */
  controls: ControlReading;
  /** Which product group's flows a mineral with several (rare earths) shows: one group, or all. */
  product: ProductChoice;
}

/** Everything the user can set: what is kept (FilterSpec) and how it is drawn. Plain and serialisable. */
export interface Filters extends FilterSpec {
  year: number;
  /** Draw every flow instead of the ones making up most of the value. */
  showAllFlows: boolean;
  colorBy: ColorBy;
  widthBy: WidthBy;
  flowView: FlowView;
}

/** Is `value` one of the closed list's members? Narrows the type (the codec and the panels check input with it). */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
