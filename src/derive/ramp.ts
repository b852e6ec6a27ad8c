// The one place ramps become colours: a value's colour, CSS gradients, and colour stops for canvas and MapLibre.
import type { Ramp } from '../config/ramps';

/** `rgb(r, g, b)` for CSS, canvas and MapLibre alike. */
export function rgbCss(c: readonly number[]): string {
  return `rgb(${c[0] ?? 0}, ${c[1] ?? 0}, ${c[2] ?? 0})`;
}

/** Colour of a value (0..1) on the ramp, linearly interpolated; values outside the domain are clamped. */
export function rampColor(ramp: Ramp, value: number): [number, number, number] {
  const s = Math.min(1, Math.max(0, value));
  for (let i = 1; i < ramp.length; i++) {
    const [t1, c1] = ramp[i] ?? [1, [0, 0, 0]];
    const [t0, c0] = ramp[i - 1] ?? [0, [0, 0, 0]];
    if (s <= t1) {
      const u = t1 === t0 ? 0 : (s - t0) / (t1 - t0);
      return [0, 1, 2].map((k) => Math.round((c0[k] ?? 0) + ((c1[k] ?? 0) - (c0[k] ?? 0)) * u)) as [
        number,
        number,
        number,
      ];
    }
  }
  const last = ramp[ramp.length - 1]?.[1] ?? [0, 0, 0];
  return [last[0], last[1], last[2]];
}

/** Colour stops [t, css colour] for a canvas gradient (addColorStop) or a MapLibre `interpolate` expression. */
export function rampStops(ramp: Ramp): [number, string][] {
  return ramp.map(([t, c]) => [t, rgbCss(c)]);
}

/** A left-to-right CSS linear-gradient of the ramp (legends). */
export function rampCss(ramp: Ramp): string {
  return `linear-gradient(to right, ${rampStops(ramp)
    .map(([t, c]) => `${c} ${t * 100}%`)
    .join(', ')})`;
}
