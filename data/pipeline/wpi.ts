// Reading the NGA World Port Index (Pub. 150) table: required columns, size classes, facility count, coordinates.
import { PipelineError, type CsvTable } from './read';

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
  /** Data row in the file (1-based, the header not counted). */
  row: number;
}

/** Columns the port rule needs; a WPI edition without one of them stops the pipeline. */
export const REQUIRED_WPI_COLUMNS = [
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

function numberOrNaN(value: string | undefined): number {
  const s = (value ?? '').trim();
  return s === '' ? Number.NaN : Number(s);
}

/**
 * Validates the parsed WPI table. `countryIso3` resolves a WPI country name to ISO3 (or undefined).
 * Throws a PipelineError naming `file`, the row and the field for any malformed row.
 */
export function parseWpiTable(
  { fields, rows }: CsvTable,
  file: string,
  countryIso3: (wpiCountry: string) => string | undefined,
): WpiPort[] {
  for (const column of REQUIRED_WPI_COLUMNS) {
    if (!fields.includes(column)) throw new PipelineError(file, `missing column "${column}"`);
  }
  const facilityColumns = fields.filter((f) => FACILITY_COLUMN.test(f));
  return rows.map((r, i) => {
    const row = i + 1;
    const fail = (field: string, message: string): never => {
      throw new PipelineError(file, `${field} ${message}`, row);
    };
    const wpi = numberOrNaN(r['World Port Index Number']);
    if (!Number.isFinite(wpi))
      fail('World Port Index Number', `is not a number: "${r['World Port Index Number']}"`);
    const name = (r['Main Port Name'] ?? '').trim();
    if (name === '') fail('Main Port Name', 'is empty');
    const country = (r['Country Code'] ?? '').trim();
    if (country === '') fail('Country Code', 'is empty');
    const iso3 = countryIso3(country);
    if (iso3 === undefined)
      fail(
        'Country Code',
        `"${country}" maps to no ISO3 code (add it to data/curated/wpi-country-aliases.csv)`,
      );
    const lat = numberOrNaN(r['Latitude']);
    if (!(lat >= -90 && lat <= 90)) fail('Latitude', `is not a latitude: "${r['Latitude']}"`);
    const lng = numberOrNaN(r['Longitude']);
    if (!(lng >= -180 && lng <= 180)) fail('Longitude', `is not a longitude: "${r['Longitude']}"`);
    const size = (r['Harbor Size'] ?? '').trim().toLowerCase();
    const sizeRank = SIZE_RANKS[size];
    if (sizeRank === undefined) fail('Harbor Size', `is not a known size: "${r['Harbor Size']}"`);
    const locode = (r['UN/LOCODE'] ?? '').replace(/\s+/g, '').toUpperCase();
    const depth = numberOrNaN(r['Channel Depth (m)']);
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
