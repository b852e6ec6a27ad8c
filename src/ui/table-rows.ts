// A table body kept in step with a page of records in place: rows and cells are reused, only changed text is written.
import { el } from './dom';

/** A text-only column: its cell's text for a record; the first may name the row (a <th scope="row">). */
export interface TextColumn<R> {
  cell(row: R): string;
  rowHeader?: boolean;
}

/**
 * Make `tbody` show `rows`: the existing <tr>s are reused in order (their cells' text nodes get new data, their
 * attributes become exactly `rowAttrs(row)`), missing rows are added, surplus ones removed. A sort or a new page thus
 * costs text changes, not a new table: the browser restyles no elements and keeps focus where it was. The columns
 * must be the same as the ones the rows were made with (a new column set needs a new tbody).
 */
export function syncRows<R>(
  tbody: HTMLTableSectionElement,
  rows: readonly R[],
  columns: readonly TextColumn<R>[],
  rowAttrs: (row: R) => Record<string, string>,
): void {
  while (tbody.rows.length > rows.length) tbody.lastElementChild?.remove();
  rows.forEach((r, i) => {
    const attrs = rowAttrs(r);
    let tr = tbody.rows[i];
    if (!tr) {
      tr = el(
        'tr',
        attrs,
        ...columns.map((c) => el(c.rowHeader ? 'th' : 'td', c.rowHeader ? { scope: 'row' } : {}, c.cell(r))),
      );
      tbody.append(tr);
      return;
    }
    for (const name of tr.getAttributeNames()) if (!(name in attrs)) tr.removeAttribute(name);
    for (const [k, v] of Object.entries(attrs)) if (tr.getAttribute(k) !== v) tr.setAttribute(k, v);
    columns.forEach((c, j) => {
      const text = c.cell(r);
      const cell = tr.cells[j] as HTMLTableCellElement;
      const node = cell.firstChild;
      if (node instanceof Text && !node.nextSibling) {
        if (node.data !== text) node.data = text;
      } else cell.textContent = text;
    });
  });
}
