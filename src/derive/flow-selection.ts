// What the filters keep of a year's flow table, and which of those are drawn (the legibility cut), in one pass.
import type { FilterSpec } from '../model/filters';
import type { Flow } from '../model/types';
import { keptSeries, type FilterIndex } from './filter';
import { compile, focusOk } from './flow-compile';
import { countAtLeast, mineralColumns, type FlowTable, type MineralColumns } from './flow-table';

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
  for (const m of keptSeries(f, index)) {
    const col = mineralColumns(t, m);
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
  /** More flows passed the legibility cut than may be drawn at once: the cut-off was raised to stay under the cap. */
  capped: boolean;
}

const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);
/** The smallest float32 above a non-negative float32 value. */
function nextFloat32Up(v: number): number {
  f32[0] = v;
  f32Bits[0] = (f32Bits[0] as number) + 1;
  return f32[0] as number;
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
  maxDrawn = Infinity,
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
  // At most `maxDrawn` flows are drawn at once: the cut-off rises just above the value of the first one left out, so
  // the GPU's value filter and these counts keep the same flows. Where every value ties, the ties are drawn.
  let capped = false;
  if (shownCount > maxDrawn) {
    const above = nextFloat32Up(vals[maxDrawn] as number);
    let n = maxDrawn;
    while (n > 0 && (vals[n - 1] as number) < above) n--;
    if (n > 0) {
      cutoff = above;
      shownCount = n;
      capped = true;
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
    capped,
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
    readonly capped: boolean,
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
