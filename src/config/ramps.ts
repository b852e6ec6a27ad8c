// Colour ramps with a fixed 0..1 domain (shares), as typed data; derive/ramp.ts turns them into colours and stops.

/** A ramp: stops [t, [r, g, b]] with t rising from 0 to 1. */
export type Ramp = readonly (readonly [number, readonly [number, number, number]])[];

/**
 * Sequential ramp for shares, fixed domain 0..1 (0-100%) so views stay comparable across filters.
 * Stops from light yellow (small share) to dark red (dominant supplier).
 */
export const SHARE_RAMP: Ramp = [
  [0, [254, 224, 139]],
  [0.1, [253, 174, 97]],
  [0.25, [244, 109, 67]],
  [0.5, [215, 48, 39]],
  [1, [120, 0, 60]],
];

/** Sequential blues for the scenario choropleth (share of imports lost, fixed 0..1), distinct from the arc ramp. */
export const LOSS_RAMP: Ramp = [
  [0, [241, 238, 246]],
  [0.25, [189, 201, 225]],
  [0.5, [116, 169, 207]],
  [0.75, [43, 140, 190]],
  [1, [4, 90, 141]],
];
