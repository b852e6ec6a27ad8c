// Zod schema for measures.json: export-control measures, HS code names and the exporters' monthly shipments.
import { z } from 'zod';
import { CONTROL_FORMS } from '../model/measures';
import { sourceSchema } from './schema';

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code');
const hs6 = z.string().regex(/^\d{6}$/, 'HS 6-digit code');
/** A calendar date YYYY-MM-DD that exists (2025-02-30 does not). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date (YYYY-MM-DD)')
  // zod runs the refinement even when the pattern failed: an unparsable text must give false, not throw.
  .refine(
    (d) => {
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
    },
    { message: 'date that exists' },
  );
const date = isoDateSchema.nullable();

export const measureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'URL-safe id'),
  country: iso3,
  issuer: z.string().min(1),
  announcementNo: z.string().min(1),
  announced: date,
  inForce: date,
  suspended: date,
  lifted: date,
  suspendedUntil: date,
  form: z.enum(CONTROL_FORMS),
  minerals: z.array(z.string().min(1)),
  materials: z.string().min(1),
  hs: z.array(hs6),
  hsMapping: z.string(),
  destinations: z.array(iso3).min(1).nullable(),
  sources: z.array(sourceSchema).min(1),
  checked: z.string().min(1),
  notes: z.string(),
});

export const monthlySeriesSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'URL-safe id'),
  exporter: iso3,
  label: z.string().min(1),
  hs: z.array(hs6).min(1),
  minerals: z.array(z.string().min(1)).min(1),
  partners: z.array(z.string().min(1)).min(1),
  start: z.string().regex(/^\d{4}-\d{2}$/, 'month (YYYY-MM)'),
  valueUsd: z.array(z.number().nonnegative().nullable()).min(1),
  coverage: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const measuresFileSchema = z
  .strictObject({
    asOf: isoDateSchema,
    measures: z.array(measureSchema),
    hs: z.record(hs6, z.string().min(1)),
    monthly: z.array(monthlySeriesSchema),
    sources: z.array(sourceSchema).min(1),
  })
  .refine((f) => f.measures.every((m) => m.hs.every((c) => c in f.hs)), {
    message: 'every HS code a measure names has a description',
  });
