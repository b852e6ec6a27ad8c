// Columnar, value-sorted view of one year's flows: the table the filters, the legibility cut and the facets read.
import { readRisk } from './risk-codes';
import type { ControlReading } from '../model/measures';
import { flowSeries, type FilterIndex } from './filter';
import type { FlowCodes } from '../data/flow-columns';
import type { Flow } from '../model/types';
import { shareColumns } from './flow-shares';

/** Mineral index of a flow whose mineral is not in the index (never selected). */
export const NO_MINERAL = 255;

/**
 * One year's flows as typed columns, rows sorted by value (float32, as the GPU compares it) largest first, ties in
 * file order. Sorting once per year makes every filter change a single pass that stops at the minimum value, and
 * makes the legibility cut-off a walk from the top instead of a sort.
 */
export interface FlowTable {
  /** The flows in row order (largest value first). */
  readonly flows: readonly Flow[];
  /** valueUsd rounded to float32 (the GPU's filter value), per row, non-increasing. */
  readonly value: Float32Array;
  /** valueUsd as given (for sums shown to people). */
  readonly usd: Float64Array;
  /** FilterIndex.mineral of the flow's series (filter.ts flowSeries: its mineral, or mineral and product group). */
  readonly mineral: Uint8Array;
  /** Risk code with the table's control reading applied (src/derive/risk-codes.ts readRisk), 0..63. */
  readonly risk: Uint8Array;
  /** FilterIndex.country of the exporter and importer, -1 if unknown. */
  readonly exporter: Int32Array;
  readonly importer: Int32Array;
  /** Rows of each mineral (by FilterIndex.mineral), in row order. */
  readonly byMineral: readonly Int32Array[];

  /** The exporter's share (0..1) of the year's exports of the row's HS code (all rows of that code). */
  readonly exporterShare: Float32Array;
  /**
   * The row's share (0..1) of its importer's imports of the HS code: how dependent the importer is on the exporter
   * (rows with the same HS code, exporter and importer, e.g. one code listed under two minerals, count together).
   */
  readonly importerDependence: Float32Array;
}

/**
 * One mineral's columns, contiguous and in row order (`rows[k]` is the table row): a filter change reads one mineral's
 * rows sequentially instead of striding through the whole year (at a million rows the strided reads cost more than
 * the filtering). Built on first use per table and mineral.
 */
export function mineralColumns(t: FlowTable, m: number): MineralColumns | undefined {
  let cache = columnCache.get(t);
  if (!cache) columnCache.set(t, (cache = new Map()));
  let col = cache.get(m);
  const list = t.byMineral[m];
  if (col || !list) return col;
  col = {
    rows: list,
    value: new Float32Array(list.length),
    usd: new Float64Array(list.length),
    risk: new Uint8Array(list.length),
    exporter: new Int32Array(list.length),
    importer: new Int32Array(list.length),
  };
  for (let k = 0; k < list.length; k++) {
    const r = list[k] as number;
    col.value[k] = t.value[r] as number;
    col.usd[k] = t.usd[r] as number;
    col.risk[k] = t.risk[r] as number;
    col.exporter[k] = t.exporter[r] as number;
    col.importer[k] = t.importer[r] as number;
  }
  cache.set(m, col);
  return col;
}
const columnCache = new WeakMap<FlowTable, Map<number, MineralColumns>>();

export interface MineralColumns {
  rows: Int32Array;
  value: Float32Array;
  usd: Float64Array;
  risk: Uint8Array;
  exporter: Int32Array;
  importer: Int32Array;
}

/**
 * The year's flows as value-sorted columns. With `codes` (the loader's dictionary codes for these flows, in the same
 * order) countries, minerals and HS codes are mapped once per dictionary entry instead of once per flow. Risk codes
 * are read for `reading` (which export controls count as `controlled`).
 */
export function buildFlowTable(
  flows: readonly Flow[],
  index: FilterIndex,
  codes?: FlowCodes,
  reading: ControlReading = 'today',
): FlowTable {
  const n = flows.length;
  const c = codes && codes.exporter.length === n ? codes : null;
  const v32 = new Float32Array(n);
  for (let i = 0; i < n; i++) v32[i] = (flows[i] as Flow).valueUsd;
  const order = sortedOrder(v32);
  const sorted: Flow[] = new Array<Flow>(n);
  const value = new Float32Array(n);
  const usd = new Float64Array(n);
  const mineral = new Uint8Array(n);
  const risk = new Uint8Array(n);
  const exporter = new Int32Array(n);
  const importer = new Int32Array(n);
  const hs = new Int32Array(n);
  const perMineral = new Uint32Array(index.mineral.size);
  // Codes -> table indexes, once per dictionary entry (series: once per mineral and HS code pair).
  const countryOf = c?.dictionaries.country.map((x) => index.country.get(x) ?? -1);
  const hsCodes = c?.dictionaries.hs.length ?? 0;
  const seriesOf = new Int16Array((c?.dictionaries.mineral.length ?? 0) * hsCodes).fill(-1);
  const seriesAt = (mc: number, hc: number): number => {
    const k = mc * hsCodes + hc;
    let v = seriesOf[k] as number;
    if (v === -1 && c) {
      const m = c.dictionaries.mineral[mc] ?? '';
      v = seriesOf[k] = flowSeries(index, m, c.dictionaries.hs[hc] ?? '') ?? NO_MINERAL;
    }
    return v;
  };
  const hsIndex = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    const f = flows[i] as Flow;
    sorted[r] = f;
    value[r] = v32[i] as number;
    usd[r] = f.valueUsd;
    const m = c ? seriesAt(c.mineral[i] as number, c.hs[i] as number) : flowSeries(index, f.mineral, f.hs);
    mineral[r] = m === undefined || m >= NO_MINERAL ? NO_MINERAL : m;
    if (m !== undefined && m < NO_MINERAL) perMineral[m] = (perMineral[m] ?? 0) + 1;
    risk[r] = readRisk(f.risk, reading);
    if (c && countryOf) {
      exporter[r] = countryOf[c.exporter[i] as number] ?? -1;
      importer[r] = countryOf[c.importer[i] as number] ?? -1;
      hs[r] = c.hs[i] as number;
    } else {
      exporter[r] = index.country.get(f.exporter) ?? -1;
      importer[r] = index.country.get(f.importer) ?? -1;
      let h = hsIndex.get(f.hs);
      if (h === undefined) hsIndex.set(f.hs, (h = hsIndex.size));
      hs[r] = h;
    }
  }
  const byMineral = [...perMineral].map((count) => new Int32Array(count));
  const fill = new Uint32Array(index.mineral.size);
  for (let r = 0; r < n; r++) {
    const m = mineral[r] as number;
    const rows = byMineral[m];
    if (!rows) continue;
    rows[fill[m] as number] = r;
    fill[m] = (fill[m] as number) + 1;
  }
  const hsCount = c ? c.dictionaries.hs.length : hsIndex.size;
  const { exporterShare, importerDependence } = shareColumns(usd, hs, hsCount, exporter, importer);
  return {
    flows: sorted,
    value,
    usd,
    mineral,
    risk,
    exporter,
    importer,
    byMineral,
    exporterShare,
    importerDependence,
  };
}

const INDEX_BITS = 2 ** 21;
const f32Bits = new Uint32Array(1);
const f32View = new Float32Array(f32Bits.buffer);

/**
 * Row order: value descending, ties by index. Up to 2^21 rows the pair is packed into one exact float64 key (the
 * float32 bit pattern of a non-negative value orders like the value, 32 bits + 21 bits <= 53) and sorted natively,
 * ~10x faster than a comparator; larger inputs (or negative values) use the comparator.
 */
function sortedOrder(v32: Float32Array): Uint32Array {
  const n = v32.length;
  const order = new Uint32Array(n);
  // Published files come sorted already (largest value first): then the order is the file's.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = (v32[i - 1] as number) >= (v32[i] as number);
  if (sorted) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  if (n <= INDEX_BITS && v32.every((v) => v >= 0)) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      f32View[0] = (v32[i] as number) + 0; // -0 + 0 is +0
      keys[i] = (0xffffffff - (f32Bits[0] as number)) * INDEX_BITS + i;
    }
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % INDEX_BITS;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => (v32[b] as number) - (v32[a] as number) || a - b);
}

/** Number of leading entries of a non-increasing array that are >= min (binary search). */
export function countAtLeast(values: Float32Array, min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) >= min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
