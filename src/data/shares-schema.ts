// Zod schema for shares.json: each country's share of world mining and refining, per mineral, stage and year.
import { z } from 'zod';
import { sourceSchema } from './schema';
import { CHAIN_STAGES, SHARE_BOUNDS } from '../model/chain';

/** The two supply stages that have country shares. */
export const SHARE_STAGES = ['mining', 'refining'] as const;
export type ShareStage = (typeof SHARE_STAGES)[number];

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code');

/** A data year as the source labels it: "2024", or "2025e" for an estimate. */
export const shareYearSchema = z.string().regex(/^\d{4}e?$/, 'a year, with a trailing "e" for an estimate');

/**
 * One row of a share table. `value` is in the table's `unit` (tonnes, kilograms or percent of the world);
 * `share` is a fraction 0..1 of the world (0.71 = 71%), rounded to 4 decimals. Both are null when the source
 * withholds or lacks the figure ("W", "NA"); the `note` says which. `country` is null for aggregate rows such as
 * "Other countries" or "Rest of world (remainder)".
 */
export const shareRowSchema = z
  .strictObject({
    country: iso3.nullable(),
    /** The row's name as the source writes it (USGS country name, atlas ISO2 code) or the aggregate's label. */
    label: z.string().min(1),
    value: z.number().nonnegative().nullable(),
    share: z.number().min(0).max(1).nullable(),
    note: z.string().min(1).exactOptional(),
  })
  .refine((row) => (row.value === null) === (row.share === null), {
    message: 'value and share are both known or both null',
  })
  .refine((row) => row.value !== null || row.note !== undefined, {
    message: 'a row without a value needs a note saying why',
  });
export type ShareRow = z.infer<typeof shareRowSchema>;

/**
 * Country shares of one mineral, stage and year from one source.
 * - shareBasis "world-total": share = value / worldTotal, the source's own (rounded) world total, so the shares
 *   add up to 1 only within that rounding.
 * - shareBasis "source-percent": the source gives rounded percentages only (worldTotal null, unit "percent ...");
 *   a "Rest of world (remainder)" row makes them add up to 1.
 */
export const shareTableSchema = z
  .strictObject({
    /** What is counted, e.g. "mine production" or "refining / processing". */
    measure: z.string().min(1),
    /** True for the source's estimates (the "e" years). */
    estimated: z.boolean(),
    /** Unit of `value` and `worldTotal`, as the source states it. */
    unit: z.string().min(1),
    /** The source's world total in `unit`, or null when the source gives percentages only. */
    worldTotal: z.number().positive().nullable(),
    shareBasis: z.enum(['world-total', 'source-percent']),
    /** True for rounded, curated percentages (the atlas's reference shares); false for reported tonnages. */
    approximate: z.boolean(),
    source: sourceSchema,
    notes: z.array(z.string().min(1)),
    /** Sorted by share, largest first; rows without a share last. */
    rows: z.array(shareRowSchema).min(1),
  })
  .superRefine((table, ctx) => {
    if ((table.shareBasis === 'world-total') !== (table.worldTotal !== null))
      ctx.addIssue({
        code: 'custom',
        message: 'a world total is given exactly when shareBasis is "world-total"',
      });
    let previous = Infinity;
    let sawNull = false;
    for (const row of table.rows) {
      if (row.share === null) {
        sawNull = true;
        continue;
      }
      if (sawNull || row.share > previous) {
        ctx.addIssue({ code: 'custom', message: 'rows must be sorted by share, largest first, nulls last' });
        return;
      }
      previous = row.share;
    }
  });
export type ShareTable = z.infer<typeof shareTableSchema>;

/** Per mineral: share tables keyed by data year, per stage, plus plain-language notes on what is missing. */
export const mineralSharesSchema = z.strictObject({
  mining: z.record(shareYearSchema, shareTableSchema),
  refining: z.record(shareYearSchema, shareTableSchema),
  gaps: z.array(z.string().min(1)),
});
export type MineralShares = z.infer<typeof mineralSharesSchema>;

/**
 * One cited figure of a chain stage (data/curated/stage-shares.csv): a source's shares of world output for one
 * mineral, stage and year, the countries it names (largest first), with the sentence that gives them.
 */
export const stageFigureSchema = z.strictObject({
  mineral: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mineral id'),
  stage: z.enum(CHAIN_STAGES),
  /** The year the figure describes (not the publication year). */
  year: z.number().int().min(1900).max(2100),
  /** What exactly the share is of. */
  measure: z.string().min(1),
  bound: z.enum(SHARE_BOUNDS),
  rows: z
    .array(z.strictObject({ country: iso3, share: z.number().min(0).max(1) }))
    .min(1)
    .refine((rows) => rows.every((r, i) => i === 0 || (rows[i - 1]?.share ?? 1) >= r.share), {
      message: 'rows must be sorted by share, largest first',
    }),
  source: sourceSchema,
  /** The source's sentence(s) giving the figures, verbatim. */
  quotes: z.array(z.string().min(1)).min(1),
  notes: z.array(z.string().min(1)),
});
export type StageFigure = z.infer<typeof stageFigureSchema>;

export const sharesFileSchema = z.strictObject({
  /** How the file was made and how to read it. */
  about: z.array(z.string().min(1)).min(1),
  /** Cited figures per chain stage, by mineral, stage and year. */
  stages: z.array(stageFigureSchema),
  /** Keyed by canonical mineral id (see minerals.json), sorted by id. */
  minerals: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mineral id'), mineralSharesSchema),
});
export type SharesFile = z.infer<typeof sharesFileSchema>;
