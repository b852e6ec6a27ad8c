// One way to build a data table: header row (optionally sortable), one row per record, text-only cells.
import { el } from './dom';

type Cell = Node | string;

export interface Column<R> {
  label: string;
  /** The record's cell: text (set as text, never HTML) or a node. */
  cell(row: R): Cell;
  /** The first column names the row: a <th scope="row">. */
  rowHeader?: boolean;
  /** A tooltip for the cell. */
  title?(row: R): string | undefined;
  /** Class of the cell. */
  className?: string;
  /** Sort key for a sortable table (the header becomes a button with `data-sort`). */
  sortKey?: string;
}

export interface TableOptions<R> {
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** Attributes of the <table> (class, data-testid, ...). */
  attrs?: Record<string, string>;
  /** Attributes of each row (data-testid, data-country, ...). */
  rowAttrs?(row: R): Record<string, string>;
  /** The current sort, for sortable columns: arrow and aria-sort on the sorted header. */
  sort?: { key: string; desc: boolean };
}

/** How a sortable header shows the current sort: its aria-sort, and its button's text (the label, an arrow if on). */
export function sortHeader(
  label: string,
  key: string,
  sort: { key: string; desc: boolean } | null | undefined,
): { ariaSort: 'ascending' | 'descending' | 'none'; text: string } {
  if (!sort || sort.key !== key) return { ariaSort: 'none', text: label };
  return sort.desc
    ? { ariaSort: 'descending', text: `${label} ▼` }
    : { ariaSort: 'ascending', text: `${label} ▲` };
}

function headerCell<R>(c: Column<R>, sort: TableOptions<R>['sort']): HTMLElement {
  if (!c.sortKey || !sort) return el('th', { scope: 'col' }, c.label);
  const shown = sortHeader(c.label, c.sortKey, sort);
  return el(
    'th',
    { scope: 'col', 'aria-sort': shown.ariaSort },
    el('button', { type: 'button', class: 'link', 'data-sort': c.sortKey }, shown.text),
  );
}

/** A <table> with a <thead> of the column labels and a <tbody> of the rows. */
export function dataTable<R>(o: TableOptions<R>): HTMLTableElement {
  return el(
    'table',
    o.attrs ?? {},
    el('thead', {}, el('tr', {}, ...o.columns.map((c) => headerCell(c, o.sort)))),
    el(
      'tbody',
      {},
      ...o.rows.map((r) =>
        el(
          'tr',
          o.rowAttrs?.(r) ?? {},
          ...o.columns.map((c) =>
            el(
              c.rowHeader ? 'th' : 'td',
              {
                ...(c.rowHeader ? { scope: 'row' } : {}),
                ...(c.className ? { class: c.className } : {}),
                title: c.title?.(r),
              },
              c.cell(r),
            ),
          ),
        ),
      ),
    ),
  );
}
