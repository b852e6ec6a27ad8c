// Antimeridian handling for polygon rings and points: unwrap longitudes so nothing streaks across the map.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Make a ring's longitudes continuous: whenever two consecutive vertices are more than 180 degrees apart,
 * later vertices are shifted by ±360. The result may have longitudes outside [-180, 180]
 * (MapLibre draws those on the neighbouring world copy, which is what we want for Chukotka or Fiji).
 * A ring that wraps the whole globe (Antarctica) is closed through the pole at -90 or +90 instead.
 * A ring that needs none of this (most of them) is returned as it is, not copied.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  if (isPlainRing(ring)) return ring as Position[];
  const out: Position[] = [];
  let offset = 0;
  let prev: number | null = null;
  for (const p of ring) {
    const lng = p[0] ?? 0;
    if (prev !== null) {
      const d = lng - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    prev = lng;
    out.push([lng + offset, p[1] ?? 0]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && Math.abs((last[0] ?? 0) - (first[0] ?? 0)) > 180) {
    // Polar ring: it went once round the globe. Close it along the nearer pole.
    const meanLat = out.reduce((s, p) => s + (p[1] ?? 0), 0) / out.length;
    const pole = meanLat < 0 ? -90 : 90;
    out.push([last[0] ?? 0, pole], [first[0] ?? 0, pole], [first[0] ?? 0, first[1] ?? 0]);
  }
  // Keep the ring mostly within [-180, 180]: shift whole ring if its centre lies beyond.
  const mid = out.reduce((s, p) => s + (p[0] ?? 0), 0) / Math.max(1, out.length);
  const shift = mid > 180 ? -360 : mid < -180 ? 360 : 0;
  return shift === 0 ? out : out.map((p) => [(p[0] ?? 0) + shift, p[1] ?? 0]);
}

/**
 * True when unwrapRing would return the ring unchanged: no step of more than 180 degrees, longitudes within
 * [-180, 180] and the centre (mean longitude) within them too. Most rings of a world basemap; checked without
 * allocating.
 */
function isPlainRing(ring: readonly Position[]): boolean {
  let prev: number | null = null;
  let sum = 0;
  for (const p of ring) {
    const lng = p[0] ?? 0;
    if (p.length !== 2 || lng < -180 || lng > 180 || p[1] === undefined) return false;
    if (prev !== null && Math.abs(lng - prev) > 180) return false;
    prev = lng;
    sum += lng;
  }
  const first = ring[0]?.[0] ?? 0;
  const mid = sum / Math.max(1, ring.length);
  return Math.abs((prev ?? 0) - first) <= 180 && mid >= -180 && mid <= 180;
}

/** Unwrap every ring of a Polygon or MultiPolygon (see unwrapRing). */
export function unwrapPolygonal<T extends Polygon | MultiPolygon>(geometry: T): T {
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  }
  return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(unwrapRing)) };
}

/**
 * Shift `toLng` by ±360 so that it lies within 180 degrees of `fromLng`: an arc drawn between the two then
 * takes the short way round (e.g. Australia -> United States across the Pacific, not across Africa).
 */
export function shortWayLng(fromLng: number, toLng: number): number {
  let d = toLng - fromLng;
  while (d > 180) d -= 360;
  while (d < -180) d += 360;
  return fromLng + d;
}
