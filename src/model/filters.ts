// The filters as closed lists and types: risk modes and reasons, focus roles, drawing modes, and the filter state.
import type { SiteKind, SiteStatus } from './types';

/** Route-risk filter: all routes, only China-exposed (any enabled reason), or avoid China (none of them). */
export const RISK_MODES = ['all', 'china', 'no-china'] as const;
export type RiskMode = (typeof RISK_MODES)[number];

/** Why a flow's route is exposed to China (README "The China route-risk model"), in the pipeline's order. */
export const RISK_REASONS = ['origin', 'destination', 'transit', 'south-china-sea'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

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
