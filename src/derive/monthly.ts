// The before-and-after chart's arithmetic: which monthly series a measure has, months as indexes, the drawn polyline.
import type { Measure, MonthlySeries } from '../model/measures';

/** Months from `start` (YYYY-MM) to `date` (YYYY-MM-DD or YYYY-MM): 0 for the start month, negative before it. */
export function monthIndex(start: string, date: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [dy, dm] = date.split('-').map(Number) as [number, number];
  return (dy - sy) * 12 + (dm - sm);
}

/** `YYYY-MM` of the month `i` months after `start`. */
export function monthAt(start: string, i: number): string {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const k = sy * 12 + (sm - 1) + i;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The monthly series for a measure: same exporter, and the series stands for one of the measure's minerals. */
export function seriesFor(m: Measure, all: readonly MonthlySeries[]): MonthlySeries | null {
  return (
    all.find((x) => x.exporter === m.country && x.minerals.some((id) => m.minerals.includes(id))) ?? null
  );
}

export interface ChartGeometry {
  /** SVG polyline points per unbroken run of months with a figure. */
  runs: string[];
  /** x of the in-force date, or null when it falls outside the series. */
  markerX: number | null;
  /** Largest monthly value (USD), the top of the y axis. */
  max: number;
  first: string;
  last: string;
}

/**
 * The chart in a `width` x `height` box: months evenly spaced left to right, 0 at the bottom and the largest month at
 * the top. Months without a figure break the line (never drawn as 0).
 */
export function chartGeometry(
  s: MonthlySeries,
  inForce: string | null,
  width: number,
  height: number,
): ChartGeometry {
  const n = s.valueUsd.length;
  const max = Math.max(0, ...s.valueUsd.map((v) => v ?? 0));
  const x = (i: number) => (n <= 1 ? 0 : (i / (n - 1)) * width);
  const y = (v: number) => (max > 0 ? height - (v / max) * height : height);
  const runs: string[] = [];
  let run: string[] = [];
  s.valueUsd.forEach((v, i) => {
    if (v === null) {
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length > 0) runs.push(run.join(' '));
  const at = inForce === null ? -1 : monthIndex(s.start, inForce);
  return {
    runs,
    markerX: at >= 0 && at < n ? x(at) : null,
    max,
    first: s.start,
    last: monthAt(s.start, n - 1),
  };
}
