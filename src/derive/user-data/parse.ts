// Text of a reader's file to a table of text cells: CSV (papaparse, delimiter detected) or a GeoJSON FeatureCollection.
import Papa from 'papaparse';
import { cleanText, shortText } from './text';

/** Most data rows (CSV rows after the header, or GeoJSON features) a file may have. */
export const MAX_DATA_ROWS = 200_000;
/** onProgress is called once per this many rows. */
export const PROGRESS_EVERY = 10_000;

export const TOO_MANY_ROWS_MESSAGE =
  `This file has more than ${MAX_DATA_ROWS.toLocaleString('en-US')} rows of data; the map reads at most ` +
  `${MAX_DATA_ROWS.toLocaleString('en-US')} at once. Split it into smaller files.`;

export type FileFormat = 'csv' | 'geojson';

/** A file as rows of text cells under unique, cleaned headers. */
export interface Table {
  format: FileFormat;
  /** Column names, cleaned and unique (a repeated name gets " (2)", an empty one "column N"). */
  headers: string[];
  /** Data rows (not the header); each cell raw text, as long as the file had it. */
  rows: string[][];
  /** Where each row is in the file, 1-based: its line number (CSV, header = line 1) or its feature number (GeoJSON). */
  rowNumbers: number[];
  rowUnit: 'line' | 'feature';
  /** Problems found while reading, by row index: such a row is rejected whatever the mapping. */
  problems: Map<number, string>;
  /** The CSV delimiter papaparse detected. */
  delimiter?: string;
}

export type ParseResult = { ok: true; table: Table } | { ok: false; message: string };

export type Progress = (fraction: number) => void;

/** Headers cleaned, never empty and never repeated, so a mapping can name columns by header. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, i) => {
    const base = cleanText(h) || `column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Newlines inside a row's cells (a quoted cell may span lines). */
function newlinesIn(cells: readonly string[], nl: string): number {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf(nl); i !== -1; i = c.indexOf(nl, i + 1)) n++;
  return n;
}

/** CSV text to a table; rows are numbered by the file line they start on. */
export function parseCsv(text: string, onProgress?: Progress): ParseResult {
  let header: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const problems = new Map<number, string>();
  let failure: string | null = null;
  let pos = 0;
  let lines = 0;
  let delimiter: string | undefined;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (r, p) => {
      const cells = r.data;
      const nl = (r.meta.linebreak || '\n').slice(-1);
      const cursor = r.meta.cursor;
      const quotes = r.errors.find((e) => e.type === 'Quotes');
      // The row ends before its line break; a never-closed quote runs to the end of the text, line breaks included.
      const unclosed = quotes?.code === 'MissingQuotes';
      const end = text[cursor - 1] === nl && !unclosed ? cursor - 1 : cursor;
      for (let i = text.indexOf(nl, pos); i !== -1 && i < end; i = text.indexOf(nl, i + 1)) lines++;
      pos = Math.max(pos, end);
      const line = lines + 1 - newlinesIn(cells, nl);
      delimiter ??= r.meta.delimiter;
      if (quotes) {
        failure = unclosed
          ? `Line ${line}: a quoted cell never closes (a " without its closing "), so the rest of the file cannot be read. Check the quotes.`
          : `Line ${line}: a quoted cell has text after its closing quote. Check the quotes.`;
        p.abort();
        return;
      }
      if (header === null) {
        header = cells;
        return;
      }
      if (rows.length >= MAX_DATA_ROWS) {
        failure = TOO_MANY_ROWS_MESSAGE;
        p.abort();
        return;
      }
      const extra = cells.slice(header.length).some((c) => c.trim() !== '');
      if (extra)
        problems.set(
          rows.length,
          `${cells.length} cells but the header has ${header.length}: a cell with the delimiter ` +
            `${JSON.stringify(delimiter ?? ',')} in it needs quotes`,
        );
      rows.push(cells);
      rowNumbers.push(line);
      if (onProgress && rows.length % PROGRESS_EVERY === 0) onProgress(cursor / text.length);
    },
  });
  if (failure !== null) return { ok: false, message: failure };
  if (header === null) return { ok: false, message: 'The file is empty.' };
  if (rows.length === 0) return { ok: false, message: 'The file has a header row but no data rows.' };
  const table: Table = {
    format: 'csv',
    headers: uniqueHeaders(header),
    rows,
    rowNumbers,
    rowUnit: 'line',
    problems,
  };
  if (delimiter !== undefined) table.delimiter = delimiter;
  return { ok: true, table };
}

/**
 * A JSON.parse error in words, with a line and column where the engine names a position. The engine's own words
 * may quote a snippet of the file, so they are cut to 80 characters.
 */
function jsonError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const at = /position (\d+)/.exec(msg);
  let where = '';
  if (at) {
    const p = Math.min(Number(at[1]), text.length);
    const before = text.slice(0, p);
    const line = before.split('\n').length;
    const column = p - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  } else {
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc) where = ` at line ${lc[1]}, column ${lc[2]}`;
  }
  return `This is not valid JSON${where} (${shortText(msg.replace(/ in JSON.*$/, ''), 80)}).`;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A property value as a text cell: numbers and booleans as written, lists joined with "; ", objects as JSON. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  return JSON.stringify(v) ?? '';
}

/** GeoJSON text (a FeatureCollection of Point features, or one Feature) to a table: lng, lat, then properties. */
export function parseGeoJson(text: string, onProgress?: Progress): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: jsonError(text, e) };
  }
  let features: unknown[];
  if (isObj(doc) && doc.type === 'FeatureCollection' && Array.isArray(doc.features)) features = doc.features;
  else if (isObj(doc) && doc.type === 'Feature') features = [doc];
  else
    return {
      ok: false,
      message: 'This JSON is not GeoJSON: expected a FeatureCollection of Point features.',
    };
  if (features.length === 0) return { ok: false, message: 'The GeoJSON has no features.' };
  if (features.length > MAX_DATA_ROWS) return { ok: false, message: TOO_MANY_ROWS_MESSAGE };
  const keys = new Map<string, number>();
  const rawHeaders = ['longitude', 'latitude'];
  for (const f of features) {
    if (!isObj(f) || !isObj(f.properties)) continue;
    for (const k of Object.keys(f.properties))
      if (!keys.has(k)) {
        keys.set(k, rawHeaders.length);
        rawHeaders.push(k);
      }
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const problems = new Map<number, string>();
  features.forEach((f, i) => {
    const cells = new Array<string>(rawHeaders.length).fill('');
    const g = isObj(f) ? f.geometry : undefined;
    if (!isObj(f) || f.type !== 'Feature') problems.set(i, 'not a GeoJSON Feature');
    else if (!isObj(g)) problems.set(i, 'the feature has no geometry');
    else if (g.type !== 'Point') problems.set(i, `the geometry is ${quote2(g.type)}, not a Point`);
    else {
      const c = g.coordinates;
      if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number')
        problems.set(i, 'the coordinates are not [longitude, latitude] numbers');
      else [cells[0], cells[1]] = [String(c[0]), String(c[1])];
    }
    if (isObj(f) && isObj(f.properties))
      for (const [k, v] of Object.entries(f.properties)) cells[keys.get(k) as number] = cellText(v);
    rows.push(cells);
    rowNumbers.push(i + 1);
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress((i + 1) / features.length);
  });
  const table: Table = {
    format: 'geojson',
    headers: uniqueHeaders(rawHeaders),
    rows,
    rowNumbers,
    rowUnit: 'feature',
    problems,
  };
  return { ok: true, table };
}

const quote2 = (v: unknown): string => (typeof v === 'string' ? `"${shortText(v)}"` : 'missing');

/** A file's text to a table: JSON (GeoJSON) when its first non-space character is `{`, CSV otherwise. */
export function parseText(text: string, onProgress?: Progress): ParseResult {
  const start = text.search(/\S/);
  if (start === -1) return { ok: false, message: 'The file is empty.' };
  if (text[start] === '{' || text[start] === '[') return parseGeoJson(text, onProgress);
  return parseCsv(text, onProgress);
}
