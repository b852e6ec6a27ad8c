// Sorting and paging of table rows: a stable index sort over one column's values (nulls last), and page bounds.

export type SortValue = string | number | null;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Row positions ordered by `values` (one value per row): numbers as numbers, strings by a numeric-aware collation,
 * numbers before strings, nulls (and empty strings) last in both directions; ties keep their original order. Each
 * value is read once into a numeric key (strings by their rank among the distinct strings, so the collation runs
 * over distinct values only). No comparison function runs per row: each class's keys are sorted as a typed array
 * (a native numeric sort), and each row goes to the first free slot of its key's run, found by binary search, in row
 * order, which keeps ties stable in both directions. 45,000 rows take a few milliseconds.
 */
export function sortIndex(values: readonly SortValue[], desc: boolean): Uint32Array {
  const n = values.length;
  const distinct = [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
  // Strings the collation calls equal ("a", "A") share a rank, so they tie (and keep their order).
  const rankOf = new Map<string, number>();
  let rank = 0;
  distinct.sort(collator.compare).forEach((v, i, all) => {
    if (i > 0 && collator.compare(all[i - 1] as string, v) !== 0) rank++;
    rankOf.set(v, rank);
  });
  // Class 0: number, 1: string, 2: null; the key orders within a class.
  const cls = new Uint8Array(n);
  const key = new Float64Array(n);
  const size = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? null;
    if (typeof v === 'number' && !Number.isNaN(v)) key[i] = v;
    else if (typeof v === 'string' && v !== '') {
      cls[i] = 1;
      key[i] = rankOf.get(v) ?? 0;
    } else cls[i] = 2;
    (size[cls[i] as number] as number)++;
  }
  // Where each class starts: numbers, strings, nulls ascending; strings, numbers, nulls descending.
  const [nums, strs] = size as [number, number, number];
  const base = desc ? [strs, 0, nums + strs] : [0, nums, nums + strs];
  const out = new Uint32Array(n);
  for (const c of [0, 1] as const) {
    const m = size[c] as number;
    const sorted = new Float64Array(m);
    for (let i = 0, k = 0; i < n; i++) if (cls[i] === c) sorted[k++] = key[i] as number;
    sorted.sort();
    /** Rows already placed in each run of equal keys (indexed by the run's first position). */
    const used = new Uint32Array(m);
    for (let i = 0; i < n; i++) {
      if (cls[i] !== c) continue;
      const v = key[i] as number;
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      const first = lo;
      // Descending: the run's place counted from the end (its first slot is m minus the end of the run).
      let start = first;
      if (desc) {
        hi = m;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((sorted[mid] as number) <= v) lo = mid + 1;
          else hi = mid;
        }
        start = m - lo;
      }
      out[(base[c] as number) + start + (used[first] as number)++] = i;
    }
  }
  for (let i = 0, k = base[2] as number; i < n; i++) if (cls[i] === 2) out[k++] = i;
  return out;
}

/** Rows per page of the table view. */
export const PAGE_SIZE = 100;

/** The page (0-based) that holds row position `pos`, and a page number clamped to the pages of `n` rows. */
export const pageOf = (pos: number, size = PAGE_SIZE): number => Math.floor(pos / size);
export const clampPage = (page: number, n: number, size = PAGE_SIZE): number =>
  Math.max(0, Math.min(page, Math.ceil(n / size) - 1));

/** Half-open bounds [start, end) of `page` over `n` rows. */
export function pageBounds(page: number, n: number, size = PAGE_SIZE): { start: number; end: number } {
  const p = clampPage(page, n, size);
  return { start: p * size, end: Math.min(n, (p + 1) * size) };
}
