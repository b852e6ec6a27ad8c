// Positions and lines on the sphere for sea routes: haversine lengths, longitude unwrapping, great-circle densifying, simplifying.
/** Conventions as in sea-routes.ts: positions are [lng, lat] degrees (WGS84), lengths kilometres (haversine). */
import { simplify } from '@turf/simplify';
import { lineString } from '@turf/helpers';
import { distanceKm, normaliseLng } from '../../src/derive/geo';

/** A position: [longitude, latitude] in degrees. */
export type LngLat = [number, number];

/** Mean Earth radius in km, the value turf uses, so lengths match searoute-js's kilometre output. */
export { EARTH_RADIUS_KM } from '../../src/derive/geo';
export const toRad = (deg: number): number => (deg * Math.PI) / 180;
export const toDeg = (rad: number): number => (rad * 180) / Math.PI;

/**
 * Great-circle distance in km between two [lng, lat] positions (haversine; longitudes may be unwrapped): the one
 * copy shared with the app, src/derive/geo.ts.
 */
export const haversineKm = distanceKm;

/** A finite [lng, lat] number pair (extra elements allowed). */
export function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

/** Normalises a longitude to [-180, 180] (both ends kept as given): src/derive/geo.ts. */
export const normalizeLng = normaliseLng;

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
export function densifyGreatCircle(coords: readonly LngLat[]): LngLat[] {
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
