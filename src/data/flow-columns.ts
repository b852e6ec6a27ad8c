// The year flow files' column layout: each distinct code once (dictionaries), one array per field; encode and text.
import type { FlowRow } from './schema';

/**
 * The body of public/data/flows-<year>.json. Row i is
 * [dictionaries.country[columns.exporter[i]], dictionaries.country[columns.importer[i]],
 *  dictionaries.mineral[columns.mineral[i]], dictionaries.hs[columns.hs[i]], columns.valueUsd[i], columns.tonnes[i],
 *  columns.risk[i]].
 * Columns instead of one array per row: a year of 15k rows parses ~5x faster (no per-row arrays, no repeated
 * strings) and the file is half the size.
 */
export interface FlowColumns {
  /** Number of rows; every column has exactly this length. */
  rows: number;
  dictionaries: { country: string[]; mineral: string[]; hs: string[] };
  columns: {
    exporter: number[];
    importer: number[];
    mineral: number[];
    hs: number[];
    valueUsd: number[];
    tonnes: (number | null)[];
    risk: number[];
  };
}

/** Rows to columns. Dictionaries are sorted (stable output for the same rows); row order is kept. */
export function encodeFlowColumns(rows: readonly FlowRow[]): FlowColumns {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const country = sorted(rows.flatMap((r) => [r[0], r[1]]));
  const mineral = sorted(rows.map((r) => r[2]));
  const hs = sorted(rows.map((r) => r[3]));
  const at = (list: string[]) => new Map(list.map((x, i) => [x, i]));
  const ci = at(country);
  const mi = at(mineral);
  const hi = at(hs);
  const idx = (m: Map<string, number>, x: string) => m.get(x) as number;
  return {
    rows: rows.length,
    dictionaries: { country, mineral, hs },
    columns: {
      exporter: rows.map((r) => idx(ci, r[0])),
      importer: rows.map((r) => idx(ci, r[1])),
      mineral: rows.map((r) => idx(mi, r[2])),
      hs: rows.map((r) => idx(hi, r[3])),
      valueUsd: rows.map((r) => r[4]),
      tonnes: rows.map((r) => r[5]),
      risk: rows.map((r) => r[6]),
    },
  };
}

/** Row i as a tuple, unchecked (for the pipeline's own tests and tools; the app validates in data/load.ts). */
export function flowRowAt(f: FlowColumns, i: number): FlowRow {
  const c = f.columns;
  const d = f.dictionaries;
  return [
    d.country[c.exporter[i] as number] as string,
    d.country[c.importer[i] as number] as string,
    d.mineral[c.mineral[i] as number] as string,
    d.hs[c.hs[i] as number] as string,
    c.valueUsd[i] as number,
    c.tonnes[i] ?? null,
    c.risk[i] as number,
  ];
}

/** The file's text: the head on the first line, then one line per dictionary and per column (readable diffs). */
export function flowFileText(head: Record<string, unknown>, body: FlowColumns): string {
  const block = (o: Record<string, unknown>) =>
    `{\n${Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(',\n')}\n}`;
  const top = JSON.stringify({ ...head, rows: body.rows });
  return `${top.slice(0, -1)},\n"dictionaries":${block(body.dictionaries)},\n"columns":${block(body.columns)}}\n`;
}

/**
 * The flows kept from a file (data/load.ts parseFlows), as codes into the file's dictionaries, in the same order as
 * the Flow list: the flow table (derive/flow-table.ts) maps a few hundred codes to its indexes instead of looking up
 * every flow's strings.
 */
export interface FlowCodes {
  dictionaries: { country: readonly string[]; mineral: readonly string[]; hs: readonly string[] };
  exporter: Int32Array;
  importer: Int32Array;
  mineral: Int32Array;
  hs: Int32Array;
}
