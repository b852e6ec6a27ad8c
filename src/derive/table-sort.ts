// Sorting and paging of table rows: a stable index sort over one column's values (nulls last), and page bounds.

export type SortValue = string | number | null;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Row positions ordered by `values` (one value per row): numbers as numbers, strings by a numeric-aware collation,
 * numbers before strings, nulls (and empty strings) last in both directions; ties keep their original order. Each
 * value is read once into a numeric key (strings by their rank among the distinct strings, so the collation runs
 * over distinct values only), then one index array is sorted: 10,000 rows sort in a few milliseconds.
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
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? null;
    if (typeof v === 'number' && !Number.isNaN(v)) key[i] = v;
    else if (typeof v === 'string' && v !== '') {
      cls[i] = 1;
      key[i] = rankOf.get(v) ?? 0;
    } else cls[i] = 2;
  }
  const sign = desc ? -1 : 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ca = cls[a] as number;
    const cb = cls[b] as number;
    if (ca !== cb) return ca === 2 || cb === 2 ? ca - cb : sign * (ca - cb);
    const d = (key[a] as number) - (key[b] as number);
    return d === 0 || ca === 2 ? a - b : sign * d;
  });
  return Uint32Array.from(order);
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
