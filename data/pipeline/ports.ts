// Chooses each country's main sea port(s) from the NGA World Port Index, keyed by ISO 3166-1 alpha-3.
/**
 * Source: `<rawDir>/nga-world-port-index/UpdatedPub150.csv` (NGA Pub. 150, U.S. Government work, public domain;
 * 3,802 ports, UTF-8 with a BOM, ids written as floats such as "7950.0", some fractional and two duplicated).
 * Its "Country Code" column holds country NAMES ("United States", "Burma", "Cote D'Ivoire"), not codes. They are
 * mapped to ISO3 by the curated table data/curated/wpi-country-aliases.csv first (names the BACI table spells differently, and territories BACI does
 * not list), then by name through the BACI country table
 * `<rawDir>/critical-materials-atlas-baci/baci_full_fixtures/country_codes_V202601.csv` (its names are UTF-8 that
 * was decoded as Latin-1 once, "CÃ´te d'Ivoire"; we repair that before matching). A name that maps to nothing
 * is an error, so a new WPI edition cannot silently drop a country.
 *
 * The rule, per country:
 *   1. If data/curated/port-overrides.csv names the country, its ports are exactly the listed WPI entries, in that order. The list
 *      is small and explicit: well-known main gateways where the size rule below picks an oil terminal, a naval
 *      harbour or an island port, plus the second coast of the few countries that have two coasts that matter.
 *      An override wins over the size class (Hai Phong and Kuantan are "Small" in the WPI).
 *   2. Otherwise one port: the best WPI "Harbor Size" (Large, then Medium, Small, Very Small, blank; one-letter
 *      codes L/M/S/V are accepted too), then the largest port in that class, measured as the number of cargo
 *      facilities, cranes, lifts, services and supplies the WPI marks "Yes", then the deeper channel, then the
 *      lower WPI number.
 * At most two ports per country. Two only where routes really leave from different oceans or seas: USA (Pacific,
 * Atlantic), CAN (Pacific, Atlantic via the St Lawrence), RUS (Baltic, Pacific), MEX (Pacific, Gulf of Mexico) and
 * MYS (Strait of Malacca, South China Sea: Kuantan serves the Lynas rare-earth plant at Gebeng). Callers pick, per
 * country pair, the pair of ports with the shortest sea route (see shortestSeaRouteBetween in sea-routes.ts).
 *
 * Taiwan is keyed TWN (ISO 3166). Note that BACI reports Taiwan as "S19" ("Other Asia, nes").
 * Errors (PipelineError, see read.ts): a missing file names the file; a malformed row names the file, the data row
 * (1-based, the header not counted) and the field.
 */
import { repairMojibake } from './text';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './raw-dir';
import { parseCsvText, PipelineError, readCsvRows, readCsvTable, readText } from './read';
import { parseWpiTable, type WpiPort } from './wpi';

export type { WpiPort } from './wpi';

/** A country's chosen sea port. */
export interface CountryPort {
  /** ISO 3166-1 alpha-3 of the country the WPI assigns the port to. */
  iso3: string;
  /** WPI "Main Port Name". */
  name: string;
  /** UN/LOCODE without spaces (e.g. "USLAX"), or null when the WPI has none or a malformed one. */
  unlocode: string | null;
  /** Longitude, degrees east, WGS84. */
  lng: number;
  /** Latitude, degrees north, WGS84. */
  lat: number;
  /** The sea or coast the port is on: the override's label, else the first WPI "World Water Body"; null if blank. */
  coast: string | null;
}

/** One override entry: a WPI port by its World Port Index Number, with its expected name as a check. */
export interface PortOverride {
  wpi: number;
  name: string;
  /** Coast label used instead of the WPI water body (set for two-port countries). */
  coast?: string;
}

export const WPI_FILE = join('nga-world-port-index', 'UpdatedPub150.csv');
export const BACI_COUNTRY_FILE = join(
  'critical-materials-atlas-baci',
  'baci_full_fixtures',
  'country_codes_V202601.csv',
);

/** The curated tables this file reads: the explicit main-port list and WPI country names -> ISO3. */
export const CURATED_DIR = join(PROJECT_ROOT, 'data', 'curated');
export const PORT_OVERRIDES_FILE = 'port-overrides.csv';
export const WPI_ALIASES_FILE = 'wpi-country-aliases.csv';

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO3 code');

/**
 * The explicit main-port list, keyed by ISO3 (at most two ports each, in file order). Columns: iso3, wpi (World
 * Port Index Number), name (the WPI "Main Port Name", checked), coast (label used instead of the WPI water body;
 * empty to keep it).
 */
export function loadPortOverrides(curatedDir: string = CURATED_DIR): Map<string, PortOverride[]> {
  const file = join(curatedDir, PORT_OVERRIDES_FILE);
  const rows = readCsvRows(
    file,
    z.object({ iso3, wpi: z.coerce.number().int().positive(), name: z.string().min(1), coast: z.string() }),
  );
  const out = new Map<string, PortOverride[]>();
  rows.forEach((r, i) => {
    const list = out.get(r.iso3) ?? [];
    if (list.length === 2) throw new PipelineError(file, `more than two ports for ${r.iso3}`, i + 1);
    list.push({ wpi: r.wpi, name: r.name, ...(r.coast === '' ? {} : { coast: r.coast }) });
    out.set(r.iso3, list);
  });
  return out;
}

/**
 * WPI country names -> ISO3 where the BACI table has no matching name: different spellings, and territories that
 * BACI does not list (those get their ISO 3166 code; Johnston, Midway and Wake share UMI).
 */
export function loadWpiCountryAliases(curatedDir: string = CURATED_DIR): Map<string, string> {
  const file = join(curatedDir, WPI_ALIASES_FILE);
  return new Map(
    readCsvRows(file, z.object({ wpi_country: z.string().min(1), iso3 })).map((r) => [r.wpi_country, r.iso3]),
  );
}

/** Lower-case ASCII letters and digits only ("Côte d'Ivoire" -> "cotedivoire"), "&" read as "and". */
export function normalizeCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

/** Parses the BACI country table into normalised name -> ISO3. Throws naming the file and row when malformed. */
export function parseBaciCountryNames(text: string, file: string): Map<string, string> {
  const { fields, rows } = parseCsvText(text, file);
  for (const column of ['country_name', 'country_iso3']) {
    if (!fields.includes(column)) throw new PipelineError(file, `missing column "${column}"`);
  }
  const names = new Map<string, string>();
  rows.forEach((r, i) => {
    const name = (r['country_name'] ?? '').trim();
    const iso3 = (r['country_iso3'] ?? '').trim();
    if (name === '' || !/^[A-Z0-9]{3}$/.test(iso3)) {
      throw new PipelineError(
        file,
        `expected a country_name and a 3-character country_iso3, got "${name}", "${iso3}"`,
        i + 1,
      );
    }
    names.set(normalizeCountryName(repairMojibake(name)), iso3);
  });
  return names;
}

/** Orders candidate ports best first: size class, then facility score, then channel depth, then WPI number. */
export function comparePorts(a: WpiPort, b: WpiPort): number {
  return (
    a.sizeRank - b.sizeRank ||
    b.facilityScore - a.facilityScore ||
    b.channelDepthM - a.channelDepthM ||
    a.wpi - b.wpi
  );
}

function toCountryPort(p: WpiPort, coast?: string): CountryPort {
  return {
    iso3: p.iso3,
    name: p.name,
    unlocode: p.unlocode,
    lng: p.lng,
    lat: p.lat,
    coast: coast ?? p.waterBody,
  };
}

/**
 * Applies the rule in the file comment to validated WPI rows. Keys come out in alphabetical order. Throws (naming
 * `file`) if an override names a WPI number that is missing, carries a different name, or lies in another country.
 */
export function choosePorts(
  ports: readonly WpiPort[],
  overridesByIso3: ReadonlyMap<string, readonly PortOverride[]>,
  file = WPI_FILE,
): Map<string, CountryPort[]> {
  const byCountry = new Map<string, WpiPort[]>();
  for (const p of ports) {
    const list = byCountry.get(p.iso3);
    if (list === undefined) byCountry.set(p.iso3, [p]);
    else list.push(p);
  }
  const result = new Map<string, CountryPort[]>();
  for (const iso3 of [...byCountry.keys()].sort()) {
    const candidates = byCountry.get(iso3) ?? [];
    const overrides = overridesByIso3.get(iso3);
    if (overrides !== undefined) {
      result.set(
        iso3,
        overrides.map((o) => {
          const found = candidates.find((p) => p.wpi === o.wpi);
          if (found === undefined || found.name !== o.name) {
            throw new PipelineError(
              file,
              `port override ${iso3} "${o.name}" (WPI ${o.wpi}) not found among ${iso3} ports` +
                (found === undefined ? '' : ` (WPI ${o.wpi} is "${found.name}")`),
            );
          }
          return toCountryPort(found, o.coast);
        }),
      );
    } else {
      const best = [...candidates].sort(comparePorts)[0];
      if (best !== undefined) result.set(iso3, [toCountryPort(best)]);
    }
  }
  return result;
}

/**
 * Loads the WPI and the BACI country table from `rawDir` and the curated tables from `curatedDir`, and returns each
 * country's port(s), keyed by ISO3 in alphabetical order (see the file comment for the rule). Throws a
 * PipelineError naming the file for a missing file, and the file and row for a malformed row.
 */
export function loadCountryPorts(
  rawDir: string,
  curatedDir: string = CURATED_DIR,
): Map<string, CountryPort[]> {
  const wpiPath = join(rawDir, WPI_FILE);
  const baciPath = join(rawDir, BACI_COUNTRY_FILE);
  const aliases = loadWpiCountryAliases(curatedDir);
  const overrides = loadPortOverrides(curatedDir);
  const baciNames = parseBaciCountryNames(readText(baciPath), baciPath);
  const iso3Of = (wpiCountry: string): string | undefined =>
    aliases.get(wpiCountry) ?? baciNames.get(normalizeCountryName(wpiCountry));
  const ports = parseWpiTable(readCsvTable(wpiPath), wpiPath, iso3Of);
  return choosePorts(ports, overrides, wpiPath);
}
