// Stage measures.json: the checked export-control table, the HS code names and China's monthly shipments per group.
import { join } from 'node:path';
import { measuresFileSchema } from '../../../src/data/measures-schema';
import type { MeasuresFile } from '../../../src/model/measures';
import { loadMeasures } from '../measures';
import { buildMonthlySeries } from '../monthly';
import { PipelineError } from '../read';
import type { CuratedMineral } from './minerals';
import { validate, writeOutput } from './output';

/**
 * Read and check the curated measures (data/pipeline/measures.ts), require a description for every mineral's product
 * code too, add the monthly series, validate the whole file and write it: one measure or series per line.
 */
export function writeMeasures(
  rawDir: string,
  curatedDir: string,
  outDir: string,
  minerals: readonly CuratedMineral[],
  countries: ReadonlySet<string>,
): MeasuresFile {
  const curated = loadMeasures(curatedDir, new Set(minerals.map((m) => m.id)), countries);
  for (const m of minerals)
    for (const p of m.products)
      if (!curated.hs.has(p.hs))
        throw new PipelineError(
          join(curatedDir, 'hs-codes.csv'),
          `no description for HS ${p.hs}, a product of ${m.id} in minerals.json`,
        );
  const file = validate(
    measuresFileSchema,
    {
      asOf: curated.asOf,
      measures: curated.measures,
      hs: Object.fromEntries([...curated.hs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      monthly: buildMonthlySeries(rawDir),
      sources: curated.sources,
    },
    'measures.json',
  );
  const lines = (items: readonly unknown[]) => items.map((x) => JSON.stringify(x)).join(',\n');
  writeOutput(
    outDir,
    'measures.json',
    `{"asOf":${JSON.stringify(file.asOf)},\n"measures":[\n${lines(file.measures)}\n],\n` +
      `"hs":${JSON.stringify(file.hs)},\n"monthly":[\n${lines(file.monthly)}\n],\n` +
      `"sources":${JSON.stringify(file.sources)}}\n`,
  );
  return file;
}
