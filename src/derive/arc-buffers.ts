// Per-mineral typed arrays for the GPU: arc end points, filter values, risk codes, colours and widths (no deck.gl here).
import { arcEndpoints, closestPair, shareColor, widthPx, widthPxTonnes, type ArcDatum } from './flows';
import { isOverland } from './risk-codes';
import type { FlowTable } from './flow-table';
import type { CountryInfo, Flow } from '../model/types';

/**
 * One mineral's arcs in table order (largest value first), so that the arcs at or above a value threshold are a
 * prefix: the layer draws only that prefix (its instance count) and the GPU filter decides within it.
 * Flows whose exporter or importer has no map anchor are left out (they cannot be drawn).
 */
export interface ArcBuffers {
  mineral: number;
  length: number;
  /**
   * float32 value of the mineral's largest flow left out (the buffers hold a prefix: see buildArcBuffers), or
   * -Infinity when every flow of the mineral is in. The buffers can draw every threshold above it.
   */
  rest: number;
  /** Table row of each arc. */
  rows: Int32Array;
  /** float32 value (USD) per arc, non-increasing. */
  value: Float32Array;
  /** [lng, lat, 0] per arc, degrees; the target longitude is shifted so the arc goes the short way round. */
  sourcePositions: Float64Array;
  targetPositions: Float64Array;
  /** [value USD, exporter index, importer index, has a sea route (1) or not (0)] per arc. */
  filterValues: Float32Array;
  /** China route-risk code per arc (the GPU filter's category). */
  riskCodes: Uint32Array;
  /** Exporter's share of world exports of the product, and the flow's share of the importer's imports (0..1). */
  exporterShare: Float32Array;
  importerDependence: Float32Array;
}

/**
 * Arc end points per country pair (by FilterIndex.country), computed once and kept across minerals and years
 * (~5k pairs). Typed storage: a map of string keys to nested arrays cost ~0.7 MB of heap.
 */
export class EndpointCache {
  /** Per exporter * size + importer: slot + 1, 0 = not computed yet, -1 = not drawable. */
  private slots: Int32Array;
  /** Four numbers per slot: source lng, lat, target lng, lat. */
  private points = new Float64Array(4 * 1024);
  private used = 0;
  constructor(private readonly size: number) {
    this.slots = new Int32Array(size * size);
  }
  /**
   * Writes the pair's [sx, sy, tx, ty] into `out` and returns true; false if the pair cannot be drawn; undefined if
   * it has not been computed yet (then `put` it).
   */
  lookup(e: number, i: number, out: Float64Array): boolean | undefined {
    if (e < 0 || i < 0 || e >= this.size || i >= this.size) return false;
    const slot = this.slots[e * this.size + i] as number;
    if (slot === 0) return undefined;
    if (slot < 0) return false;
    out.set(this.points.subarray(4 * (slot - 1), 4 * slot));
    return true;
  }
  put(e: number, i: number, pair: [[number, number], [number, number]] | null): void {
    if (e < 0 || i < 0 || e >= this.size || i >= this.size) return;
    const key = e * this.size + i;
    if (!pair) {
      this.slots[key] = -1;
      return;
    }
    if (4 * (this.used + 1) > this.points.length) {
      const grown = new Float64Array(this.points.length * 2);
      grown.set(this.points);
      this.points = grown;
    }
    this.points.set([pair[0][0], pair[0][1], pair[1][0], pair[1][1]], 4 * this.used);
    this.slots[key] = ++this.used;
  }
}

/**
 * The mineral's arcs whose value is at least `minValue` (float32, as the table's value column), and at least
 * `minCount` arcs when the mineral has them: only what a threshold draws is built (at the default 95% cut-off
 * about 200 of a mineral's thousands of flows). Without bounds, every arc of the mineral.
 */
export function buildArcBuffers(
  t: FlowTable,
  mineral: number,
  countries: ReadonlyMap<string, CountryInfo>,
  cache: EndpointCache,
  minValue = -Infinity,
  minCount = 0,
): ArcBuffers {
  const all = t.byMineral[mineral] ?? new Int32Array(0);
  const rows = new Int32Array(all.length);
  const ends = new Float64Array(4 * all.length);
  const pair = new Float64Array(4);
  let n = 0;
  let rest = -Infinity;
  for (let j = 0; j < all.length; j++) {
    const r = all[j] as number;
    if ((t.value[r] as number) < minValue && n >= minCount) {
      rest = t.value[r] as number;
      break;
    }
    const e = t.exporter[r] as number;
    const i = t.importer[r] as number;
    let ok = cache.lookup(e, i, pair);
    if (ok === undefined) {
      const flow = t.flows[r] as Flow;
      const from = countries.get(flow.exporter);
      const to = countries.get(flow.importer);
      cache.put(e, i, from && to ? arcEndpoints(...closestPair(from, to)) : null);
      ok = cache.lookup(e, i, pair);
    }
    if (!ok) continue;
    ends.set(pair, 4 * n);
    rows[n++] = r;
  }
  const b: ArcBuffers = {
    mineral,
    length: n,
    rest,
    rows: rows.slice(0, n),
    value: new Float32Array(n),
    sourcePositions: new Float64Array(3 * n),
    targetPositions: new Float64Array(3 * n),
    filterValues: new Float32Array(4 * n),
    riskCodes: new Uint32Array(n),
    exporterShare: new Float32Array(n),
    importerDependence: new Float32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const r = b.rows[k] as number;
    b.value[k] = t.value[r] as number;
    b.sourcePositions[3 * k] = ends[4 * k] as number;
    b.sourcePositions[3 * k + 1] = ends[4 * k + 1] as number;
    b.targetPositions[3 * k] = ends[4 * k + 2] as number;
    b.targetPositions[3 * k + 1] = ends[4 * k + 3] as number;
    b.filterValues[4 * k] = t.value[r] as number;
    b.filterValues[4 * k + 1] = t.exporter[r] as number;
    b.filterValues[4 * k + 2] = t.importer[r] as number;
    b.filterValues[4 * k + 3] = isOverland(t.risk[r] as number) ? 0 : 1;
    b.riskCodes[k] = t.risk[r] as number;
    b.exporterShare[k] = t.exporterShare[r] as number;
    b.importerDependence[k] = t.importerDependence[r] as number;
  }
  return b;
}

/**
 * Buffers that draw every arc of the mineral at or above `minValue`: `had` itself when it already does, otherwise
 * built deeper, at least twice as many arcs as before (so lowering the threshold step by step stays linear overall).
 */
export function arcBuffersFor(
  had: ArcBuffers | undefined,
  t: FlowTable,
  mineral: number,
  countries: ReadonlyMap<string, CountryInfo>,
  cache: EndpointCache,
  minValue: number,
): ArcBuffers {
  if (had && (had.rest === -Infinity || had.rest < minValue)) return had;
  return buildArcBuffers(t, mineral, countries, cache, minValue, had ? 2 * had.length : 0);
}

/** The arc at position k, as tooltips and details want it. */
export function arcDatum(t: FlowTable, b: ArcBuffers, k: number): ArcDatum | null {
  const r = b.rows[k];
  const flow = r === undefined ? undefined : t.flows[r];
  if (!flow) return null;
  const p = b.sourcePositions;
  const q = b.targetPositions;
  return {
    flow,
    source: [p[3 * k] ?? 0, p[3 * k + 1] ?? 0],
    target: [q[3 * k] ?? 0, q[3 * k + 1] ?? 0],
    exporterShare: b.exporterShare[k] ?? 0,
    importerDependence: b.importerDependence[k] ?? 0,
  };
}

export interface ArcStyle {
  /** RGBA per arc at the source (opaque end) and the target (fainter end). */
  sourceColors: Uint8Array;
  targetColors: Uint8Array;
  /** Width in pixels per arc. */
  widths: Float32Array;
}

const LOST: [number, number, number] = [150, 150, 150];

/** shareColor at 1/1024 steps (well under one colour unit of difference), computed once. */
const RAMP_STEPS = 1024;
const RAMP = Array.from({ length: RAMP_STEPS + 1 }, (_, i) => shareColor(i / RAMP_STEPS));
function cachedShareColor(share: number): [number, number, number] {
  const i = Math.round(Math.min(1, Math.max(0, share)) * RAMP_STEPS);
  return RAMP[i] ?? shareColor(share);
}

/**
 * Colours by exporter share or importer dependence on the fixed ramp, widths by USD or tonnes; flows a scenario
 * cuts are grey and faint. Alpha: 235 at the source, 120 at the target (lost: a 3.5th of that).
 */
export function arcStyle(
  t: FlowTable,
  b: ArcBuffers,
  colorBy: 'exporter-share' | 'importer-dependence',
  widthBy: 'usd' | 'tonnes',
  isLost: ((flow: Flow) => boolean) | null,
): ArcStyle {
  const n = b.length;
  const sourceColors = new Uint8Array(4 * n);
  const targetColors = new Uint8Array(4 * n);
  const widths = new Float32Array(n);
  const shares = colorBy === 'exporter-share' ? b.exporterShare : b.importerDependence;
  for (let k = 0; k < n; k++) {
    const flow = t.flows[b.rows[k] as number] as Flow;
    const lost = isLost?.(flow) ?? false;
    const rgb = lost ? LOST : cachedShareColor(shares[k] ?? 0);
    for (let c = 0; c < 3; c++) {
      sourceColors[4 * k + c] = rgb[c] as number;
      targetColors[4 * k + c] = rgb[c] as number;
    }
    sourceColors[4 * k + 3] = lost ? Math.round(235 / 3.5) : 235;
    targetColors[4 * k + 3] = lost ? Math.round(120 / 3.5) : 120;
    widths[k] = widthBy === 'usd' ? widthPx(flow.valueUsd) : widthPxTonnes(flow.tonnes);
  }
  return { sourceColors, targetColors, widths };
}
