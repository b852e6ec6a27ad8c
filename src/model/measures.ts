// Export-control measures: the closed lists (form, reading, status) and the measure record the app and pipeline share.
import type { Iso3, MineralId, Source } from './types';

/**
 * What a measure does. `suspension` is a measure that suspends others (it restricts nothing itself); `raw-ore-ban`
 * forbids exporting unprocessed ore while processed products may leave.
 */
export const CONTROL_FORMS = [
  'licence',
  'ban',
  'ban-destinations',
  'quota',
  'export-tax',
  'raw-ore-ban',
  'suspension',
] as const;
export type ControlForm = (typeof CONTROL_FORMS)[number];

/**
 * Which measures count for the `controlled` risk reason and the `controls` scenario: those in force on the table's
 * check date ("today"), or those in force on any day of the flow's own year.
 */
export const CONTROL_READINGS = ['today', 'flow-year'] as const;
export type ControlReading = (typeof CONTROL_READINGS)[number];

/**
 * A measure's state on a date: not yet announced; announced but not yet in force; in force; suspended; lifted
 * (ended or replaced); `lapsed` = its suspension has run out and no later notice is recorded (so whether it applies
 * again is not known: never counted as in force); `undated` = no in-force date is known.
 */
export const MEASURE_STATUSES = [
  'not-announced',
  'announced',
  'in-force',
  'suspended',
  'lifted',
  'lapsed',
  'undated',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Dates are ISO `YYYY-MM-DD` strings (they compare as text); null where the table has none. */
export interface Measure {
  id: string;
  /** ISO3 of the restricting country. */
  country: Iso3;
  issuer: string;
  /** The instrument's own number or name ("MOFCOM/GAC Announcement 2023 No. 23"). */
  announcementNo: string;
  announced: string | null;
  inForce: string | null;
  suspended: string | null;
  lifted: string | null;
  /** End of a suspension period as announced. */
  suspendedUntil: string | null;
  form: ControlForm;
  minerals: MineralId[];
  /** Plain-text scope: products, thresholds, control-list codes. */
  materials: string;
  /** HS 6-digit codes the notice prints or that clearly correspond (see hsMapping); empty when none apply. */
  hs: string[];
  /** "stated (...)" or "corresponds: <why>". */
  hsMapping: string;
  /** ISO3 of the targeted destinations; null = every destination. */
  destinations: Iso3[] | null;
  /** The primary source first, then an independent confirmation where there is one. */
  sources: Source[];
  /** What was verified, against which source. */
  checked: string;
  notes: string;
}

/** One exporter's monthly shipments of a product group to a fixed set of partners (the before-and-after chart). */
export interface MonthlySeries {
  id: string;
  exporter: Iso3;
  /** The product group as the source names it ("Gallium/Germanium"). */
  label: string;
  /** HS 6-digit codes summed into the group. */
  hs: string[];
  /** Measure minerals this group stands for. */
  minerals: MineralId[];
  /** The partners summed (the source's names), in the source's order. */
  partners: string[];
  /** First month, `YYYY-MM`; values follow month by month. */
  start: string;
  /** USD per month summed over the partners; null where no partner has a figure that month. */
  valueUsd: (number | null)[];
  /** Exactly what the figures cover: reporter, flow, products, partners, months, caveats. */
  coverage: string;
  sources: Source[];
}

export interface MeasuresFile {
  /** The date the table was last checked: the "today" of the `today` reading. */
  asOf: string;
  measures: Measure[];
  /** HS 2022 description of every code a measure names or a mineral's trade uses. */
  hs: Record<string, string>;
  monthly: MonthlySeries[];
  sources: Source[];
}
