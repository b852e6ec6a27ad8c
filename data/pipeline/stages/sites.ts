// Stage sites.geojson: every raw site layer and the curated table, located, checked, merged and written one per line.
import { siteFeatureSchema } from '../../../src/data/schema';
import type { Site } from '../../../src/model/types';
import type { CountryIndex } from '../countries';
import { checkLocations, mergeDuplicates, type ReportEntry } from '../sites';
import { CommodityMap, type RawSite } from '../sites-raw';
import { loadCurated } from '../sources/curated-sites';
import { loadOfr2005 } from '../sources/ofr2005';
import { loadOrris } from '../sources/orris';
import { loadPp1802 } from '../sources/pp1802';
import { loadFacilities } from '../sources/usgs-facilities';
import type { CuratedMineral } from './minerals';
import { jsonLines, validate, writeOutput } from './output';

export interface SitesResult {
  /** Raw records read from all layers (before checks and merges). */
  rawCount: number;
  sites: Site[];
}

/** Read every site layer (fixes, exclusions and merges go to `report`), write sites.geojson. */
export function writeSites(
  rawDir: string,
  curatedDir: string,
  outDir: string,
  minerals: readonly CuratedMineral[],
  countries: CountryIndex,
  report: ReportEntry[],
  log: (line: string) => void,
): SitesResult {
  const commodities = new CommodityMap([...minerals]);
  const curated = loadCurated(curatedDir, new Set(minerals.map((m) => m.id)));
  const raw: RawSite[] = [
    ...loadOrris(rawDir),
    ...loadPp1802(rawDir, commodities),
    ...loadOfr2005(rawDir, commodities),
    ...loadFacilities(rawDir, commodities, 'africa'),
    ...loadFacilities(rawDir, commodities, 'indopac'),
    ...curated,
  ];
  // The processing-plant tables merge last (see mergeDuplicates).
  const late = new Set(curated.filter((s) => !s.ref.startsWith('data/curated/sites.csv ')).map((s) => s.id));
  log(`raw site records: ${raw.length}`);
  const sites = mergeDuplicates(checkLocations(raw, countries, report), report, late);
  const features = sites.map((s) => {
    const { position, ...props } = s;
    return validate(
      siteFeatureSchema,
      { type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: props },
      `site ${s.id}`,
    );
  });
  writeOutput(outDir, 'sites.geojson', jsonLines('{"type":"FeatureCollection","features":[', features, ']}'));
  log(`sites: ${sites.length}`);
  return { rawCount: raw.length, sites };
}
