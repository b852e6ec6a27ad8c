// Export controls over time: a measure's status on a date, whether it was in force in a year, and which flows it covers.
import type { ControlReading, Measure, MeasureStatus } from '../model/measures';
import { CONTROL_BIT_IN_YEAR, CONTROL_BIT_TODAY } from './risk-codes';

/**
 * A measure's status on `date` (ISO YYYY-MM-DD), in this order:
 * not yet announced; lifted (on or after `lifted`); suspended (from `suspended` through `suspendedUntil`), or
 * `lapsed` once a suspension has run out, since no later notice is recorded and whether the measure applies again is
 * not known; `undated` without an in-force date; announced before its in-force date; otherwise in force.
 * A suspension row (form `suspension`) is "in force" while its suspension runs and `lifted` after it ends.
 */
export function measureStatus(m: Measure, date: string): MeasureStatus {
  const start = m.announced ?? m.inForce;
  if (start !== null && date < start) return 'not-announced';
  if (m.form === 'suspension') {
    return m.suspendedUntil !== null && date > m.suspendedUntil ? 'lifted' : 'in-force';
  }
  if (m.lifted !== null && date >= m.lifted) return 'lifted';
  if (m.suspended !== null && date >= m.suspended) {
    return m.suspendedUntil === null || date <= m.suspendedUntil ? 'suspended' : 'lapsed';
  }
  if (m.inForce === null) return 'undated';
  return date < m.inForce ? 'announced' : 'in-force';
}

/** Does the measure restrict exports on `date`? (Suspension rows never restrict anything themselves.) */
export function inForceOn(m: Measure, date: string): boolean {
  return m.form !== 'suspension' && measureStatus(m, date) === 'in-force';
}

/**
 * The one stretch in which the measure restricted exports: from its in-force date until the first of its suspension
 * or lifting (exclusive; null = still running). Null when it never did (suspended before it started, no in-force
 * date, a suspension row). A measure whose suspension lapsed is not counted again after the lapse (see measureStatus).
 */
export function inForceSpan(m: Measure): { from: string; until: string | null } | null {
  if (m.form === 'suspension' || m.inForce === null) return null;
  const ends = [m.suspended, m.lifted].filter((d): d is string => d !== null).sort();
  const until = ends[0] ?? null;
  if (until !== null && until <= m.inForce) return null;
  return { from: m.inForce, until };
}

/** Was the measure in force on any day of `year`? */
export function inForceDuringYear(m: Measure, year: number): boolean {
  const span = inForceSpan(m);
  if (!span) return false;
  return span.from <= `${year}-12-31` && (span.until === null || span.until > `${year}-01-01`);
}

/**
 * Does the measure name this trade: the exporter is the restricting country, the HS code is among the measure's codes
 * and the importer among its destinations (every importer when it names none)? Measures without HS codes
 * (technology, end-user rules, undefined "raw minerals") cover no traded product on the map.
 */
export function measureCovers(m: Measure, exporter: string, importer: string, hs: string): boolean {
  return (
    m.form !== 'suspension' &&
    m.country === exporter &&
    m.hs.includes(hs) &&
    (m.destinations === null || m.destinations.includes(importer))
  );
}

/** The trade a flow is: who sells what to whom, in which year. */
export interface Trade {
  exporter: string;
  importer: string;
  hs: string;
  year: number;
}

/** Is the measure in force for this trade under the reading: on the table's check date, or in the trade's year? */
export function inForceFor(m: Measure, trade: Trade, reading: ControlReading, asOf: string): boolean {
  return reading === 'today' ? inForceOn(m, asOf) : inForceDuringYear(m, trade.year);
}

/** The measures that cover the trade and are in force under the reading, in table order. */
export function controlsOn(
  measures: readonly Measure[],
  trade: Trade,
  reading: ControlReading,
  asOf: string,
): Measure[] {
  return measures.filter(
    (m) => measureCovers(m, trade.exporter, trade.importer, trade.hs) && inForceFor(m, trade, reading, asOf),
  );
}

/** The two `controlled` bits of a flow's stored risk code: one per reading (src/derive/risk-codes.ts). */
export function controlBits(measures: readonly Measure[], trade: Trade, asOf: string): number {
  let bits = 0;
  if (controlsOn(measures, trade, 'flow-year', asOf).length > 0) bits |= CONTROL_BIT_IN_YEAR;
  if (controlsOn(measures, trade, 'today', asOf).length > 0) bits |= CONTROL_BIT_TODAY;
  return bits;
}

/** The year a measure is placed at on the year slider: its in-force year, else its announcement year. */
export function measureYear(m: Measure): number | null {
  const d = m.inForce ?? m.announced;
  return d === null ? null : Number(d.slice(0, 4));
}
