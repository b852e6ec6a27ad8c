// The curated export-control tables at the pipeline's edge: measures.csv, hs-codes.csv and measures-meta.json, checked row by row.
import { join } from 'node:path';
import { z } from 'zod';
import { isoDateSchema } from '../../src/data/measures-schema';
import { sourceSchema } from '../../src/data/schema';
import { CONTROL_FORMS, type ControlForm, type Measure } from '../../src/model/measures';
import type { Source } from '../../src/model/types';
import { parseCsvText, PipelineError, readJsonAs, readText } from './read';

/** The 25 columns of measures.csv, in file order (data/curated/measures.md). */
export const MEASURE_COLUMNS = [
  'id',
  'country',
  'issuer',
  'announcement_no',
  'date_announced',
  'date_in_force',
  'date_suspended',
  'date_lifted',
  'suspended_until',
  'form',
  'minerals',
  'materials',
  'hs_codes',
  'hs_mapping',
  'destinations',
  'source_publisher',
  'source_title',
  'source_year',
  'source_url',
  'second_source_publisher',
  'second_source_title',
  'second_source_year',
  'second_source_url',
  'checked',
  'notes',
] as const;
type Column = (typeof MEASURE_COLUMNS)[number];

/** What a measure row may name: the closed lists it is checked against. */
export interface MeasureVocabulary {
  /** hs-codes.csv: HS 6-digit code -> HS 2022 description. */
  hs: ReadonlyMap<string, string>;
  /** Mineral ids of minerals.json. */
  minerals: ReadonlySet<string>;
  /** ISO3 codes the pipeline knows (the country index). */
  countries: ReadonlySet<string>;
}

const metaSchema = z.strictObject({ asOf: isoDateSchema, sources: z.array(sourceSchema).min(1) });

/** Everything the measures stage publishes from the curated folder (before the monthly shipments are added). */
export interface CuratedMeasures {
  asOf: string;
  measures: Measure[];
  hs: ReadonlyMap<string, string>;
  sources: Source[];
}

/** hs-codes.csv (`hs`, `description`): the closed list of HS 6-digit codes, in file order. */
export function parseHsCodes(text: string, file: string): Map<string, string> {
  const { fields, rows } = parseCsvText(text, file);
  if (fields.join(',') !== 'hs,description')
    throw new PipelineError(file, `columns must be hs,description (found ${fields.join(',')})`);
  const hs = new Map<string, string>();
  rows.forEach((r, i) => {
    const code = r['hs'] ?? '';
    const description = (r['description'] ?? '').trim();
    if (!/^\d{6}$/.test(code)) throw new PipelineError(file, `hs: "${code}" is not 6 digits`, i + 1);
    if (hs.has(code)) throw new PipelineError(file, `hs: ${code} is listed twice`, i + 1);
    if (description === '') throw new PipelineError(file, `description: empty for ${code}`, i + 1);
    hs.set(code, description);
  });
  return hs;
}

/**
 * measures.csv -> Measure[] in file order. Every failure names the file, the 1-based data row, the row's id and the
 * column: a missing primary source, a non-http(s) URL, a date that does not exist, an unknown or malformed HS code,
 * an unknown mineral, form or country, a duplicate id, a suspension or lifting dated before the announcement.
 */
export function parseMeasures(text: string, file: string, vocab: MeasureVocabulary): Measure[] {
  const { fields, rows } = parseCsvText(text, file);
  if (fields.join(',') !== MEASURE_COLUMNS.join(','))
    throw new PipelineError(file, `columns must be ${MEASURE_COLUMNS.join(',')}`);
  const seen = new Set<string>();
  return rows.map((record, i) => {
    const id = (record['id'] ?? '').trim();
    const fail = (column: Column, message: string): never => {
      throw new PipelineError(file, `${id || '(no id)'}: ${column}: ${message}`, i + 1);
    };
    const get = (c: Column): string => (record[c] ?? '').trim();
    const required = (c: Column): string => get(c) || fail(c, 'empty');
    const list = (c: Column): string[] =>
      get(c) === ''
        ? []
        : get(c)
            .split(';')
            .map((s) => s.trim());
    const date = (c: Column): string | null => {
      const v = get(c);
      if (v === '') return null;
      return isoDateSchema.safeParse(v).success ? v : fail(c, `"${v}" is not a date YYYY-MM-DD that exists`);
    };
    const iso3 = (c: Column, v: string): string =>
      vocab.countries.has(v) ? v : fail(c, `"${v}" is not a known ISO 3166-1 alpha-3 code`);

    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail('id', `"${id}" is not a lowercase kebab-case id`);
    if (seen.has(id)) fail('id', 'duplicate id');
    seen.add(id);

    const form = required('form');
    if (!(CONTROL_FORMS as readonly string[]).includes(form))
      fail('form', `"${form}" is not one of ${CONTROL_FORMS.join(', ')}`);
    const minerals = list('minerals');
    for (const m of minerals) if (!vocab.minerals.has(m)) fail('minerals', `unknown mineral id "${m}"`);
    const hs = list('hs_codes');
    for (const code of hs) {
      if (!/^\d{6}$/.test(code)) fail('hs_codes', `"${code}" is not an HS 6-digit code`);
      if (!vocab.hs.has(code)) fail('hs_codes', `unknown HS code ${code} (not in hs-codes.csv)`);
    }
    const destinations =
      get('destinations') === 'all' ? null : list('destinations').map((d) => iso3('destinations', d));
    if (destinations !== null && destinations.length === 0) fail('destinations', 'empty (write "all")');

    const announced = date('date_announced');
    const dates = {
      announced,
      inForce: date('date_in_force'),
      suspended: date('date_suspended'),
      lifted: date('date_lifted'),
      suspendedUntil: date('suspended_until'),
    };
    for (const [c, d] of [
      ['date_suspended', dates.suspended],
      ['date_lifted', dates.lifted],
    ] as const) {
      if (announced !== null && d !== null && d < announced)
        fail(c, `${d} is before date_announced ${announced}`);
    }

    const source = (prefix: '' | 'second_'): Source => {
      const col = (c: string) => `${prefix}${c}` as Column;
      const year = get(col('source_year'));
      if (!/^\d{4}$/.test(year)) fail(col('source_year'), `"${year}" is not a year`);
      const url = get(col('source_url'));
      if (url !== '' && !/^https?:\/\/[^\s]+$/.test(url))
        fail(col('source_url'), `"${url}" is not an http(s) URL`);
      return {
        publisher: required(col('source_publisher')),
        title: required(col('source_title')),
        year: Number(year),
        ...(url === '' ? {} : { url }),
      };
    };
    const secondGiven = ['publisher', 'title', 'year', 'url'].some((c) =>
      get(`second_source_${c}` as Column),
    );

    return {
      id,
      country: iso3('country', required('country')),
      issuer: required('issuer'),
      announcementNo: required('announcement_no'),
      ...dates,
      form: form as ControlForm,
      minerals,
      materials: required('materials'),
      hs,
      hsMapping: hs.length > 0 ? required('hs_mapping') : get('hs_mapping'),
      destinations,
      sources: secondGiven ? [source(''), source('second_')] : [source('')],
      checked: required('checked'),
      notes: get('notes'),
    };
  });
}

/** Read the three curated files; `minerals` and `countries` are the ids the rest of the pipeline knows. */
export function loadMeasures(
  curatedDir: string,
  minerals: ReadonlySet<string>,
  countries: ReadonlySet<string>,
): CuratedMeasures {
  const hs = parseHsCodes(readText(join(curatedDir, 'hs-codes.csv')), join(curatedDir, 'hs-codes.csv'));
  const file = join(curatedDir, 'measures.csv');
  const measures = parseMeasures(readText(file), file, { hs, minerals, countries });
  const meta = readJsonAs(join(curatedDir, 'measures-meta.json'), metaSchema);
  return { asOf: meta.asOf, measures, hs, sources: meta.sources.map(plainSource) };
}

/** A Source without an `undefined` url key (exactOptionalPropertyTypes). */
function plainSource(s: z.infer<typeof sourceSchema>): Source {
  return {
    publisher: s.publisher,
    title: s.title,
    year: s.year,
    ...(s.url === undefined ? {} : { url: s.url }),
  };
}
