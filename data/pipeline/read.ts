// Reading raw inputs at the pipeline's edge: CSV (papaparse) and JSON, with errors naming the file and the row.
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { z } from 'zod';

/** A problem with one input: names the file and, where it applies, the 1-based data row. */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly row?: number,
  ) {
    super(`${file}${row === undefined ? '' : ` row ${row}`}: ${message}`);
    this.name = 'PipelineError';
  }
}

/** A text file with a leading BOM dropped; a missing file stops with its path. */
export function readText(file: string): string {
  if (!existsSync(file))
    throw new PipelineError(file, 'file not found (is the raw data folder right? set RAW_DATA_DIR)');
  // Strip a UTF-8 byte-order mark (the NGA port index has one).
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

/** A parsed CSV: its header fields in file order and one string record per data row. */
export interface CsvTable {
  fields: string[];
  rows: Record<string, string>[];
}

/**
 * Parse CSV text with a header row (a leading BOM is dropped). `file` names the source in errors; rows are 1-based
 * data rows, the header not counted. Malformed quoting or a short row stops with the row number.
 */
export function parseCsvText(text: string, file: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new PipelineError(file, 'file is empty (expected a header row)');
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  const firstError = parsed.errors[0];
  if (firstError) {
    // papaparse rows are 0-based data rows; +1 for 1-based, the header is not counted.
    throw new PipelineError(file, `malformed CSV: ${firstError.message}`, (firstError.row ?? 0) + 1);
  }
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Read a CSV file with a header row: fields and string records (see parseCsvText). */
export function readCsvTable(file: string): CsvTable {
  return parseCsvText(readText(file), file);
}

/** Parse a CSV with a header row into string records. Malformed quoting stops with the row number. */
export function readCsv(file: string): Record<string, string>[] {
  return readCsvTable(file).rows;
}

/** Read a CSV and validate each row with a zod schema; the first bad row stops the pipeline. */
export function readCsvRows<T>(file: string, schema: z.ZodType<T>): T[] {
  return readCsv(file).map((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new PipelineError(file, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, i + 1);
    }
    return result.data;
  });
}

export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PipelineError(file, `malformed JSON: ${(error as Error).message}`);
  }
}

/** Read a JSON file and validate it whole. */
export function readJsonAs<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(readJson(file));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PipelineError(file, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** A number from a raw string, or null for empty, "<null>", "NA", "W" and the like. */
export function parseNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.trim().replace(/,/g, '');
  if (s === '' || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}
