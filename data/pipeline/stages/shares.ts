// Stage shares.json: mine production shares (USGS MCS 2026) and approximate refining shares (atlas) per mineral.
import { sharesFileSchema, type SharesFile } from '../../../src/data/shares-schema';
import type { CountryIndex } from '../countries';
import { buildShares } from '../shares';
import { validate, writeOutput } from './output';

export function writeShares(
  rawDir: string,
  outDir: string,
  countries: CountryIndex,
  mineralIds: ReadonlySet<string>,
): SharesFile {
  const shares = validate(
    sharesFileSchema,
    buildShares(rawDir, (name) => countries.resolve(name), mineralIds, countries.iso3ByIso2),
    'shares.json',
  );
  writeOutput(outDir, 'shares.json', `${JSON.stringify(shares)}\n`);
  return shares;
}
