// Adapter for the curated project tables (data/curated/projects.csv, project-support.csv): read, validate, join.
import { join } from 'node:path';
import { z } from 'zod';
import { CHINA_ISO3 } from '../../src/config/china';
import { isPartialDate } from '../../src/data/projects-schema';
import {
  ARRANGEMENTS,
  CHAIN_STAGES,
  PROJECT_STAGES,
  SUPPORT_INSTRUMENTS,
  type Project,
  type Support,
} from '../../src/model/projects';
import { PRECISIONS, type Source } from '../../src/model/types';
import { PipelineError, parseCsvText, readText } from './read';

/** A validated project row before it is linked to a site: `siteHint` is the site name as a map would know it. */
export type CuratedProject = Omit<Project, 'siteId'> & { siteHint: string | null };

/** The table writes this when no arrangement was found; it becomes an empty list. */
const NONE_STATED = 'none-stated';

/** Empty text is unknown (null); anything else is trimmed. */
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));
const required = (what: string) => z.string().trim().min(1, `${what} is empty`);
const matching = (re: RegExp, what: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || re.test(s), { error: (i) => `${what}, not "${String(i.input)}"` })
    .transform((s) => (s === '' ? null : s));
const oneOf = <T extends readonly [string, ...string[]]>(list: T, what: string) =>
  z
    .string()
    .trim()
    .pipe(z.enum(list, { error: (i) => `unknown ${what} "${String(i.input)}"` }));
const number = (what: string) =>
  matching(/^-?\d+(\.\d+)?$/, what).transform((s) => (s === null ? null : Number(s)));
const year = matching(/^\d{4}$/, 'a year YYYY').transform((s) => (s === null ? null : Number(s)));
const dateError = {
  error: (i: { input: unknown }) =>
    `a date YYYY, YYYY-MM or YYYY-MM-DD that exists, not "${String(i.input)}"`,
};
const partialDate = z
  .string()
  .trim()
  .refine((s) => s === '' || isPartialDate(s), dateError)
  .transform((s) => (s === '' ? null : s));
const iso3 = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, `${what} must be an ISO3 code`);

/** The citation columns both tables share; a row without publisher, title or year has no source and fails. */
const sourceColumns = {
  source_publisher: required('source publisher (a row needs its source)'),
  source_title: required('source title (a row needs its source)'),
  source_year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'source year must be YYYY (a row needs its source)'),
  source_url: matching(/^https?:\/\/\S+$/, 'an http(s) address'),
};
type SourceColumns = { [K in keyof typeof sourceColumns]: z.output<(typeof sourceColumns)[K]> };

const projectRow = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^prj-[a-z0-9-]+$/, 'id must be prj- and lower-case kebab-case'),
  name: required('name'),
  operator: optional,
  country: iso3('country'),
  minerals: required('minerals'),
  chain_stage: oneOf(CHAIN_STAGES, 'chain stage'),
  project_stage: oneOf(PROJECT_STAGES, 'stage'),
  lat: number('a latitude').pipe(z.number().min(-90).max(90)),
  lng: number('a longitude').pipe(z.number().min(-180).max(180)),
  precision: oneOf(PRECISIONS, 'precision'),
  product: required('product'),
  capacity_value: number('a plain number').pipe(z.number().positive('capacity must be positive').nullable()),
  capacity_unit: optional,
  start_year_announced: year,
  start_year_revised: year,
  start_year_revision_note: optional,
  permit_applied: partialDate,
  permit_granted: partialDate,
  permit_note: optional,
  fast_track: optional,
  arrangements: required(`arrangements (write ${NONE_STATED} when none was found)`),
  site_hint: optional,
  ...sourceColumns,
  vintage: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'vintage must be YYYY')
    .transform(Number),
  notes: z.string().trim(),
});

const supportRow = z.strictObject({
  project_id: required('project_id'),
  agency: required('agency'),
  country: z
    .string()
    .trim()
    .regex(/^([A-Z]{3}|EU)$/, 'country must be an ISO3 code or EU'),
  instrument: oneOf(SUPPORT_INSTRUMENTS, 'instrument'),
  amount: number('a plain number').pipe(z.number().positive('amount must be positive').nullable()),
  currency: matching(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
  date: required('date (every support row needs one)').refine(isPartialDate, dateError),
  status: required('status'),
  ...sourceColumns,
  notes: z.string().trim(),
});

/** Parse one CSV record; a failure names the file, row, the row's id and the field. */
function parseRow<T>(
  schema: z.ZodType<T>,
  rec: Record<string, string>,
  file: string,
  row: number,
  id: string,
): T {
  const r = schema.safeParse(rec);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.length ? `field ${issue.path.join('.')}` : 'columns';
  throw new PipelineError(file, `${id}, ${field}: ${issue?.message ?? 'invalid'}`, row);
}

function sourceOf(r: SourceColumns): Source {
  const s: Source = { publisher: r.source_publisher, title: r.source_title, year: Number(r.source_year) };
  if (r.source_url !== null) s.url = r.source_url;
  return s;
}

/** One rule for both checks that name a field after zod: the row's file, number, id and field. */
const fail = (file: string, row: number, id: string, field: string, message: string) =>
  new PipelineError(file, `${id}, field ${field}: ${message}`, row);

function toProject(
  r: z.output<typeof projectRow>,
  file: string,
  row: number,
  mineralIds: ReadonlySet<string>,
): CuratedProject {
  const bad = (field: string, message: string) => fail(file, row, `id ${r.id}`, field, message);
  if (CHINA_ISO3.has(r.country))
    throw bad('country', `${r.country}: the table is for projects outside China`);
  const minerals = r.minerals.split(';').map((m) => m.trim());
  const unknown = minerals.find((m) => !mineralIds.has(m));
  if (unknown !== undefined) throw bad('minerals', `unknown mineral "${unknown}"`);
  if ((r.capacity_value === null) !== (r.capacity_unit === null))
    throw bad('capacity_value', 'a capacity needs both its value and its unit');
  if (r.start_year_revised !== null && r.start_year_announced === null)
    throw bad('start_year_revised', 'a revised start year needs the announced one');
  const tags = r.arrangements.split(';').map((a) => a.trim());
  const arrangements = tags.filter((a) => a !== NONE_STATED);
  const unknownTag = arrangements.find((a) => !(ARRANGEMENTS as readonly string[]).includes(a));
  if (unknownTag !== undefined) throw bad('arrangements', `unknown arrangement "${unknownTag}"`);
  if (arrangements.length > 0 && arrangements.length < tags.length)
    throw bad('arrangements', `${NONE_STATED} cannot stand next to an arrangement`);
  return {
    id: r.id,
    name: r.name,
    operator: r.operator,
    country: r.country,
    minerals: [...new Set(minerals)].sort(),
    chainStage: r.chain_stage,
    stage: r.project_stage,
    position: [r.lng, r.lat],
    precision: r.precision,
    product: r.product,
    capacity:
      r.capacity_value !== null && r.capacity_unit !== null
        ? { value: r.capacity_value, unit: r.capacity_unit }
        : null,
    startYear: {
      announced: r.start_year_announced,
      revised: r.start_year_revised,
      note: r.start_year_revision_note,
    },
    permit: { applied: r.permit_applied, granted: r.permit_granted, note: r.permit_note },
    fastTrack: r.fast_track,
    arrangements: [...new Set(arrangements as (typeof ARRANGEMENTS)[number][])].sort(),
    siteHint: r.site_hint,
    sources: [sourceOf(r)],
    vintage: r.vintage,
    notes: r.notes,
    support: [],
  };
}

function toSupport(r: z.output<typeof supportRow>, file: string, row: number): Support {
  if (r.amount !== null && r.currency === null)
    throw fail(file, row, `project ${r.project_id}`, 'currency', 'an amount needs its currency');
  return {
    agency: r.agency,
    country: r.country,
    instrument: r.instrument,
    amount: r.amount,
    currency: r.currency,
    date: r.date,
    status: r.status,
    source: sourceOf(r),
    notes: r.notes,
  };
}

/** The two tables' text and the names they are reported under. */
export interface ProjectTablesText {
  projects: { file: string; text: string };
  support: { file: string; text: string };
}

/**
 * Validate both tables and join support to projects (table order; each project's support oldest first, dates
 * compared as text). Fails on the first problem: unknown stage, chain stage, instrument, arrangement or mineral, a
 * missing source, a bad date, a support row without a date or with an amount but no currency, support for an
 * unknown project, a duplicate id, or a project without any support row (the table's inclusion rule).
 */
export function parseProjectTables(t: ProjectTablesText, mineralIds: ReadonlySet<string>): CuratedProject[] {
  const projects = new Map<string, CuratedProject>();
  parseCsvText(t.projects.text, t.projects.file).rows.forEach((rec, i) => {
    const id = `id ${rec['id'] ?? '?'}`;
    const p = toProject(
      parseRow(projectRow, rec, t.projects.file, i + 1, id),
      t.projects.file,
      i + 1,
      mineralIds,
    );
    if (projects.has(p.id)) throw fail(t.projects.file, i + 1, `id ${p.id}`, 'id', 'duplicate id');
    projects.set(p.id, p);
  });
  parseCsvText(t.support.text, t.support.file).rows.forEach((rec, i) => {
    const id = `project ${rec['project_id'] ?? '?'}`;
    const r = parseRow(supportRow, rec, t.support.file, i + 1, id);
    const project = projects.get(r.project_id);
    if (!project)
      throw fail(t.support.file, i + 1, id, 'project_id', 'no such project in the projects table');
    project.support.push(toSupport(r, t.support.file, i + 1));
  });
  for (const p of projects.values()) {
    if (p.support.length === 0)
      throw new PipelineError(
        t.projects.file,
        `id ${p.id}: no support row (every project needs at least one)`,
      );
    p.support.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return [...projects.values()];
}

export const PROJECTS_FILE = 'projects.csv';
export const SUPPORT_FILE = 'project-support.csv';

/** Read and validate data/curated/projects.csv and project-support.csv. */
export function loadProjects(curatedDir: string, mineralIds: ReadonlySet<string>): CuratedProject[] {
  const file = (name: string) => ({ file: join(curatedDir, name), text: readText(join(curatedDir, name)) });
  return parseProjectTables({ projects: file(PROJECTS_FILE), support: file(SUPPORT_FILE) }, mineralIds);
}
