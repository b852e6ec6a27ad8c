// Stage countries.json: each country's name, the port(s) or centroid its flows are drawn from, and its label point.
import { countriesFileSchema } from '../../../src/data/schema';
import type { CountryInfo } from '../../../src/model/types';
import { round, type CountryIndex } from '../countries';
import type { CountryPort } from '../ports';
import { jsonLines, validate, writeOutput } from './output';

/**
 * ISO 3166-1 alpha-2 codes the BACI table lacks: Namibia's "NA" is blank there (read as "not available" upstream),
 * and places with a Natural Earth shape but no BACI row (XK is the code the EU and CLDR use for Kosovo).
 */
const ISO2_FIXES: Readonly<Record<string, string>> = {
  NAM: 'NA',
  ATA: 'AQ',
  ESH: 'EH',
  GUF: 'GF',
  PRI: 'PR',
  REU: 'RE',
  XKX: 'XK',
};

/**
 * Anchors for every country with a shape or a port (ports first, else the label point), in the country table's
 * order. Port positions are rounded to 3 decimals (about 100 m).
 */
export function buildCountryInfo(
  countries: CountryIndex,
  ports: ReadonlyMap<string, CountryPort[]>,
): Map<string, CountryInfo> {
  const countryInfo = new Map<string, CountryInfo>();
  const iso2ByIso3 = new Map<string, string>();
  for (const [iso3, iso2] of Object.entries(ISO2_FIXES)) iso2ByIso3.set(iso3, iso2);
  for (const [iso2, iso3] of countries.iso3ByIso2)
    if (/^[A-Z]{2}$/.test(iso2) && !iso2ByIso3.has(iso3)) iso2ByIso3.set(iso3, iso2);
  for (const [iso3, name] of countries.names) {
    const label = countries.labelPoint(iso3);
    const own = (ports.get(iso3) ?? []).map((p) => ({
      name: p.name,
      position: [round(p.lng, 3), round(p.lat, 3)] as [number, number],
      coast: p.coast,
    }));
    const main = own[0];
    if (!label && !main) continue; // no shape and no port: nothing to draw a flow from
    countryInfo.set(iso3, {
      iso3,
      iso2: iso2ByIso3.get(iso3) ?? null,
      name,
      anchor: main ? main.position : (label as [number, number]),
      anchorKind: main ? 'port' : 'centroid',
      anchorName: main ? main.name : null,
      ports: own,
      label,
    });
  }
  return countryInfo;
}

/** countries.json, sorted by ISO3, one country per line. */
export function writeCountries(outDir: string, countryInfo: ReadonlyMap<string, CountryInfo>): void {
  const countryList = [...countryInfo.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  const out = validate(countriesFileSchema, { countries: countryList }, 'countries.json');
  writeOutput(outDir, 'countries.json', jsonLines('{"countries":[', out.countries, ']}'));
}
