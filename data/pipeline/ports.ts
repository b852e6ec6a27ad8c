// Chooses each country's main sea port(s) from the NGA World Port Index, keyed by ISO 3166-1 alpha-3.
/**
 * Source: `<rawDir>/nga-world-port-index/UpdatedPub150.csv` (NGA Pub. 150, U.S. Government work, public domain;
 * 3,802 ports, UTF-8 with a BOM, ids written as floats such as "7950.0", some fractional and two duplicated).
 * Its "Country Code" column holds country NAMES ("United States", "Burma", "Cote D'Ivoire"), not codes. They are
 * mapped to ISO3 by WPI_COUNTRY_ALIASES first (names the BACI table spells differently, and territories BACI does
 * not list), then by name through the BACI country table
 * `<rawDir>/critical-materials-atlas-baci/baci_full_fixtures/country_codes_V202601.csv` (its names are UTF-8 that
 * was decoded as Latin-1 once, "CÃ´te d'Ivoire"; we repair that before matching). A name that maps to nothing
 * is an error, so a new WPI edition cannot silently drop a country.
 *
 * The rule, per country:
 *   1. If PORT_OVERRIDES names the country, its ports are exactly the listed WPI entries, in that order. The list
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
 * Errors: a missing or unreadable file throws an Error naming the file; a malformed row throws naming the file,
 * the row (the header is row 1) and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

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

/** The explicit main-port list (see the file comment). Keyed by ISO3; WPI numbers and names from Pub. 150. */
export const PORT_OVERRIDES: Readonly<Record<string, readonly PortOverride[]>> = {
  AUS: [{ wpi: 54520, name: 'Fremantle' }],
  BRA: [{ wpi: 12970, name: 'Santos' }],
  CAN: [
    { wpi: 18150, name: 'Vancouver', coast: 'Pacific' },
    { wpi: 2235, name: 'Montreal', coast: 'Atlantic (St Lawrence)' },
  ],
  CHL: [{ wpi: 14660, name: 'Antofagasta' }],
  CHN: [{ wpi: 59970, name: 'Shanghai' }],
  DEU: [{ wpi: 30780, name: 'Hamburg' }],
  FRA: [{ wpi: 35840, name: 'Port Of Le Havre' }],
  GBR: [{ wpi: 31470, name: 'London' }],
  JPN: [{ wpi: 61390, name: 'Yokohama Ko' }],
  KEN: [{ wpi: 47100, name: 'Mombasa' }],
  KOR: [{ wpi: 60390, name: 'Busan' }],
  MEX: [
    { wpi: 15770, name: 'Manzanillo', coast: 'Pacific' },
    { wpi: 9380, name: 'Veracruz', coast: 'Gulf of Mexico' },
  ],
  MYS: [
    { wpi: 49930, name: 'Port Klang', coast: 'Strait of Malacca' },
    { wpi: 57410, name: 'Kuantan New Port', coast: 'South China Sea' },
  ],
  NLD: [{ wpi: 31140, name: 'Rotterdam' }],
  PHL: [{ wpi: 58370, name: 'Manila' }],
  PRT: [{ wpi: 37990, name: 'Lisboa' }],
  RUS: [
    { wpi: 28370, name: 'Sankt-Peterburg', coast: 'Baltic' },
    { wpi: 60610, name: 'Vladivostok', coast: 'Pacific' },
  ],
  USA: [
    { wpi: 16080, name: 'Los Angeles', coast: 'Pacific' },
    { wpi: 7640, name: 'New York City', coast: 'Atlantic' },
  ],
  VNM: [{ wpi: 57680, name: 'Hai Phong' }],
};

/**
 * WPI country names -> ISO3 where the BACI table has no matching name: different spellings, and territories that
 * BACI does not list (those get their ISO 3166 code; Johnston, Midway and Wake share UMI).
 */
export const WPI_COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  Antarctica: 'ATA',
  'Bosnia and Herzegovina': 'BIH',
  'British Indian Ocean Territory': 'IOT',
  'British Virgin Islands': 'VGB',
  Brunei: 'BRN',
  Burma: 'MMR',
  'Caribbean Netherlands': 'BES',
  'Cayman Islands': 'CYM',
  'Christmas Island': 'CXR',
  'Congo (Brazzaville)': 'COG',
  'Congo (Kinshasa)': 'COD',
  'Cook Islands': 'COK',
  'Dominican Republic': 'DOM',
  'Falkland Islands (Islas Malvinas)': 'FLK',
  'Faroe Islands': 'FRO',
  'Federated States of Micronesia': 'FSM',
  'French Guiana': 'GUF',
  Guadeloupe: 'GLP',
  Guernsey: 'GGY',
  'Hong Kong': 'HKG',
  'Isle of Man': 'IMN',
  Jersey: 'JEY',
  'Johnson Atoll': 'UMI',
  Macau: 'MAC',
  'Marshall Islands': 'MHL',
  Martinique: 'MTQ',
  'Midway Islands': 'UMI',
  Monaco: 'MCO',
  'Norfolk Island': 'NFK',
  'North Korea': 'PRK',
  'Northern Mariana Islands': 'MNP',
  'Puerto Rico': 'PRI',
  Reunion: 'REU',
  Russia: 'RUS',
  'Saint Helena, Ascension, and Tristan da Cunha': 'SHN',
  'Saint Vincent and the Grenadines (Windward Islands)': 'VCT',
  'Sint Maarten': 'SXM',
  'Solomon Islands': 'SLB',
  'South Georgia and South Sandwich Islands': 'SGS',
  'South Korea': 'KOR',
  Svalbard: 'SJM',
  Taiwan: 'TWN',
  Tanzania: 'TZA',
  'The Bahamas': 'BHS',
  'The Gambia': 'GMB',
  'Turks and Caicos Islands': 'TCA',
  Turkey: 'TUR',
  'U.S. Virgin Islands': 'VIR',
  'United States': 'USA',
  Vietnam: 'VNM',
  'Wake Island': 'UMI',
  'Wallis and Futuna': 'WLF',
  'Western Sahara': 'ESH',
};

/** A parsed, validated WPI row. */
export interface WpiPort {
  wpi: number;
  name: string;
  unlocode: string | null;
  /** The WPI "Country Code" value (a country name). */
  country: string;
  iso3: string;
  /** 0 = Large, 1 = Medium, 2 = Small, 3 = Very Small, 4 = not given. */
  sizeRank: number;
  /** Number of facility, crane, lift, service and supply columns marked "Yes". */
  facilityScore: number;
  /** Channel depth in metres (0 when not given). */
  channelDepthM: number;
  lng: number;
  lat: number;
  waterBody: string | null;
  /** Row in the file, the header being row 1. */
  row: number;
}

const REQUIRED_WPI_COLUMNS = [
  'World Port Index Number',
  'Main Port Name',
  'UN/LOCODE',
  'Country Code',
  'World Water Body',
  'Harbor Size',
  'Channel Depth (m)',
  'Latitude',
  'Longitude',
] as const;

const SIZE_RANKS: Readonly<Record<string, number>> = {
  large: 0,
  l: 0,
  medium: 1,
  m: 1,
  small: 2,
  s: 2,
  'very small': 3,
  v: 3,
  '': 4,
};

const FACILITY_COLUMN = /^(Facilities - |Cranes|Lifts - |Services|Supplies - )/;

function readSource(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${what} ${path} could not be read: ${(err as Error).message}`, { cause: err });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseCsv(text: string, file: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const first = parsed.errors[0];
  if (first !== undefined) {
    const row = first.row === undefined ? '' : ` row ${first.row + 2}`;
    throw new Error(`${file}${row}: CSV ${first.code}: ${first.message}`);
  }
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
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

/** Undoes one round of UTF-8 read as Latin-1 ("CÃ´te" -> "Côte"); other strings are returned unchanged. */
function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00c3][\u0080-\u00bf]/.test(s)) return s;
  const repaired = Buffer.from(s, 'latin1').toString('utf8');
  return repaired.includes('\ufffd') ? s : repaired;
}

/** Parses the BACI country table into normalised name -> ISO3. Throws naming the file and row when malformed. */
export function parseBaciCountryNames(text: string, file: string): Map<string, string> {
  const { fields, rows } = parseCsv(text, file);
  for (const column of ['country_name', 'country_iso3']) {
    if (!fields.includes(column)) throw new Error(`${file}: missing column "${column}"`);
  }
  const names = new Map<string, string>();
  rows.forEach((r, i) => {
    const name = (r['country_name'] ?? '').trim();
    const iso3 = (r['country_iso3'] ?? '').trim();
    if (name === '' || !/^[A-Z0-9]{3}$/.test(iso3)) {
      throw new Error(
        `${file} row ${i + 2}: expected a country_name and a 3-character country_iso3, got "${name}", "${iso3}"`,
      );
    }
    names.set(normalizeCountryName(repairMojibake(name)), iso3);
  });
  return names;
}

function parseNumber(value: string | undefined): number {
  const s = (value ?? '').trim();
  return s === '' ? Number.NaN : Number(s);
}

/**
 * Parses and validates the WPI CSV text. `countryIso3` resolves a WPI country name to ISO3 (or undefined).
 * Throws an Error naming `file`, the row and the field for any malformed row.
 */
export function parseWpiCsv(
  text: string,
  file: string,
  countryIso3: (wpiCountry: string) => string | undefined,
): WpiPort[] {
  const { fields, rows } = parseCsv(text, file);
  for (const column of REQUIRED_WPI_COLUMNS) {
    if (!fields.includes(column)) throw new Error(`${file}: missing column "${column}"`);
  }
  const facilityColumns = fields.filter((f) => FACILITY_COLUMN.test(f));
  return rows.map((r, i) => {
    const row = i + 2;
    const fail = (field: string, message: string): never => {
      throw new Error(`${file} row ${row}: ${field} ${message}`);
    };
    const wpi = parseNumber(r['World Port Index Number']);
    if (!Number.isFinite(wpi))
      fail('World Port Index Number', `is not a number: "${r['World Port Index Number']}"`);
    const name = (r['Main Port Name'] ?? '').trim();
    if (name === '') fail('Main Port Name', 'is empty');
    const country = (r['Country Code'] ?? '').trim();
    if (country === '') fail('Country Code', 'is empty');
    const iso3 = countryIso3(country);
    if (iso3 === undefined)
      fail('Country Code', `"${country}" maps to no ISO3 code (add it to WPI_COUNTRY_ALIASES)`);
    const lat = parseNumber(r['Latitude']);
    if (!(lat >= -90 && lat <= 90)) fail('Latitude', `is not a latitude: "${r['Latitude']}"`);
    const lng = parseNumber(r['Longitude']);
    if (!(lng >= -180 && lng <= 180)) fail('Longitude', `is not a longitude: "${r['Longitude']}"`);
    const size = (r['Harbor Size'] ?? '').trim().toLowerCase();
    const sizeRank = SIZE_RANKS[size];
    if (sizeRank === undefined) fail('Harbor Size', `is not a known size: "${r['Harbor Size']}"`);
    const locode = (r['UN/LOCODE'] ?? '').replace(/\s+/g, '').toUpperCase();
    const depth = parseNumber(r['Channel Depth (m)']);
    const water = (r['World Water Body'] ?? '').split(';')[0]?.trim() ?? '';
    return {
      wpi,
      name,
      unlocode: /^[A-Z]{2}[A-Z0-9]{3}$/.test(locode) ? locode : null,
      country,
      iso3: iso3 as string,
      sizeRank: sizeRank as number,
      facilityScore: facilityColumns.filter((c) => (r[c] ?? '').trim() === 'Yes').length,
      channelDepthM: Number.isFinite(depth) ? depth : 0,
      lng,
      lat,
      waterBody: water === '' ? null : water,
      row,
    };
  });
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
export function choosePorts(ports: readonly WpiPort[], file = WPI_FILE): Map<string, CountryPort[]> {
  const byCountry = new Map<string, WpiPort[]>();
  for (const p of ports) {
    const list = byCountry.get(p.iso3);
    if (list === undefined) byCountry.set(p.iso3, [p]);
    else list.push(p);
  }
  const result = new Map<string, CountryPort[]>();
  for (const iso3 of [...byCountry.keys()].sort()) {
    const candidates = byCountry.get(iso3) ?? [];
    const overrides = PORT_OVERRIDES[iso3];
    if (overrides !== undefined) {
      result.set(
        iso3,
        overrides.map((o) => {
          const found = candidates.find((p) => p.wpi === o.wpi);
          if (found === undefined || found.name !== o.name) {
            throw new Error(
              `${file}: port override ${iso3} "${o.name}" (WPI ${o.wpi}) not found among ${iso3} ports` +
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
 * Loads the WPI and the BACI country table from `rawDir` and returns each country's port(s), keyed by ISO3 in
 * alphabetical order (see the file comment for the rule). Throws an Error naming the file for a missing file, and
 * the file and row for a malformed row.
 */
export function loadCountryPorts(rawDir: string): Map<string, CountryPort[]> {
  const wpiPath = join(rawDir, WPI_FILE);
  const baciPath = join(rawDir, BACI_COUNTRY_FILE);
  const baciNames = parseBaciCountryNames(readSource(baciPath, 'BACI country table'), baciPath);
  const iso3Of = (wpiCountry: string): string | undefined =>
    WPI_COUNTRY_ALIASES[wpiCountry] ?? baciNames.get(normalizeCountryName(wpiCountry));
  const ports = parseWpiCsv(readSource(wpiPath, 'World Port Index file'), wpiPath, iso3Of);
  return choosePorts(ports, wpiPath);
}
