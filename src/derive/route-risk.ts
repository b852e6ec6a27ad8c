// Why a trade flow's sea route is exposed to China: origin, destination, transit past its coast, South China Sea.
/**
 * Pure (no DOM, no rendering): the pipeline calls it once per country pair and stores the reasons; the app may call
 * it too. Routes are arrays of [lng, lat] degrees as sea-routes.ts produces them: longitudes UNWRAPPED (they may
 * leave [-180, 180] on a Pacific crossing) and normalised here before any test.
 *
 * Reasons (returned in RISK_REASONS order, without duplicates):
 * - `origin`: the exporter is China, Hong Kong or Macao (CHN, HKG, MAC).
 * - `destination`: the importer is CHN, HKG or MAC.
 * - `transit`: the route passes within 200 nautical miles (TRANSIT_DISTANCE_KM = 370.4 km) of China's coastline
 *   (mainland and Hainan; Taiwan is not China's coast here) while in China's marginal seas (the Bohai, Yellow and
 *   East China seas, the Taiwan Strait and the South China Sea, see risk-geometry.ts), or through the Taiwan
 *   Strait polygon. The distance is a straight great-circle line, which can cross land; counting it only in those
 *   seas keeps a route in the Sea of Japan (Vladivostok -> Busan, 358 km from the Yalu mouth across North Korea)
 *   or east of Taiwan from being "near China" over land.
 *   Chinese end points: "transit" means passing by, and a route from Shanghai trivially starts at China's coast.
 *   So when the exporter (importer) is CHN, HKG or MAC, the opening (closing) stretch of the route that stays
 *   continuously within 200 nmi of the coast is the departure (approach) and does not count; if the route later
 *   leaves the zone and comes back, the return counts. The Taiwan Strait counts wherever it is crossed (the chosen
 *   Chinese ports, Shanghai, Hong Kong and Macau, lie outside the strait polygon, so this is never trivial for
 *   them). Non-Chinese end points get no exemption: a route from Taiwan or Hai Phong starts inside the zone and is
 *   transit.
 * - `south-china-sea`: some point of the route lies in the South China Sea polygon (see risk-geometry.ts for its
 *   limits and sources). Ports on that sea (Hong Kong, Manila, Kuantan, Hai Phong...) therefore always have it.
 * - `route === null` (overland, land-locked, no sea route): only origin and destination can apply.
 *
 * Method: the route is sampled every SAMPLE_STEP_KM (10 km) along straight lng/lat segments (as drawn on the map).
 * A sample's distance to the coastline is the great-circle (haversine) distance to the nearest point of the
 * nearest coastline segment, that point being found in a local equirectangular frame; only coastline segments
 * registered in the sample's 1-degree grid cell are tested, and a sample outside the coastline's bounding box
 * grown by 200 nmi is skipped at once. Polygons are tested with @turf/boolean-point-in-polygon after a bounding-box
 * check. The prepared form of a RiskGeometry is cached per object (WeakMap), so build the geometry once and reuse
 * it for every call.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import type { RiskGeometry } from './risk-geometry';
import { CHINA_ISO3 } from '../config/china';
import { RISK_REASONS, type RiskReason } from '../model/filters';
import { EARTH_RADIUS_KM, haversineKm, normaliseLng } from './geo';

export type { RiskGeometry } from './risk-geometry';

/** One international nautical mile, in km. */
export const NAUTICAL_MILE_KM = 1.852;
/** The transit distance: 200 nautical miles = 370.4 km. */
export const TRANSIT_DISTANCE_NMI = 200;
export const TRANSIT_DISTANCE_KM = TRANSIT_DISTANCE_NMI * NAUTICAL_MILE_KM;
/** Spacing of the points a route is tested at, km. */
export const SAMPLE_STEP_KM = 10;

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const GRID_DEG = 1;

type BBox = [number, number, number, number];

interface PreparedPolygon {
  polygon: Polygon;
  bbox: BBox;
}

interface PreparedGeometry {
  /** Coastline segments as [lng1, lat1, lng2, lat2, ...]. */
  segments: Float64Array;
  /** Grid cell key -> indexes of the segments that come within TRANSIT_DISTANCE_KM of the cell. */
  grid: Map<number, Int32Array>;
  /** Coastline bounding box grown by TRANSIT_DISTANCE_KM. */
  nearBox: BBox;
  eastChinaSeas: PreparedPolygon;
  taiwanStrait: PreparedPolygon;
  southChinaSea: PreparedPolygon;
}

const prepared = new WeakMap<RiskGeometry, PreparedGeometry>();

const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** True for CHN, HKG and MAC. */
export function isChineseIso3(iso3: string): boolean {
  return CHINA_ISO3.has(iso3);
}

function inBox(b: BBox, lng: number, lat: number): boolean {
  return lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];
}

function cellKey(lng: number, lat: number): number {
  return (Math.floor(lat / GRID_DEG) + 90) * 400 + (Math.floor(lng / GRID_DEG) + 200);
}

function preparePolygon(polygon: Polygon): PreparedPolygon {
  const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of polygon.coordinates) {
    for (const p of ring) {
      const lng = p[0] as number;
      const lat = p[1] as number;
      bbox[0] = Math.min(bbox[0], lng);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lng);
      bbox[3] = Math.max(bbox[3], lat);
    }
  }
  return { polygon, bbox };
}

function prepare(geo: RiskGeometry): PreparedGeometry {
  const cached = prepared.get(geo);
  if (cached !== undefined) return cached;

  const coords: number[] = [];
  for (const line of geo.chinaCoastline.coordinates) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as number[];
      const b = line[i] as number[];
      coords.push(normaliseLng(a[0] as number), a[1] as number, normaliseLng(b[0] as number), b[1] as number);
    }
  }
  const segments = Float64Array.from(coords);
  const nearBox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const cells = new Map<number, number[]>();
  const latPad = TRANSIT_DISTANCE_KM / KM_PER_DEGREE;
  for (let s = 0; s < segments.length / 4; s++) {
    const x1 = segments[4 * s] as number;
    const y1 = segments[4 * s + 1] as number;
    const x2 = segments[4 * s + 2] as number;
    const y2 = segments[4 * s + 3] as number;
    const minLat = Math.min(y1, y2) - latPad;
    const maxLat = Math.max(y1, y2) + latPad;
    const lngPad = latPad / Math.cos(toRad(Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)))));
    const minLng = Math.min(x1, x2) - lngPad;
    const maxLng = Math.max(x1, x2) + lngPad;
    nearBox[0] = Math.min(nearBox[0], minLng);
    nearBox[1] = Math.min(nearBox[1], minLat);
    nearBox[2] = Math.max(nearBox[2], maxLng);
    nearBox[3] = Math.max(nearBox[3], maxLat);
    for (let lat = Math.floor(minLat / GRID_DEG) * GRID_DEG; lat <= maxLat; lat += GRID_DEG) {
      for (let lng = Math.floor(minLng / GRID_DEG) * GRID_DEG; lng <= maxLng; lng += GRID_DEG) {
        const key = cellKey(lng, lat);
        const list = cells.get(key);
        if (list === undefined) cells.set(key, [s]);
        else list.push(s);
      }
    }
  }
  const grid = new Map<number, Int32Array>();
  for (const [key, list] of cells) grid.set(key, Int32Array.from(list));

  const result: PreparedGeometry = {
    segments,
    grid,
    nearBox,
    eastChinaSeas: preparePolygon(geo.eastChinaSeas),
    taiwanStrait: preparePolygon(geo.taiwanStrait),
    southChinaSea: preparePolygon(geo.southChinaSea),
  };
  prepared.set(geo, result);
  return result;
}

/** True when [lng, lat] (lng in [-180, 180]) is within TRANSIT_DISTANCE_KM of the coastline (straight line). */
function nearCoast(g: PreparedGeometry, lng: number, lat: number): boolean {
  if (!inBox(g.nearBox, lng, lat)) return false;
  const candidates = g.grid.get(cellKey(lng, lat));
  if (candidates === undefined) return false;
  const k = Math.cos(toRad(lat));
  const s = g.segments;
  for (const i of candidates) {
    const x1 = s[4 * i] as number;
    const y1 = s[4 * i + 1] as number;
    const x2 = s[4 * i + 2] as number;
    const y2 = s[4 * i + 3] as number;
    const ax = (x1 - lng) * k;
    const ay = y1 - lat;
    const dx = (x2 - x1) * k;
    const dy = y2 - y1;
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len));
    if (haversineKm(lng, lat, x1 + t * (x2 - x1), y1 + t * dy) <= TRANSIT_DISTANCE_KM) return true;
  }
  return false;
}

function inPolygon(p: PreparedPolygon, lng: number, lat: number): boolean {
  return inBox(p.bbox, lng, lat) && booleanPointInPolygon([lng, lat], p.polygon);
}

/** True inside China's marginal seas: the Bohai, Yellow and East China seas, the Taiwan Strait, the South China Sea. */
function inMarginalSeas(g: PreparedGeometry, lng: number, lat: number): boolean {
  return (
    inPolygon(g.eastChinaSeas, lng, lat) ||
    inPolygon(g.taiwanStrait, lng, lat) ||
    inPolygon(g.southChinaSea, lng, lat)
  );
}

/** Points along the route every SAMPLE_STEP_KM or closer (all vertices included), longitudes normalised. */
function sampleRoute(route: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  route.forEach((c, i) => {
    if (!Number.isFinite(c[0]) || !Number.isFinite(c[1]) || Math.abs(c[1]) > 90) {
      throw new TypeError(`routeRiskReasons: route[${i}] is not a finite [lng, lat]: ${JSON.stringify(c)}`);
    }
    const p = route[i - 1];
    if (p !== undefined) {
      const steps = Math.ceil(haversineKm(p[0], p[1], c[0], c[1]) / SAMPLE_STEP_KM);
      for (let s = 1; s < steps; s++) {
        const f = s / steps;
        out.push([normaliseLng(p[0] + f * (c[0] - p[0])), p[1] + f * (c[1] - p[1])]);
      }
    }
    out.push([normaliseLng(c[0]), c[1]]);
  });
  return out;
}

/**
 * The reasons a flow's route is exposed to China, in RISK_REASONS order (empty when none). `flow.exporter` and
 * `flow.importer` are ISO3 codes; `route` is the sea route as [lng, lat] degrees (unwrapped longitudes allowed), or
 * null when the flow has no sea route. Throws a TypeError for a route point that is not a finite [lng, lat].
 * See the file comment for the rules, units and edge cases.
 */
export function routeRiskReasons(
  flow: { exporter: string; importer: string },
  route: readonly (readonly [number, number])[] | null,
  geo: RiskGeometry,
): RiskReason[] {
  const fromChina = isChineseIso3(flow.exporter);
  const toChina = isChineseIso3(flow.importer);
  const reasons = new Set<RiskReason>();
  if (fromChina) reasons.add('origin');
  if (toChina) reasons.add('destination');

  if (route !== null && route.length > 0) {
    const g = prepare(geo);
    const samples = sampleRoute(route);
    const near = samples.map(([lng, lat]) => nearCoast(g, lng, lat) && inMarginalSeas(g, lng, lat));
    // Departure and approach exemptions for Chinese end points.
    let first = 0;
    let last = near.length - 1;
    if (fromChina) while (first <= last && near[first]) first++;
    if (toChina) while (last >= first && near[last]) last--;
    for (let i = first; i <= last; i++) {
      if (near[i]) {
        reasons.add('transit');
        break;
      }
    }
    let scs = false;
    for (const [lng, lat] of samples) {
      if (!reasons.has('transit') && inPolygon(g.taiwanStrait, lng, lat)) reasons.add('transit');
      if (!scs && inPolygon(g.southChinaSea, lng, lat)) scs = true;
      if (scs && reasons.has('transit')) break;
    }
    if (scs) reasons.add('south-china-sea');
  }
  return RISK_REASONS.filter((r) => reasons.has(r));
}
