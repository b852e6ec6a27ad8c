// The bits of a flow's risk code: one per reason, overland, and the two stored readings of `controlled`.
import type { RiskReason } from './filters';

/**
 * Bit per reason as the app uses it (after a control reading is applied, see readRisk); OVERLAND_BIT marks a flow
 * with no sea route (land-locked or overland), judged by its ends only.
 */
export const RISK_BITS: Readonly<Record<RiskReason, number>> = {
  origin: 1,
  destination: 2,
  transit: 4,
  'south-china-sea': 8,
  controlled: 32,
};
export const OVERLAND_BIT = 16;
/** The route bits (reasons from geography, and overland): what the pipeline's routes decide. */
export const ROUTE_CODE_MAX = 31;
/** All bits of an app code (a reading applied): the largest valid code is 63. */
export const RISK_CODE_MAX = 63;

/**
 * A stored (file) code carries the `controlled` reason twice, once per reading: a measure in force on any day of the
 * flow's year, and one in force on the measure table's check date. readRisk keeps the chosen one as RISK_BITS.controlled.
 */
export const CONTROL_BIT_IN_YEAR = 32;
export const CONTROL_BIT_TODAY = 64;
export const FILE_RISK_CODE_MAX = 127;
