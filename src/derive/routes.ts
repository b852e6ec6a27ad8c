// Decoding the compact sea-route file: delta-encoded integer paths (tenths of a degree) -> [lng, lat] degrees.
import { type RouteInfo } from '../model/view';
import type { RoutesFile } from '../data/schema';

/** Inverse of the pipeline's encodePath: [x0, y0, dx1, dy1, ...] in 1/scale degrees -> [lng, lat][] (unwrapped). */
export function decodePath(path: readonly number[], scale: number): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < path.length; i += 2) {
    x += path[i] ?? 0;
    y += path[i + 1] ?? 0;
    out.push([x / scale, y / scale]);
  }
  return out;
}

export function decodeRoutes(file: RoutesFile): Map<string, RouteInfo> {
  const out = new Map<string, RouteInfo>();
  for (const [key, r] of Object.entries(file.pairs)) {
    out.set(key, { path: r.path ? decodePath(r.path, file.scale) : null, km: r.km, ports: r.ports });
  }
  return out;
}
