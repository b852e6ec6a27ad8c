// Compact encoding of a flow's China route-risk and export-control reasons as a bitmask, shared by the pipeline and app.
import { RISK_REASONS, type RiskReason } from '../model/filters';
import type { ControlReading } from '../model/measures';
import {
  CONTROL_BIT_IN_YEAR,
  CONTROL_BIT_TODAY,
  FILE_RISK_CODE_MAX,
  OVERLAND_BIT,
  RISK_BITS,
  RISK_CODE_MAX,
  ROUTE_CODE_MAX,
} from '../model/risk-bits';

export {
  RISK_BITS,
  OVERLAND_BIT,
  ROUTE_CODE_MAX,
  RISK_CODE_MAX,
  CONTROL_BIT_IN_YEAR,
  CONTROL_BIT_TODAY,
  FILE_RISK_CODE_MAX,
};

/** The app code of a stored code under a control reading (0..RISK_CODE_MAX). */
export function readRisk(stored: number, reading: ControlReading): number {
  const bit = reading === 'today' ? CONTROL_BIT_TODAY : CONTROL_BIT_IN_YEAR;
  return (stored & ROUTE_CODE_MAX) | ((stored & bit) !== 0 ? RISK_BITS.controlled : 0);
}

export function encodeRisk(reasons: readonly RiskReason[], overland: boolean): number {
  return reasons.reduce((code, r) => code | RISK_BITS[r], overland ? OVERLAND_BIT : 0);
}

/** Reasons of an app code (readRisk applied), in RISK_REASONS order. */
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
  controlled:
    "Controlled: the exporter restricts this product's export (a measure in the export-controls table)",
};
