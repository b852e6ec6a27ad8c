// Supply-shock scenarios: which flows a shock cuts, what each importer loses, and the results as CSV.
/**
 * Pure (no DOM, no rendering, no geometry): it imports only the risk bit constants, so it adds nothing heavy to the
 * browser bundle. Callers pass the flows of one mineral (or one product) and one year, already filtered; nothing
 * here filters by mineral or year.
 *
 * Units: `valueUsd` and every `...Usd` field are current US dollars; tonnes are metric tonnes; shares are fractions
 * 0..1 (0.75 = 75%).
 */
import { csvField } from './csv';
import { lostImportsOf, stockpileNeed } from './stockpile';
import type { Flow, Iso3 } from '../model/types';
import { readRisk, RISK_BITS } from './risk-codes';
import type { ControlReading } from '../model/measures';
import { CHINA_ISO3 } from '../config/china';
import type { ScenarioId } from '../model/scenario';

/** A supply shock. `exporters` is read only by 'custom': the ISO3 codes (upper case) of the exporters that stop. */
export interface Scenario {
  id: ScenarioId;
  /** for 'custom': ISO3 exporters that stop */
  exporters?: string[];
  /** for 'controls': which measures count (default: those in force on the measure table's check date) */
  reading?: ControlReading;
}

/** Risk bits that 'route-block' treats as blocked: the route passes near China's coast or through the South China Sea. */
export const BLOCKED_ROUTE_MASK: number = RISK_BITS.transit | RISK_BITS['south-china-sea'];

/**
 * Does the scenario cut this flow?
 * - 'china-stop': the exporter is CHN, HKG or MAC and the importer is not; flows between those three (such as
 *   mainland China to Hong Kong) are trade inside "China" as defined here and are not cut.
 * - 'route-block': the flow's risk code has the `transit` or `south-china-sea` bit. Overland flows have neither
 *   (no sea route), so they are never blocked.
 * - 'custom': the exporter is in `scenario.exporters` (exact, upper-case ISO3 match); none is cut when the list is
 *   missing or empty.
 * - 'controls': an export-control measure of the exporter covers the flow's product (and importer) and is in force
 *   in the scenario's reading: the flow's stored `controlled` bit for that reading (set by the pipeline from
 *   derive/controls.ts). "No licence is granted" for anything a measure covers.
 */
export function isFlowLost(flow: Flow, scenario: Scenario): boolean {
  switch (scenario.id) {
    case 'china-stop':
      return CHINA_ISO3.has(flow.exporter) && !CHINA_ISO3.has(flow.importer);
    case 'route-block':
      return (flow.risk & BLOCKED_ROUTE_MASK) !== 0;
    case 'custom':
      return scenario.exporters?.includes(flow.exporter) ?? false;
    case 'controls':
      return (readRisk(flow.risk, scenario.reading ?? 'today') & RISK_BITS.controlled) !== 0;
  }
}

/** One remaining supplier of an importer after the shock. */
export interface RemainingSupplier {
  exporter: Iso3;
  /** USD still imported from this exporter. */
  usd: number;
  /** Fraction 0..1 of the importer's `afterUsd`. */
  share: number;
}

/** What one importer imports before and after the shock. */
export interface ImporterResult {
  importer: Iso3;
  /** Imports before the shock, USD (> 0 for every returned row). */
  beforeUsd: number;
  /** Imports that the shock leaves, USD. */
  afterUsd: number;
  /** beforeUsd - afterUsd, USD. */
  lostUsd: number;
  /** lostUsd / beforeUsd, 0..1. */
  lossShare: number;
  /** Imports before the shock in tonnes; null when any of the importer's flows has no quantity. */
  beforeTonnes: number | null;
  /** Imports after the shock in tonnes; null when any remaining flow has no quantity (0 when nothing remains). */
  afterTonnes: number | null;
  /**
   * True when every flow to this importer has a quantity, so both tonne figures are known. False when at least
   * one flow lacks tonnes (the source gives only a value): then beforeTonnes is null, afterTonnes is null too
   * unless every remaining flow has tonnes, and the USD figures are the ones to compare.
   */
  tonnesComplete: boolean;
  /** Tonnes of the lost flows; null when any lost flow has no quantity (0 when nothing is lost). */
  lostTonnes: number | null;
  /** Tonnes of the lost flows that have a quantity: a lower bound when lostTonnes is null. */
  lostTonnesAtLeast: number;
  /** USD of the lost flows without a quantity (what the lower bound leaves out). */
  lostUsdNoTonnes: number;
  /** Up to three largest remaining exporters, by USD (largest first, ties by ISO3); empty when nothing remains. */
  topRemaining: RemainingSupplier[];
}

interface Acc {
  beforeUsd: number;
  lostUsd: number;
  beforeTonnes: number;
  beforeTonnesKnown: boolean;
  afterTonnes: number;
  afterTonnesKnown: boolean;
  lostTonnes: number;
  lostTonnesKnown: boolean;
  lostUsdNoTonnes: number;
  remaining: Map<Iso3, number>;
}

const TOP_REMAINING = 3;

/**
 * The shock's effect on every importer of the given flows.
 * One row per importer whose imports before the shock are above 0 USD, sorted by `lostUsd` (largest first), then
 * by importer ISO3. Several flows from the same exporter (for example two HS codes of one mineral) are added up.
 * Sums are plain sums of the flows' values; BACI values are whole dollars, so they are exact.
 */
export function scenarioResults(flows: readonly Flow[], scenario: Scenario): ImporterResult[] {
  const byImporter = new Map<Iso3, Acc>();
  for (const flow of flows) {
    let acc = byImporter.get(flow.importer);
    if (acc === undefined) {
      acc = {
        beforeUsd: 0,
        lostUsd: 0,
        beforeTonnes: 0,
        beforeTonnesKnown: true,
        afterTonnes: 0,
        afterTonnesKnown: true,
        lostTonnes: 0,
        lostTonnesKnown: true,
        lostUsdNoTonnes: 0,
        remaining: new Map(),
      };
      byImporter.set(flow.importer, acc);
    }
    const lost = isFlowLost(flow, scenario);
    acc.beforeUsd += flow.valueUsd;
    if (flow.tonnes === null) acc.beforeTonnesKnown = false;
    else acc.beforeTonnes += flow.tonnes;
    if (lost) {
      acc.lostUsd += flow.valueUsd;
      if (flow.tonnes === null) {
        acc.lostTonnesKnown = false;
        acc.lostUsdNoTonnes += flow.valueUsd;
      } else acc.lostTonnes += flow.tonnes;
    } else {
      if (flow.tonnes === null) acc.afterTonnesKnown = false;
      else acc.afterTonnes += flow.tonnes;
      acc.remaining.set(flow.exporter, (acc.remaining.get(flow.exporter) ?? 0) + flow.valueUsd);
    }
  }

  const rows: ImporterResult[] = [];
  for (const [importer, acc] of byImporter) {
    if (!(acc.beforeUsd > 0)) continue;
    const afterUsd = acc.beforeUsd - acc.lostUsd;
    const topRemaining =
      afterUsd > 0
        ? [...acc.remaining]
            .filter(([, usd]) => usd > 0)
            .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
            .slice(0, TOP_REMAINING)
            .map(([exporter, usd]) => ({ exporter, usd, share: usd / afterUsd }))
        : [];
    rows.push({
      importer,
      beforeUsd: acc.beforeUsd,
      afterUsd,
      lostUsd: acc.lostUsd,
      lossShare: acc.lostUsd / acc.beforeUsd,
      beforeTonnes: acc.beforeTonnesKnown ? acc.beforeTonnes : null,
      afterTonnes: acc.afterTonnesKnown ? acc.afterTonnes : null,
      tonnesComplete: acc.beforeTonnesKnown,
      lostTonnes: acc.lostTonnesKnown ? acc.lostTonnes : null,
      lostTonnesAtLeast: acc.lostTonnes,
      lostUsdNoTonnes: acc.lostUsdNoTonnes,
      topRemaining,
    });
  }
  return rows.sort((a, b) => b.lostUsd - a.lostUsd || compareText(a.importer, b.importer));
}

/** Code-unit order, independent of the locale (ISO3 codes are ASCII). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The CSV's columns, in order. Shares are fractions 0..1; money in USD; quantities in tonnes. */
export const SCENARIO_CSV_COLUMNS: readonly string[] = [
  'importer_iso3',
  'importer',
  'imports_before_usd',
  'imports_after_usd',
  'lost_usd',
  'loss_share',
  'imports_before_tonnes',
  'imports_after_tonnes',
  'tonnes_complete',
  ...[1, 2, 3].flatMap((n) => [
    `remaining_supplier_${n}_iso3`,
    `remaining_supplier_${n}`,
    `remaining_supplier_${n}_usd`,
    `remaining_supplier_${n}_share`,
  ]),
  'lost_tonnes',
  'stockpile_months',
  'stockpile_tonnes',
  'stockpile_usd',
  'mineral',
  'year',
  'scenario',
  'source',
  'coverage',
];

/**
 * RFC 4180 CSV of scenario results: a header row (`header`: SCENARIO_CSV_COLUMNS, or their names in the reader's
 * language from scenario-table.ts scenarioCsvHeader, same order), then one record per row in the given
 * order; records end with CRLF. A field is quoted when it holds a comma, a double quote, CR or LF, with inner
 * quotes doubled. Unknown values (null tonnes, missing suppliers) are empty fields. Shares are written to 6
 * decimals, tonnes to 3, USD as given. `names` maps ISO3 to a display name; `meta` is repeated on every record so
 * each row carries its mineral, year, scenario and source. The stockpile columns are what covering
 * `meta.stockpileMonths` months of the lost imports takes (src/derive/stockpile.ts). The output is plain text:
 * nothing is escaped for or wrapped in HTML.
 */
export function resultsToCsv(
  rows: readonly ImporterResult[],
  names: (iso3: string) => string,
  meta: {
    mineral: string;
    year: number;
    scenario: string;
    source: string;
    stockpileMonths: number;
    /** Which products and whose reports the figures use (product filter), in words. */
    coverage: string;
  },
  header: readonly string[] = SCENARIO_CSV_COLUMNS,
): string {
  const lines = [header.map(csvField)];
  for (const r of rows) {
    const need = stockpileNeed(lostImportsOf(r), meta.stockpileMonths);
    const suppliers = [0, 1, 2].flatMap((i) => {
      const s = r.topRemaining[i];
      return s === undefined
        ? ['', '', '', '']
        : [s.exporter, names(s.exporter), plainNumber(s.usd, 2), plainNumber(s.share, 6)];
    });
    lines.push(
      [
        r.importer,
        names(r.importer),
        plainNumber(r.beforeUsd, 2),
        plainNumber(r.afterUsd, 2),
        plainNumber(r.lostUsd, 2),
        plainNumber(r.lossShare, 6),
        r.beforeTonnes === null ? '' : plainNumber(r.beforeTonnes, 3),
        r.afterTonnes === null ? '' : plainNumber(r.afterTonnes, 3),
        r.tonnesComplete ? 'true' : 'false',
        ...suppliers,
        r.lostTonnes === null ? '' : plainNumber(r.lostTonnes, 3),
        String(meta.stockpileMonths),
        need.tonnes === null ? '' : plainNumber(need.tonnes, 3),
        plainNumber(need.usd, 2),
        meta.mineral,
        String(meta.year),
        meta.scenario,
        meta.source,
        meta.coverage,
      ].map(csvField),
    );
  }
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/** One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF; inner quotes doubled. */
export { csvField } from './csv';

/** A number rounded to at most `decimals` places, without exponent or trailing zeros (1234.5, 0.123457, 0). */
function plainNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}
