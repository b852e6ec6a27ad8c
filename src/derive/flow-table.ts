// Columnar, value-sorted view of one year's flows: the fast path for filtering, the legibility cut and facet counts.
import { RISK_REASONS, type FilterSpec } from '../model/filters';
import { RISK_BITS, RISK_CODE_MAX } from './risk-codes';
import { reasonsMask, riskPasses, type FilterIndex } from './filter';
import type { FlowCodes } from '../data/flow-columns';
import type { Flow } from '../model/types';

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
  /** FilterIndex.mineral of the flow's mineral, NO_MINERAL if unknown. */
  readonly mineral: Uint8Array;
  /** China route-risk code (src/derive/risk-codes.ts). */
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
 * order) countries, minerals and HS codes are mapped once per dictionary entry instead of once per flow.
 */
export function buildFlowTable(flows: readonly Flow[], index: FilterIndex, codes?: FlowCodes): FlowTable {
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
  // Codes -> table indexes, once per dictionary entry.
  const countryOf = c?.dictionaries.country.map((x) => index.country.get(x) ?? -1);
  const mineralOf = c?.dictionaries.mineral.map((x) => index.mineral.get(x) ?? NO_MINERAL);
  const hsIndex = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    const f = flows[i] as Flow;
    sorted[r] = f;
    value[r] = v32[i] as number;
    usd[r] = f.valueUsd;
    const m = c && mineralOf ? mineralOf[c.mineral[i] as number] : index.mineral.get(f.mineral);
    mineral[r] = m === undefined || m >= NO_MINERAL ? NO_MINERAL : m;
    if (m !== undefined && m < NO_MINERAL) perMineral[m] = (perMineral[m] ?? 0) + 1;
    risk[r] = f.risk & RISK_CODE_MAX;
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

/**
 * Same figures as exporterShares and importerDependence (derive/flows.ts), per row, with numeric keys instead of
 * string keys (a year switch at 14k rows spent ~40 ms building those strings). Unknown countries share key -1.
 * `hs` is each row's HS code as an index below `hsCount`.
 */
function shareColumns(
  usd: Float64Array,
  hs: Int32Array,
  hsCount: number,
  exporter: Int32Array,
  importer: Int32Array,
): { exporterShare: Float32Array; importerDependence: Float32Array } {
  const n = usd.length;
  // Dense sums per (HS code, country); countries shifted by one so that -1 (unknown) has a slot. Only the triple
  // (HS code, exporter, importer) needs a hash: it repeats only when one HS code is listed under several minerals.
  let maxCountry = 0;
  for (let r = 0; r < n; r++) maxCountry = Math.max(maxCountry, exporter[r] as number, importer[r] as number);
  const C = maxCountry + 2;
  const totals = new Float64Array(hsCount);
  const byExporter = new Float64Array(hsCount * C);
  const imports = new Float64Array(hsCount * C);
  const triples = new TripleSums(n);
  const slot = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const v = usd[r] as number;
    const h = hs[r] as number;
    const e = (exporter[r] as number) + 1;
    const i = (importer[r] as number) + 1;
    totals[h] = (totals[h] as number) + v;
    byExporter[h * C + e] = (byExporter[h * C + e] as number) + v;
    imports[h * C + i] = (imports[h * C + i] as number) + v;
    slot[r] = triples.add((h * C + e) * C + i, v);
  }
  const exporterShare = new Float32Array(n);
  const importerDependence = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    const h = hs[r] as number;
    const e = (exporter[r] as number) + 1;
    const i = (importer[r] as number) + 1;
    const total = totals[h] as number;
    exporterShare[r] = total > 0 ? (byExporter[h * C + e] as number) / total : 0;
    const imp = imports[h * C + i] as number;
    importerDependence[r] = imp > 0 ? triples.sum(slot[r] as number) / imp : 0;
  }
  return { exporterShare, importerDependence };
}

/**
 * Sums by non-negative integer key in typed arrays (open addressing, linear probing): per row a few array reads
 * instead of a Map entry (a year's 15k rows in ~1 ms, a million without a million Map entries).
 */
class TripleSums {
  private readonly keys: Float64Array;
  private readonly sums: Float64Array;
  private readonly mask: number;
  constructor(items: number) {
    let size = 16;
    while (size < 2 * items) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.sums = new Float64Array(size);
    this.mask = size - 1;
  }
  /** Adds `v` to the key's sum; returns the key's slot. */
  add(key: number, v: number): number {
    let s = (Math.imul(key | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & this.mask;
    for (;;) {
      const k = this.keys[s] as number;
      if (k === key) break;
      if (k === -1) {
        this.keys[s] = key;
        break;
      }
      s = (s + 1) & this.mask;
    }
    this.sums[s] = (this.sums[s] as number) + v;
    return s;
  }
  sum(slot: number): number {
    return this.sums[slot] as number;
  }
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

/** A FilterSpec compiled to lookup tables over the table's columns (flowPasses, without the legibility cut). */
interface Compiled {
  mineralOk: Uint8Array;
  riskOk: Uint8Array;
  minValue: number;
  /** -1: no focus; otherwise the focus country index (-2 if the country is unknown: nothing matches). */
  focus: number;
  role: FilterSpec['role'];
}

function compile(f: FilterSpec, index: FilterIndex): Compiled {
  const mineralOk = new Uint8Array(256);
  for (const m of f.minerals) {
    const i = index.mineral.get(m);
    if (i !== undefined && i < NO_MINERAL) mineralOk[i] = 1;
  }
  const mask = reasonsMask(f.reasons);
  const riskOk = new Uint8Array(RISK_CODE_MAX + 1);
  for (let c = 0; c <= RISK_CODE_MAX; c++) riskOk[c] = riskPasses(c, f.risk, mask) ? 1 : 0;
  return {
    mineralOk,
    riskOk,
    minValue: Math.fround(f.minValueUsd),
    focus: f.focus === null ? -1 : (index.country.get(f.focus) ?? -2),
    role: f.role,
  };
}

function focusOk(c: Compiled, e: number, i: number): boolean {
  if (c.focus === -1) return true;
  if (c.role === 'exporter') return e === c.focus;
  if (c.role === 'importer') return i === c.focus;
  return e === c.focus || i === c.focus;
}

const scratch = new WeakMap<FlowTable, { rows: Int32Array; value: Float32Array; usd: Float64Array }>();

/** Entries of an ascending list below `end` (binary search). */
function countBelow(list: Int32Array, end: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The selected minerals' columns, each cut at the minimum value (row < end); null when their rows are a large part of
 * the rows above it, where one straight scan of the table is faster.
 */
function mineralLists(
  t: FlowTable,
  f: FilterSpec,
  index: FilterIndex,
  end: number,
): { col: MineralColumns; n: number }[] | null {
  const lists: { col: MineralColumns; n: number }[] = [];
  let total = 0;
  for (const id of new Set(f.minerals)) {
    const m = index.mineral.get(id);
    const col = m === undefined ? undefined : mineralColumns(t, m);
    if (!col) continue;
    const n = countBelow(col.rows, end);
    lists.push({ col, n });
    total += n;
  }
  return total * 4 > end ? null : lists;
}

/** What the filters keep of a year, and which of those are drawn (the legibility cut). */
export interface FlowSelection {
  /** Smallest value (USD, float32) a kept flow needs to be drawn; 0 when every kept flow is drawn. */
  cutoff: number;
  /** Rows kept by every filter, in row order (largest value first). */
  passingRows: Int32Array;
  /** The first `shownCount` passing rows are drawn (value >= cutoff). */
  shownCount: number;
  /** Drawn flows, largest value first (built on first use). */
  readonly shown: Flow[];
  hiddenCount: number;
  /** Total USD of kept flows below the cut-off. */
  hiddenValue: number;
}

/**
 * Flows kept by `f` (same rule as flowPasses) and the legibility cut: the drawn flows are the largest kept flows that
 * together make up at least `fraction` of the kept value, ties with the last one included; exactly
 * `legibleCutoff(passing, fraction)` (same float32 values, summed in the same order). fraction >= 1: all are drawn.
 * One pass over the rows above the minimum value, then a walk from the top that stops at the cut-off.
 */
export function selectFlowRows(
  t: FlowTable,
  f: FilterSpec,
  index: FilterIndex,
  fraction: number,
): FlowSelection {
  const c = compile(f, index);
  const end = countAtLeast(t.value, c.minValue);
  const { value, usd, mineral, risk, exporter, importer } = t;
  // Scratch lists per table, reused by every change (a year can have a million rows): rows, values, USD.
  let sc = scratch.get(t);
  if (!sc) {
    const n = t.value.length;
    sc = { rows: new Int32Array(n), value: new Float32Array(n), usd: new Float64Array(n) };
    scratch.set(t, sc);
  }
  const rows = sc.rows;
  const vals = sc.value;
  const usds = sc.usd;
  let count = 0;
  let total = 0;
  let totalUsd = 0;
  const lists = mineralLists(t, f, index, end);
  if (lists === null) {
    // Most of the year is selected: one straight scan of the table.
    for (let r = 0; r < end; r++) {
      if (c.mineralOk[mineral[r] as number] === 0 || c.riskOk[risk[r] as number] === 0) continue;
      if (c.focus !== -1 && !focusOk(c, exporter[r] as number, importer[r] as number)) continue;
      const v = value[r] as number;
      rows[count] = r;
      vals[count] = v;
      usds[count++] = usd[r] as number;
      total += v;
      totalUsd += usd[r] as number;
    }
  } else {
    // The selected minerals' own columns, merged by row (= value order), each read sequentially.
    const k = lists.length;
    const at = new Int32Array(k);
    for (;;) {
      let best = -1;
      let bestRow = 0x7fffffff;
      for (let j = 0; j < k; j++) {
        const L = lists[j] as { col: MineralColumns; n: number };
        const i = at[j] as number;
        if (i < L.n && (L.col.rows[i] as number) < bestRow) {
          bestRow = L.col.rows[i] as number;
          best = j;
        }
      }
      if (best < 0) break;
      const col = (lists[best] as { col: MineralColumns }).col;
      const i = at[best] as number;
      at[best] = i + 1;
      if (c.riskOk[col.risk[i] as number] === 0) continue;
      if (c.focus !== -1 && !focusOk(c, col.exporter[i] as number, col.importer[i] as number)) continue;
      const v = col.value[i] as number;
      const u = col.usd[i] as number;
      rows[count] = bestRow;
      vals[count] = v;
      usds[count++] = u;
      total += v;
      totalUsd += u;
    }
  }
  const passingRows = rows.slice(0, count);
  let cutoff = 0;
  let shownCount = count;
  if (fraction < 1 && count > 0) {
    const goal = total * fraction;
    let acc = 0;
    for (let k = 0; k < count; k++) {
      const v = vals[k] as number;
      acc += v;
      if (acc >= goal) {
        cutoff = v;
        shownCount = k + 1;
        while (shownCount < count && vals[shownCount] === v) shownCount++;
        break;
      }
    }
  }
  let shownUsd = 0;
  for (let k = 0; k < shownCount; k++) shownUsd += usds[k] as number;
  return new Selection(
    t,
    cutoff,
    passingRows,
    shownCount,
    count - shownCount,
    count === shownCount ? 0 : totalUsd - shownUsd,
  );
}

/** A FlowSelection whose Flow list is built on first use (the map and the counts need only the rows). */
class Selection implements FlowSelection {
  private list: Flow[] | null = null;
  constructor(
    private readonly table: FlowTable,
    readonly cutoff: number,
    readonly passingRows: Int32Array,
    readonly shownCount: number,
    readonly hiddenCount: number,
    readonly hiddenValue: number,
  ) {}
  get shown(): Flow[] {
    if (!this.list) {
      const list = new Array<Flow>(this.shownCount);
      for (let k = 0; k < this.shownCount; k++)
        list[k] = this.table.flows[this.passingRows[k] as number] as Flow;
      this.list = list;
    }
    return this.list;
  }
}

/** Flow facet counts: per mineral (every other filter as set), per risk mode and per reason (selected minerals). */
export interface FlowFacets {
  /** By FilterIndex.mineral. */
  mineralFlows: Uint32Array;
  risk: { all: number; china: number; 'no-china': number };
  /** In RISK_REASONS order. */
  reasons: number[];
}

/** One pass over the rows above the minimum value (the same predicates as selectFlowRows). */
export function flowFacets(t: FlowTable, f: FilterSpec, index: FilterIndex): FlowFacets {
  const c = compile(f, index);
  const end = countAtLeast(t.value, c.minValue);
  const mask = reasonsMask(f.reasons);
  const mineralFlows = new Uint32Array(index.mineral.size);
  const byCode = new Uint32Array(RISK_CODE_MAX + 1);
  const { mineral, risk, exporter, importer } = t;
  for (let r = 0; r < end; r++) {
    if (c.focus !== -1 && !focusOk(c, exporter[r] as number, importer[r] as number)) continue;
    const m = mineral[r] as number;
    const code = risk[r] as number;
    if (c.riskOk[code] === 1 && m !== NO_MINERAL) mineralFlows[m] = (mineralFlows[m] as number) + 1;
    if (c.mineralOk[m] === 1) byCode[code] = (byCode[code] as number) + 1;
  }
  const out = { all: 0, china: 0, 'no-china': 0 };
  const reasons = RISK_REASONS.map(() => 0);
  for (let code = 0; code <= RISK_CODE_MAX; code++) {
    const n = byCode[code] as number;
    if (n === 0) continue;
    out.all += n;
    if ((code & mask) !== 0) out.china += n;
    else out['no-china'] += n;
    RISK_REASONS.forEach((reason, k) => {
      if ((code & RISK_BITS[reason]) !== 0) reasons[k] = (reasons[k] ?? 0) + n;
    });
  }
  return { mineralFlows, risk: out, reasons };
}
