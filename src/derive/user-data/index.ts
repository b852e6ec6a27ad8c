// A reader's own file (bytes) to sites or flows in one pure, synchronous call that never throws (Web Worker ready).
import { decodeBytes } from './decode';
import type { Encoding } from './decode';
import { detectKind, guessMapping, missingFields, resolveMapping } from './columns';
import type { Mapping, UserDataKind } from './columns';
import { parseText } from './parse';
import type { FileFormat, Progress } from './parse';
import { makeLookup, validateRows } from './validate';
import type { Lookup, Reference, Rejected, UserFlow, UserSite } from './validate';
import { shortText } from './text';

export { BINARY_MESSAGE, decodeBytes, looksBinary } from './decode';
export type { DecodeResult, Encoding } from './decode';
export {
  MAX_DATA_ROWS,
  PROGRESS_EVERY,
  TOO_MANY_ROWS_MESSAGE,
  parseCsv,
  parseGeoJson,
  parseText,
} from './parse';
export type { FileFormat, ParseResult, Progress, Table } from './parse';
export {
  FLOW_FIELDS,
  REQUIRED_FLOW_FIELDS,
  REQUIRED_SITE_FIELDS,
  SITE_FIELDS,
  SYNONYMS,
  applyMapping,
  detectKind,
  guessMapping,
  missingFields,
  normaliseHeader,
  resolveMapping,
} from './columns';
export type { ColumnIndexes, Field, FlowField, Mapping, SiteField, UserDataKind } from './columns';
export { makeLookup, plainNumber, validateRows } from './validate';
export type { Lookup, Reference, Rejected, UserFlow, UserSite, Validated } from './validate';
export { MAX_CELL_CHARS, cleanText, quote, safeCsvCell, shortText } from './text';

export interface ReadOptions {
  /** The project's minerals and countries, or a lookup made from them once (makeLookup). */
  reference: Reference | Lookup;
  /** Read the file as this kind whatever the mapping suggests. */
  kind?: UserDataKind;
  /** Called with the fraction done (0..1) every ~10,000 rows, and with 1 at the end. */
  onProgress?: Progress;
}

interface ReadCommon {
  ok: true;
  format: FileFormat;
  encoding: Encoding;
  /** The file's column names (cleaned, unique): what a mapping names. */
  headers: string[];
  /** The mapping used (the guess, or the one passed in): a UI shows it and may pass a changed one back. */
  mapping: Mapping;
  /** Rows the file rejected, with where they are and why. */
  rejected: Rejected[];
  /** Data rows read (kept + rejected). */
  rowCount: number;
  /** What Rejected.row and the items' row count: file lines (CSV) or features (GeoJSON). */
  rowUnit: 'line' | 'feature';
}

export type ReadResult =
  | (ReadCommon & { kind: 'sites'; items: UserSite[] })
  | (ReadCommon & { kind: 'flows'; items: UserFlow[] })
  | ReadFailure;

/**
 * A file that could not be read. When it parsed but its columns could not be matched, `headers` and the guessed
 * `mapping` come back too, so a UI can let the reader choose the columns and read again.
 */
export interface ReadFailure {
  ok: false;
  message: string;
  headers?: string[];
  mapping?: Mapping;
}

const isLookup = (r: Reference | Lookup): r is Lookup => r.minerals instanceof Map;

/** Extensions of files that are certainly not CSV or GeoJSON, with a hint on what to do. */
const WORKBOOK_RE = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

function read(
  bytes: Uint8Array,
  name: string,
  mapping: Mapping | undefined,
  options: ReadOptions,
): ReadResult {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    const hint = WORKBOOK_RE.test(name) ? ' Save the spreadsheet as CSV (UTF-8) and open that instead.' : '';
    return { ok: false, message: decoded.message + hint };
  }
  const progress = options.onProgress;
  const parsed = parseText(decoded.text, progress && ((f) => progress(f / 2)));
  if (!parsed.ok) return parsed;
  const table = parsed.table;
  const used = mapping ?? guessMapping(table.headers);
  const kind = options.kind ?? detectKind(used);
  if (kind === null) {
    const found = table.headers.slice(0, 12).map((h) => `"${shortText(h)}"`);
    return {
      ok: false,
      headers: table.headers,
      mapping: used,
      message:
        'Could not tell whether this file holds sites or flows. Sites need name, latitude and longitude columns; ' +
        `flows need exporter, importer, mineral, year and value. Columns found: ${found.join(', ')}` +
        `${table.headers.length > 12 ? ` and ${table.headers.length - 12} more` : ''}. Choose the columns by hand.`,
    };
  }
  const missing = missingFields(used, kind);
  if (missing.length > 0)
    return {
      ok: false,
      headers: table.headers,
      mapping: used,
      message: `No column is chosen for ${missing.join(', ')} (needed for ${kind}).`,
    };
  const resolved = resolveMapping(table.headers, used, kind);
  if (!resolved.ok) return { ...resolved, headers: table.headers, mapping: used };
  const lookup = isLookup(options.reference) ? options.reference : makeLookup(options.reference);
  const v = validateRows(table, resolved.indexes, kind, lookup, progress && ((f) => progress(0.5 + f / 2)));
  progress?.(1);
  const common: ReadCommon = {
    ok: true,
    format: table.format,
    encoding: decoded.encoding,
    headers: table.headers,
    mapping: used,
    rejected: v.rejected,
    rowCount: table.rows.length,
    rowUnit: table.rowUnit,
  };
  return v.kind === 'sites'
    ? { ...common, kind: 'sites', items: v.items }
    : { ...common, kind: 'flows', items: v.items };
}

/**
 * Reads a reader's CSV or GeoJSON file of sites or flows: decodes the bytes, parses, guesses the columns (or uses
 * `mapping` when given), and checks every row under the project's rules. `name` is the file's name (only for hints). Pure and
 * synchronous; never throws: an unexpected failure comes back as { ok: false } with a message.
 */
export function readUserFile(
  bytes: Uint8Array,
  name: string,
  mapping: Mapping | undefined,
  options: ReadOptions,
): ReadResult {
  try {
    return read(bytes, name, mapping, options);
  } catch (e) {
    return {
      ok: false,
      message: `The file could not be read (${shortText(e instanceof Error ? e.message : String(e))}).`,
    };
  }
}
