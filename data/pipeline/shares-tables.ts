// Shared by the share adapters: per-mineral stage tables, share rounding and row order, USGS rounding tolerance.
import type { ShareRow, ShareTable } from '../../src/data/shares-schema';

/** Half a unit in the second significant figure of x (380,000 -> 5,000; 1,800,000 -> 50,000; 0 -> 0). */
export function halfUnitOfSecondFigure(x: number): number {
  return x > 0 ? 0.5 * 10 ** (Math.floor(Math.log10(x)) - 1) : 0;
}

/**
 * How far the sum of a USGS table's rows may be from its "World total (rounded)", in the table's unit. USGS
 * rounds the world total and the estimated country figures (e.g. gallium 2025e: China 900,000 kg, rows
 * 909,000, world total 900,000), keeping at least two significant figures. If every figure is within half a
 * unit of its second significant figure, the rows' sum is within the sum of those half-units of the total.
 */
export function sumTolerance(worldTotal: number, values: readonly number[]): number {
  return values.reduce((t, v) => t + halfUnitOfSecondFigure(v), halfUnitOfSecondFigure(worldTotal));
}

/** A share (fraction of the world, 0..1) rounded to 4 decimals, i.e. to 0.01 percentage point. */
export const roundShare = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Largest share first, rows without a share last, then by label: a stable, input-independent order. */
export function byShare(a: ShareRow, b: ShareRow): number {
  if (a.share === null || b.share === null) {
    if (a.share !== b.share) return a.share === null ? 1 : -1;
  } else if (a.share !== b.share) return b.share - a.share;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/** One mineral's tables per stage, keyed by data year ("2024", "2025e"). */
export interface StageTables {
  mining: Map<string, ShareTable>;
  refining: Map<string, ShareTable>;
}

export function emptyStages(): StageTables {
  return { mining: new Map(), refining: new Map() };
}
