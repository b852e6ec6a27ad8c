// Stage sources.json: the sources manifest (publisher, licence, vintage, processing of every dataset) and known gaps.
import { manifestSchema } from '../../../src/data/schema';
import { DATASETS, GAPS } from '../manifest';
import { validate, writeOutput } from './output';

export function writeSources(outDir: string): void {
  const manifest = validate(manifestSchema, { datasets: DATASETS, gaps: GAPS }, 'sources.json');
  writeOutput(outDir, 'sources.json', `${JSON.stringify(manifest, null, 1)}\n`);
}
