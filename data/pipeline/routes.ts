// One sea route per exporter-importer country pair: the shortest between their ports, its risk reasons, compact path.
import { simplifyRoute, shortestSeaRouteBetween } from './sea-routes';
import { loadRiskGeometry } from './risk-geometry-build';
import { routeRiskReasons } from '../../src/derive/route-risk';
import { encodeRisk } from '../../src/derive/risk-codes';
import type { CountryInfo } from '../../src/model/types';

/** Route simplification tolerance in degrees (about 10 km), and stored precision: tenths of a degree. */
export const ROUTE_TOLERANCE_DEG = 0.1;
export const ROUTE_SCALE = 10;

export interface PairRoute {
  /** Risk bitmask, see src/derive/risk-codes.ts. */
  risk: number;
  /** Sea distance in km, rounded; null without a sea route. */
  km: number | null;
  /** Ports used, by name; null without a sea route. */
  ports: [string, string] | null;
  /**
   * Path as integers in tenths of a degree, delta-encoded: [lng0, lat0, dLng1, dLat1, ...]. Longitudes are unwrapped
   * (may pass ±180 so Pacific crossings stay continuous). null without a sea route.
   */
  path: number[] | null;
}

export function pairKey(exporter: string, importer: string): string {
  return `${exporter}>${importer}`;
}

/** Delta-encode a path in tenths of a degree (see PairRoute.path). */
export function encodePath(coords: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  coords.forEach(([x, y], i) => {
    const qx = Math.round(x * ROUTE_SCALE);
    const qy = Math.round(y * ROUTE_SCALE);
    if (i > 0 && qx === px && qy === py) return;
    out.push(i === 0 ? qx : qx - px, i === 0 ? qy : qy - py);
    px = qx;
    py = qy;
  });
  return out;
}

/**
 * Routes for every pair. Countries without ports (land-locked, or no port in the index) and pairs whose ports are off
 * the network get the overland bit and only the origin/destination reasons. Deterministic: pairs sorted.
 */
export function computePairRoutes(
  pairs: Iterable<string>,
  countries: ReadonlyMap<string, CountryInfo>,
): Map<string, PairRoute> {
  const geo = loadRiskGeometry();
  const out = new Map<string, PairRoute>();
  for (const key of [...new Set(pairs)].sort()) {
    const [exporter = '', importer = ''] = key.split('>');
    const from = countries.get(exporter)?.ports ?? [];
    const to = countries.get(importer)?.ports ?? [];
    const best =
      from.length > 0 && to.length > 0
        ? shortestSeaRouteBetween(
            from.map((p) => ({ lng: p.position[0], lat: p.position[1] })),
            to.map((p) => ({ lng: p.position[0], lat: p.position[1] })),
          )
        : null;
    if (!best) {
      out.set(key, {
        risk: encodeRisk(routeRiskReasons({ exporter, importer }, null, geo), true),
        km: null,
        ports: null,
        path: null,
      });
      continue;
    }
    const reasons = routeRiskReasons({ exporter, importer }, best.route.coordinates, geo);
    out.set(key, {
      risk: encodeRisk(reasons, false),
      km: Math.round(best.route.lengthKm),
      ports: [from[best.fromIndex]?.name ?? '', to[best.toIndex]?.name ?? ''],
      path: encodePath(simplifyRoute(best.route.coordinates, ROUTE_TOLERANCE_DEG)),
    });
  }
  return out;
}
