// Stockpile cover for one product's lost imports: tonnes and USD needed for some months, months a stockpile lasts.
import type { Iso3 } from '../model/types';
import type { ImporterResult } from './scenario';

/**
 * What one importer loses of one product in one year under a supply shock: `lostUsd` in current US dollars a year,
 * `lostTonnes` in metric tonnes a year, null where the trade data gives no quantity for some of the flows. One
 * product per call: tonnes of different products (ore, oxide, magnets) never add up.
 */
export interface LostImports {
  importer: Iso3;
  lostUsd: number;
  lostTonnes: number | null;
  /** Tonnes of the lost flows that have a quantity (equal to lostTonnes when that is known); default 0. */
  lostTonnesAtLeast?: number;
  /** USD of the lost flows without a quantity; default 0. */
  lostUsdNoTonnes?: number;
}

/** What a stockpile covering `months` of an importer's lost imports must hold; tonnes null where unknown. */
export interface StockpileNeed {
  importer: Iso3;
  months: number;
  /** Metric tonnes: lostTonnes / 12 * months. */
  tonnes: number | null;
  /** US dollars at the trade year's prices: lostUsd / 12 * months. */
  usd: number;
  /** Tonnes for the lost flows that have a quantity: a lower bound where `tonnes` is null. */
  tonnesAtLeast: number;
  /** Share (0..1) of the lost value whose tonnes are unknown. */
  unquantifiedShare: number;
}

/**
 * A scenario result as lost imports: tonnes are those of the lost flows themselves (known when each lost flow has a
 * quantity, even where some remaining flow has none).
 */
export function lostImportsOf(r: ImporterResult): LostImports {
  return {
    importer: r.importer,
    lostUsd: r.lostUsd,
    lostTonnes: r.lostTonnes,
    lostTonnesAtLeast: r.lostTonnesAtLeast,
    lostUsdNoTonnes: r.lostUsdNoTonnes,
  };
}

/** Monthly loss: a year's loss spread evenly over 12 months (no seasonality is known). */
const perMonth = (perYear: number) => perYear / 12;

/** Tonnes and USD needed to cover `months` (>= 0) of the lost imports. */
export function stockpileNeed(lost: LostImports, months: number): StockpileNeed {
  return {
    importer: lost.importer,
    months,
    tonnes: lost.lostTonnes === null ? null : perMonth(lost.lostTonnes) * months,
    usd: perMonth(lost.lostUsd) * months,
    tonnesAtLeast: perMonth(lost.lostTonnes ?? lost.lostTonnesAtLeast ?? 0) * months,
    unquantifiedShare: lost.lostUsd > 0 ? (lost.lostUsdNoTonnes ?? 0) / lost.lostUsd : 0,
  };
}

/**
 * Months a stockpile of `stockpileTonnes` metric tonnes covers: stockpile / (lostTonnes / 12). Null where the lost
 * tonnes are unknown; Infinity where nothing is lost (any stockpile lasts).
 */
export function monthsCovered(lost: Pick<LostImports, 'lostTonnes'>, stockpileTonnes: number): number | null {
  if (lost.lostTonnes === null) return null;
  if (lost.lostTonnes === 0) return Infinity;
  return stockpileTonnes / perMonth(lost.lostTonnes);
}

/** The same figures for a partner set taken together, and the importers whose tonnes are unknown. */
export interface PartnerStockpile {
  /** The partners with lost imports, sorted. */
  importers: Iso3[];
  months: number;
  /** Metric tonnes for the whole set; null when any partner's lost tonnes are unknown. */
  tonnes: number | null;
  /** Metric tonnes of every partner's lost flows that have a quantity (a lower bound when `tonnes` is null). */
  tonnesKnown: number;
  /** Partners whose lost tonnes are unknown, sorted. */
  tonnesUnknown: Iso3[];
  /** US dollars for the whole set. */
  usd: number;
  /** Months a joint stockpile of `stockpileTonnes` covers for the whole set (see monthsCovered). */
  monthsCovered: number | null;
}

/**
 * Stockpile figures for the importers in `partners` together: the tonnes and USD to cover `months`, and how long a
 * joint stockpile of `stockpileTonnes` lasts. Importers outside the set are ignored; a partner without a row loses
 * nothing.
 */
export function partnerStockpile(
  rows: readonly LostImports[],
  partners: ReadonlySet<Iso3>,
  months: number,
  stockpileTonnes: number,
): PartnerStockpile {
  const inSet = rows.filter((r) => partners.has(r.importer));
  const tonnesUnknown = inSet.filter((r) => r.lostTonnes === null).map((r) => r.importer);
  // Each partner's tonnes, or where some of its lost flows lack a quantity, those of the flows that have one.
  const tonnesKnown = inSet.reduce((s, r) => s + (r.lostTonnes ?? r.lostTonnesAtLeast ?? 0), 0);
  const lostTonnes = tonnesUnknown.length === 0 ? tonnesKnown : null;
  const lostUsd = inSet.reduce((s, r) => s + r.lostUsd, 0);
  const need = stockpileNeed({ importer: 'ALL', lostUsd, lostTonnes }, months);
  return {
    importers: inSet.map((r) => r.importer).sort(),
    months,
    tonnes: need.tonnes,
    tonnesKnown: perMonth(tonnesKnown) * months,
    tonnesUnknown: tonnesUnknown.sort(),
    usd: need.usd,
    monthsCovered: monthsCovered({ lostTonnes }, stockpileTonnes),
  };
}
