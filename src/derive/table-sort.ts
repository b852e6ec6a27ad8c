// Sorting and paging of table rows: a stable index sort over one column's values (nulls last), and page bounds.

export type SortValue = string | number | null;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Row positions ordered by `values` (one value per row): numbers as numbers, strings by a numeric-aware collation,
 * numbers before strings, nulls (and empty strings) last in both directions; ties keep their original order. The
 * values are read once per call, so sorting 10,000 rows is one pass over an index array.
 */
export function sortIndex(values: readonly SortValue[], desc: boolean): Uint32Array {
  const n = values.length;
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  const sign = desc ? -1 : 1;
  const rank = (v: SortValue) => (v === null || v === '' ? 2 : typeof v === 'number' ? 0 : 1);
  const sorted = Array.from(index).sort((a, b) => {
    const x = values[a] ?? null;
    const y = values[b] ?? null;
    const rx = rank(x);
    const ry = rank(y);
    if (rx !== ry) return rx === 2 || ry === 2 ? rx - ry : sign * (rx - ry);
    if (rx === 2) return a - b;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c === 0 ? a - b : sign * c;
  });
  index.set(sorted);
  return index;
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
