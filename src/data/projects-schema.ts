// Zod schema for projects.json: projects outside China that add capacity, and the public support each received.
import { z } from 'zod';
import {
  ARRANGEMENTS,
  CHAIN_STAGES,
  PROJECT_STAGES,
  SUPPORT_INSTRUMENTS,
  type ProjectsFile,
} from '../model/projects';
import { PRECISIONS } from '../model/types';
import { sourceSchema } from './schema';

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code');
const year = z.number().int().min(1900).max(2100);
const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const text = z.string().min(1).nullable();

/** True when `d` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and that month or day exists (2025-02-30 does not). */
export function isPartialDate(d: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) return false;
  const full = d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
  const parsed = new Date(`${full}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === full;
}

/** A date given to the precision the source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDateSchema = z
  .string()
  .refine(isPartialDate, { message: 'date as YYYY, YYYY-MM or YYYY-MM-DD that exists' });

export const supportSchema = z
  .strictObject({
    agency: z.string().min(1),
    country: z.union([iso3, z.literal('EU')]),
    instrument: z.enum(SUPPORT_INSTRUMENTS),
    amount: z.number().positive().nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'ISO 4217 currency code')
      .nullable(),
    date: partialDateSchema,
    status: z.string().min(1),
    source: sourceSchema,
    notes: z.string(),
  })
  .refine((s) => s.amount === null || s.currency !== null, { message: 'an amount needs its currency' });

export const projectSchema = z.strictObject({
  id: z.string().regex(/^prj-[a-z0-9-]+$/, 'prj- id'),
  name: z.string().min(1),
  operator: text,
  country: iso3,
  minerals: z.array(z.string().min(1)).min(1),
  chainStage: z.enum(CHAIN_STAGES),
  stage: z.enum(PROJECT_STAGES),
  position: lngLat,
  precision: z.enum(PRECISIONS),
  product: z.string().min(1),
  capacity: z.strictObject({ value: z.number().positive(), unit: z.string().min(1) }).nullable(),
  startYear: z.strictObject({ announced: year.nullable(), revised: year.nullable(), note: text }),
  permit: z.strictObject({
    applied: partialDateSchema.nullable(),
    granted: partialDateSchema.nullable(),
    note: text,
  }),
  fastTrack: text,
  arrangements: z.array(z.enum(ARRANGEMENTS)),
  siteId: z.string().min(1).nullable(),
  sources: z.array(sourceSchema).min(1),
  vintage: year,
  notes: z.string(),
  support: z.array(supportSchema).min(1),
});

export const projectsFileSchema: z.ZodType<ProjectsFile> = z
  .strictObject({
    projects: z.array(projectSchema),
    sources: z.array(sourceSchema).min(1),
  })
  .refine((f) => new Set(f.projects.map((p) => p.id)).size === f.projects.length, {
    message: 'project ids are unique',
  });
