// Files that are one list of records (countries, minerals): checked record by record, bad records skipped and named.
import type { z } from 'zod';
import type { CountryInfo, Mineral } from '../model/types';
import { isCountry, isMineral } from './checks';
import { DataFileError, firstIssue, loadSchemas, type DataProblem, type Schemas } from './load';

/**
 * A file that is an object with one array of records (countries, minerals): checked record by record, so one bad
 * record is reported (by its id or position) and skipped instead of rejecting the file. A wrong envelope rejects it.
 */
async function parseRecords<T>(
  value: unknown,
  file: string,
  key: 'countries' | 'minerals',
  isRecord: (x: unknown) => x is T,
  schema: (s: Schemas) => z.ZodType<unknown>,
  idOf: (x: T) => string,
  problems: DataProblem[],
): Promise<T[]> {
  const list = (value as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'object' || value === null || !Array.isArray(list))
    throw new DataFileError(file, `has an unexpected format (it should be an object with a "${key}" list)`);
  const fast = list.map((x) => isRecord(x));
  const z = fast.every(Boolean) ? null : await loadSchemas();
  const out: T[] = [];
  const seen = new Set<string>();
  list.forEach((x, i) => {
    const rawId = (x as { iso3?: unknown; id?: unknown } | null)?.[key === 'countries' ? 'iso3' : 'id'];
    const id = typeof rawId === 'string' && rawId.length <= 24 ? rawId : `record ${i + 1}`;
    if (!fast[i]) {
      const r = schema(z as Schemas).safeParse(x);
      problems.push({ file, id, message: r.success ? 'is not valid' : firstIssue(z as Schemas, r.error) });
      return;
    }
    const record = x as T;
    if (seen.has(idOf(record))) {
      problems.push({ file, id, message: 'duplicate id' });
      return;
    }
    seen.add(idOf(record));
    out.push(record);
  });
  return out;
}

/** Countries record by record: a bad country is reported and skipped; flows that need it are skipped with it. */
export function parseCountries(
  value: unknown,
  file: string,
  problems: DataProblem[],
): Promise<CountryInfo[]> {
  return parseRecords(
    value,
    file,
    'countries',
    isCountry,
    (s) => s.countrySchema,
    (c) => c.iso3,
    problems,
  );
}

/** Minerals record by record: a bad mineral is reported and skipped; the rest of the file is used. */
export async function parseMinerals(
  value: unknown,
  file: string,
  problems: DataProblem[],
): Promise<Mineral[]> {
  const minerals = await parseRecords(
    value,
    file,
    'minerals',
    isMineral,
    (s) => s.mineralSchema,
    (m) => m.id,
    problems,
  );
  if (minerals.length === 0) throw new DataFileError(file, 'has no valid mineral');
  return minerals;
}
