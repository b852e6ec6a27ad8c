// Flow derivations: exporter shares, the legible subset of a view, arc end points the short way round, widths, colours.
import { WIDTH_MAX_PX, WIDTH_MIN_PX, WIDTH_REF_TONNES, WIDTH_REF_USD } from '../config/app';
import type { CountryInfo, Flow } from '../model/types';
import { shortWayLng } from './antimeridian';
import { SHARE_RAMP } from '../config/ramps';
import { distanceKm } from './geo';
import { rampColor } from './ramp';
import type { FlowTable } from './flow-table';

/**
 * Each exporter's share (0..1) of world exports of a product in the flows' year, keyed `${hs}|${exporter}`.
 * "World" is the sum of all rows of that HS code in the file: complete for 2022 and 2024, top partners otherwise.
 */
export function exporterShares(flows: readonly Flow[]): Map<string, number> {
  const totals = new Map<string, number>();
  const byExporter = new Map<string, number>();
  for (const f of flows) {
    totals.set(f.hs, (totals.get(f.hs) ?? 0) + f.valueUsd);
    const k = `${f.hs}|${f.exporter}`;
    byExporter.set(k, (byExporter.get(k) ?? 0) + f.valueUsd);
  }
  const shares = new Map<string, number>();
  for (const [k, v] of byExporter) {
    const total = totals.get(k.split('|')[0] ?? '') ?? 0;
    shares.set(k, total > 0 ? v / total : 0);
  }
  return shares;
}

/**
 * Each flow's share (0..1) of its importer's imports of that product in the year: how dependent the importer is on
 * that exporter. Keyed `${hs}|${exporter}|${importer}`. Imports are the sum of the file's rows to that importer.
 */
export function importerDependence(flows: readonly Flow[]): Map<string, number> {
  const imports = new Map<string, number>();
  for (const f of flows)
    imports.set(`${f.hs}|${f.importer}`, (imports.get(`${f.hs}|${f.importer}`) ?? 0) + f.valueUsd);
  const out = new Map<string, number>();
  for (const f of flows) {
    const total = imports.get(`${f.hs}|${f.importer}`) ?? 0;
    const k = `${f.hs}|${f.exporter}|${f.importer}`;
    out.set(k, (out.get(k) ?? 0) + (total > 0 ? f.valueUsd / total : 0));
  }
  return out;
}

const DEG = Math.PI / 180;

/** Longitude (degrees) of the great-circle midpoint between two [lng, lat] points. */
export function greatCircleMidLng(a: readonly [number, number], b: readonly [number, number]): number {
  const [l1, p1] = [a[0] * DEG, a[1] * DEG];
  const [l2, p2] = [b[0] * DEG, b[1] * DEG];
  const bx = Math.cos(p2) * Math.cos(l2 - l1);
  const by = Math.cos(p2) * Math.sin(l2 - l1);
  return (l1 + Math.atan2(by, Math.cos(p1) + bx)) / DEG;
}

/**
 * Arc end points drawn the short way round: the target longitude is shifted by ±360 so that the flat arc passes the
 * great-circle midpoint's side of the globe (Australia -> United States and Chile -> China cross the Pacific).
 * The target longitude may fall outside [-180, 180]; MapLibre and deck.gl draw it on the neighbouring world copy.
 */
export function arcEndpoints(
  from: readonly [number, number],
  to: readonly [number, number],
): [[number, number], [number, number]] {
  const mid = greatCircleMidLng(from, to);
  // The two ways round: eastward (target within 360 degrees east of the source) or westward.
  // Whole-turn shifts only (to +- 360k), so the target keeps its exact longitude modulo 360.
  const candidates = [to[0] - 720, to[0] - 360, to[0], to[0] + 360, to[0] + 720];
  const east = candidates.find((c) => c >= from[0] && c < from[0] + 360) ?? to[0];
  const west = candidates.find((c) => c < from[0] && c >= from[0] - 360) ?? to[0];
  const gap = (candidate: number) => Math.abs(shortWayLng(mid, (from[0] + candidate) / 2) - mid);
  const target = gap(east) <= gap(west) ? east : west;
  return [
    [from[0], from[1]],
    [target, to[1]],
  ];
}

/** Arc width in pixels for a quantity in tonnes (sqrt scale, fixed reference); unknown tonnes get the minimum width. */
export function widthPxTonnes(tonnes: number | null): number {
  if (tonnes === null) return WIDTH_MIN_PX;
  const t = Math.sqrt(Math.max(0, tonnes) / WIDTH_REF_TONNES);
  return Math.min(WIDTH_MAX_PX, WIDTH_MIN_PX + (WIDTH_MAX_PX - WIDTH_MIN_PX) * t);
}

/** Arc width in pixels: sqrt scale of USD value with a fixed reference, so widths compare across views. */
export function widthPx(valueUsd: number): number {
  const t = Math.sqrt(Math.max(0, valueUsd) / WIDTH_REF_USD);
  return Math.min(WIDTH_MAX_PX, WIDTH_MIN_PX + (WIDTH_MAX_PX - WIDTH_MIN_PX) * t);
}

/** Colour of a share (0..1) on the fixed ramp; values outside the domain are clamped. */
export function shareColor(share: number): [number, number, number] {
  return rampColor(SHARE_RAMP, share);
}

/**
 * The two anchor points a flow is drawn between: for countries with two ports (e.g. the United States' Pacific and
 * Atlantic coasts) the pair of ports closest to each other; otherwise each country's anchor.
 */
export function closestPair(from: CountryInfo, to: CountryInfo): [[number, number], [number, number]] {
  const a = from.ports.length > 0 ? from.ports.map((p) => p.position) : [from.anchor];
  const b = to.ports.length > 0 ? to.ports.map((p) => p.position) : [to.anchor];
  let best: [[number, number], [number, number]] = [from.anchor, to.anchor];
  let bestKm = Infinity;
  for (const p of a) {
    for (const q of b) {
      const km = distanceKm(p, q);
      if (km < bestKm) {
        bestKm = km;
        best = [p, q];
      }
    }
  }
  return best;
}

/** One arc ready to draw: one per flow of the year, stable while filters change, so deck.gl can keep its buffers. */
export interface ArcDatum {
  flow: Flow;
  source: [number, number];
  target: [number, number];
  /** Exporter's share of world exports of the product, 0..1. */
  exporterShare: number;
  /** This flow's share of the importer's imports of the product, 0..1. */
  importerDependence: number;
}

/**
 * Every flow of the year's table (largest first) as an arc, with its shares from the table's columns (the same
 * figures as exporterShares and importerDependence). Flows whose countries have no anchor are left out.
 */
export function buildArcs(t: FlowTable, countries: ReadonlyMap<string, CountryInfo>): ArcDatum[] {
  const out: ArcDatum[] = [];
  // End points depend only on the country pair: compute each pair once (a year has ~5k pairs, up to 1M flows).
  const ends = new Map<string, [[number, number], [number, number]] | null>();
  for (let r = 0; r < t.flows.length; r++) {
    const flow = t.flows[r] as Flow;
    const key = `${flow.exporter}>${flow.importer}`;
    let pair = ends.get(key);
    if (pair === undefined) {
      const from = countries.get(flow.exporter);
      const to = countries.get(flow.importer);
      pair = from && to ? arcEndpoints(...closestPair(from, to)) : null;
      ends.set(key, pair);
    }
    if (!pair) continue;
    const [source, target] = pair;
    out.push({
      flow,
      source,
      target,
      exporterShare: t.exporterShare[r] ?? 0,
      importerDependence: t.importerDependence[r] ?? 0,
    });
  }
  return out;
}
