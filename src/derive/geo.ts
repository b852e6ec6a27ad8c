// Shared geometry on the sphere: longitude normalisation and great-circle distance (one copy for app and pipeline).

/** Mean Earth radius in km (IUGG), the radius @turf/distance uses. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Longitude in [-180, 180]: values already in range are returned as they are (180 stays 180), others wrapped. */
export function normaliseLng(lng: number): number {
  if (lng >= -180 && lng <= 180) return lng;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/**
 * Great-circle distance in km between two points given as longitude and latitude in degrees (haversine on the mean
 * radius; agrees with @turf/distance in kilometres, checked in tests/unit/geo.test.ts). Plain numbers, no objects:
 * route-risk calls it for every sample of every route.
 */
export function haversineKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** Great-circle distance in km between two [lng, lat] points. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  return haversineKm(a[0], a[1], b[0], b[1]);
}
