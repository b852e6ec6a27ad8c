// Curated shares per chain stage (data/curated/stage-shares.csv): each row checked, rows of one figure grouped.
import { join } from 'node:path';
import { z } from 'zod';
import type { StageFigure } from '../../src/data/shares-schema';
import { CHAIN_STAGES, SHARE_BOUNDS } from '../../src/model/chain';
import { PipelineError, readCsvRows } from './read';

export const STAGE_SHARES_FILE = 'stage-shares.csv';

const row = z.object({
  mineral: z.string().regex(/^[a-z0-9-]+$/),
  stage: z.enum(CHAIN_STAGES),
  country: z.string().regex(/^[A-Z]{3}$/),
  share: z.string().regex(/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/, 'a fraction 0..1 with at most 3 decimals'),
  bound: z.enum(SHARE_BOUNDS),
  year: z.string().regex(/^(19|20)\d\d$/),
  measure: z.string().min(1),
  publisher: z.string().min(1),
  title: z.string().min(1),
  pub_year: z.string().regex(/^(19|20)\d\d$/),
  url: z.string().regex(/^https:\/\/[^\s]+$/, 'an https URL'),
  quote: z.string().min(1),
  notes: z.string(),
});

/**
 * Every row of the table as figures: rows of the same mineral, stage, year, measure and source form one figure
 * (countries largest first). An unknown mineral or country, a country twice in one figure, a figure year after its
 * source's publication year, or shares adding up to more than 1 stop the build, naming the row or figure.
 */
export function readStageShares(
  curatedDir: string,
  mineralIds: ReadonlySet<string>,
  knownCountry: (iso3: string) => boolean,
): StageFigure[] {
  const file = join(curatedDir, STAGE_SHARES_FILE);
  const figures = new Map<string, StageFigure>();
  readCsvRows(file, row).forEach((r, i) => {
    const line = i + 1;
    if (!mineralIds.has(r.mineral)) throw new PipelineError(file, `unknown mineral "${r.mineral}"`, line);
    if (!knownCountry(r.country)) throw new PipelineError(file, `unknown country "${r.country}"`, line);
    if (Number(r.year) > Number(r.pub_year))
      throw new PipelineError(file, `figure year ${r.year} is after its source's ${r.pub_year}`, line);
    const key = [r.mineral, r.stage, r.year, r.measure, r.publisher, r.title].join('|');
    const f = figures.get(key) ?? {
      mineral: r.mineral,
      stage: r.stage,
      year: Number(r.year),
      measure: r.measure,
      bound: r.bound,
      rows: [],
      source: { publisher: r.publisher, title: r.title, year: Number(r.pub_year), url: r.url },
      quotes: [],
      notes: [],
    };
    figures.set(key, f);
    if (f.rows.some((x) => x.country === r.country))
      throw new PipelineError(file, `${r.country} given twice for one figure`, line);
    f.rows.push({ country: r.country, share: Number(r.share) });
    if (!f.quotes.includes(r.quote)) f.quotes.push(r.quote);
    if (r.notes && !f.notes.includes(r.notes)) f.notes.push(r.notes);
  });
  const order = (s: string) => CHAIN_STAGES.indexOf(s as (typeof CHAIN_STAGES)[number]);
  const out = [...figures.values()].sort(
    (a, b) =>
      (a.mineral < b.mineral ? -1 : a.mineral > b.mineral ? 1 : 0) ||
      order(a.stage) - order(b.stage) ||
      a.year - b.year ||
      (a.source.publisher < b.source.publisher ? -1 : 1),
  );
  for (const f of out) {
    f.rows.sort((a, b) => b.share - a.share || (a.country < b.country ? -1 : 1));
    const total = f.rows.reduce((t, r) => t + r.share, 0);
    if (total > 1.0005)
      throw new PipelineError(
        file,
        `${f.mineral} ${f.stage} ${f.year} (${f.source.publisher}): shares add up to ${total}`,
      );
  }
  return out;
}
