// Builds the China route-risk geometry from the installed world-atlas countries-50m topology (pipeline and tests).
import { createRequire } from 'node:module';
import { buildRiskGeometry, type RiskGeometry, type Topology } from '../../src/derive/risk-geometry';

/** The world-atlas file used: Natural Earth 1:50m admin-0 countries as TopoJSON (world-atlas 2.0.2, ISC / public domain). */
export const WORLD_ATLAS_COUNTRIES = 'world-atlas/countries-50m.json';

let cached: RiskGeometry | null = null;

/**
 * The RiskGeometry for the pipeline, built once per process from world-atlas countries-50m (China's land and
 * coastline) plus the documented Taiwan Strait and South China Sea polygons. Throws an Error naming the file if it
 * cannot be read or is not a world-atlas countries topology.
 */
export function loadRiskGeometry(): RiskGeometry {
  if (cached !== null) return cached;
  const require = createRequire(import.meta.url);
  let topology: unknown;
  try {
    topology = require(WORLD_ATLAS_COUNTRIES);
  } catch (err) {
    throw new Error(`${WORLD_ATLAS_COUNTRIES} could not be loaded: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const t = topology as { type?: unknown; objects?: unknown } | null;
  if (t?.type !== 'Topology' || typeof t.objects !== 'object' || t.objects === null) {
    throw new Error(`${WORLD_ATLAS_COUNTRIES}: not a TopoJSON Topology`);
  }
  cached = buildRiskGeometry(topology as Topology);
  return cached;
}
