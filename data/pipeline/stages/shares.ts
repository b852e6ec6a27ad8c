// Stage shares.json: mine production and refining shares per mineral and year, and cited figures per chain stage.
import { sharesFileSchema, type SharesFile } from '../../../src/data/shares-schema';
import type { CountryIndex } from '../countries';
import { buildShares } from '../shares';
import { readStageShares } from '../stage-shares';
import { validate, writeOutput } from './output';

export function writeShares(
  rawDir: string,
  curatedDir: string,
  outDir: string,
  countries: CountryIndex,
  mineralIds: ReadonlySet<string>,
): SharesFile {
  const shares = validate(
    sharesFileSchema,
    {
      ...buildShares(rawDir, (name) => countries.resolve(name), mineralIds, countries.iso3ByIso2),
      stages: readStageShares(curatedDir, mineralIds, (iso3) => countries.names.has(iso3)),
    },
    'shares.json',
  );
  writeOutput(outDir, 'shares.json', `${JSON.stringify(shares)}\n`);
  return shares;
}
