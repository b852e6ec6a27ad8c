// Colour ramps with a fixed 0..1 domain (shares), as typed data; derive/ramp.ts turns them into colours and stops.
import type { ProjectStage } from '../model/projects';

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

/**
 * Project stages, from early (greys and blues) through building (ambers) to running (green); stalled and cancelled
 * in muted reds. RGB.
 */
export const PROJECT_STAGE_COLORS: Readonly<Record<ProjectStage, readonly [number, number, number]>> = {
  exploration: [156, 163, 175],
  feasibility: [96, 165, 250],
  permitting: [59, 130, 246],
  financing: [124, 58, 237],
  construction: [245, 158, 11],
  commissioning: [234, 88, 12],
  operating: [22, 163, 74],
  stalled: [190, 120, 120],
  cancelled: [153, 27, 27],
};
