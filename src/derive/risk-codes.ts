import { RISK_REASONS, type RiskReason } from '../model/filters';
// Compact encoding of a flow's China route-risk reasons as a bitmask, shared by the pipeline and the app.

/** Bit per reason; OVERLAND_BIT marks a flow with no sea route (land-locked or overland), judged by its ends only. */
export const RISK_BITS: Readonly<Record<RiskReason, number>> = {
  origin: 1,
  destination: 2,
  transit: 4,
  'south-china-sea': 8,
};
export const OVERLAND_BIT = 16;
/** All bits in use: the largest valid code is 31. */
export const RISK_CODE_MAX = 31;

export function encodeRisk(reasons: readonly RiskReason[], overland: boolean): number {
  return reasons.reduce((code, r) => code | RISK_BITS[r], overland ? OVERLAND_BIT : 0);
}

/** Reasons in RISK_REASONS order. */
export function decodeRisk(code: number): RiskReason[] {
  return RISK_REASONS.filter((r) => (code & RISK_BITS[r]) !== 0);
}

export function isOverland(code: number): boolean {
  return (code & OVERLAND_BIT) !== 0;
}

/** Human-readable text per reason, for details and the legend. */
export const RISK_TEXT: Readonly<Record<RiskReason, string>> = {
  origin: 'Origin: exported from China (incl. Hong Kong and Macau)',
  destination: 'Destination: imported by China, feeding Chinese processing',
  transit: "Transit: sea route within 200 nautical miles of China's coast or through the Taiwan Strait",
  'south-china-sea': 'South China Sea: sea route crosses the contested South China Sea',
};
