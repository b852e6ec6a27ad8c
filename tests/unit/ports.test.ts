// Port choice from the NGA World Port Index (full file or committed excerpt): the rule, overrides, ISO3, bad input.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACI_COUNTRY_FILE,
  comparePorts,
  loadCountryPorts,
  loadPortOverrides,
  loadWpiCountryAliases,
  normalizeCountryName,
  parseBaciCountryNames,
  PORT_OVERRIDES_FILE,
  WPI_ALIASES_FILE,
  WPI_FILE,
  type WpiPort,
} from '../../data/pipeline/ports';
import { fullRawDataDir, testRawDataDir } from '../../data/pipeline/raw-dir';

/** The full WPI when present, else the excerpt in tests/fixtures/raw (every override port and the rule's rivals). */
const RAW = testRawDataDir();
const ports = loadCountryPorts(RAW);
const TWO_PORT_COUNTRIES = ['CAN', 'MEX', 'MYS', 'RUS', 'USA'];
/** Countries in the excerpt: the override countries and those whose Large and Medium ports it keeps. */
const EXCERPT_COUNTRIES = [...loadPortOverrides().keys()].concat([
  'HKG',
  'IDN',
  'IND',
  'MAC',
  'SGP',
  'TWN',
  'ZAF',
]);

describe('loadCountryPorts on the real World Port Index', () => {
  it('covers the trading countries with at most two ports each, keys in ISO3 order', () => {
    if (fullRawDataDir() === null) expect([...ports.keys()]).toEqual([...EXCERPT_COUNTRIES].sort());
    else expect(ports.size).toBeGreaterThan(150);
    const keys = [...ports.keys()];
    expect(keys).toEqual([...keys].sort());
    for (const [iso3, list] of ports) {
      expect(iso3).toMatch(/^[A-Z]{3}$/);
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(TWO_PORT_COUNTRIES.includes(iso3) ? 2 : 1);
      for (const p of list) {
        expect(p.iso3).toBe(iso3);
        expect(Math.abs(p.lat)).toBeLessThanOrEqual(90);
        expect(Math.abs(p.lng)).toBeLessThanOrEqual(180);
        if (p.unlocode !== null) expect(p.unlocode).toMatch(/^[A-Z]{2}[A-Z0-9]{3}$/);
      }
    }
    expect([...ports].filter(([, list]) => list.length === 2).map(([k]) => k)).toEqual(TWO_PORT_COUNTRIES);
  });

  it.each([
    ['CHN', ['Shanghai']],
    ['NLD', ['Rotterdam']],
    ['DEU', ['Hamburg']],
    ['JPN', ['Yokohama Ko']],
    ['KOR', ['Busan']],
    ['MYS', ['Port Klang', 'Kuantan New Port']],
    ['BRA', ['Santos']],
    ['AUS', ['Fremantle']],
    ['VNM', ['Hai Phong']],
    ['KEN', ['Mombasa']],
    ['USA', ['Los Angeles', 'New York City']],
    ['CAN', ['Vancouver', 'Montreal']],
    ['RUS', ['Sankt-Peterburg', 'Vladivostok']],
    ['MEX', ['Manzanillo', 'Veracruz']],
    ['PHL', ['Manila']],
    // Not overridden: the size rule (Large, then facilities) picks these.
    ['HKG', ['Hong Kong']],
    ['MAC', ['Macau']],
    ['TWN', ['Chi-Lung']],
    ['IND', ['Chennai (Madras)']],
    ['IDN', ['Jakarta']],
    ['ZAF', ['Durban']],
    ['SGP', ['Keppel - (East Singapore)']],
  ])('%s -> %j', (iso3, names) => {
    expect(ports.get(iso3)?.map((p) => p.name)).toEqual(names);
  });

  it('labels the two coasts of two-port countries', () => {
    expect(ports.get('USA')?.map((p) => p.coast)).toEqual(['Pacific', 'Atlantic']);
    expect(ports.get('CHN')?.[0]).toEqual({
      iso3: 'CHN',
      name: 'Shanghai',
      unlocode: 'CNSGH',
      lng: 121.5,
      lat: 31.216667,
      coast: 'East China Sea',
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify([...loadCountryPorts(RAW)])).toBe(JSON.stringify([...ports]));
  });

  it('every override (data/curated/port-overrides.csv) names at most two ports and a valid ISO3', () => {
    const overrides = loadPortOverrides();
    expect(overrides.size).toBeGreaterThan(15);
    for (const [iso3, list] of overrides) {
      expect(iso3).toMatch(/^[A-Z]{3}$/);
      expect(list.length).toBeLessThanOrEqual(2);
      expect(list.length === 2).toBe(TWO_PORT_COUNTRIES.includes(iso3));
    }
    const aliases = loadWpiCountryAliases();
    expect(aliases.get('Burma')).toBe('MMR');
    for (const iso3 of aliases.values()) expect(iso3).toMatch(/^[A-Z]{3}$/);
  });
});

describe('country names', () => {
  it.each([
    ["Cote D'Ivoire", 'cotedivoire'],
    ["Côte d'Ivoire", 'cotedivoire'],
    ['Bosnia & Herzegovina', 'bosniaandherzegovina'],
    ['  Viet Nam ', 'vietnam'],
  ])('normalizeCountryName(%j) = %j', (input, output) => {
    expect(normalizeCountryName(input)).toBe(output);
  });

  it('repairs the BACI table mojibake before matching', () => {
    const names = parseBaciCountryNames(
      "country_code,country_name,country_iso2,country_iso3\n384,CÃ´te d'Ivoire,CI,CIV\n531,CuraÃ§ao,CW,CUW\n",
      'codes.csv',
    );
    expect(names.get('cotedivoire')).toBe('CIV');
    expect(names.get('curacao')).toBe('CUW');
  });
});

describe('comparePorts', () => {
  const base: WpiPort = {
    wpi: 100,
    name: 'A',
    unlocode: null,
    country: 'X',
    iso3: 'XXX',
    sizeRank: 1,
    facilityScore: 10,
    channelDepthM: 10,
    lng: 0,
    lat: 0,
    waterBody: null,
    row: 2,
  };
  it.each([
    { title: 'larger size class first', other: { sizeRank: 0 }, otherFirst: true },
    { title: 'more facilities first', other: { facilityScore: 11 }, otherFirst: true },
    { title: 'deeper channel first', other: { channelDepthM: 12 }, otherFirst: true },
    { title: 'lower WPI number first', other: { wpi: 99 }, otherFirst: true },
    { title: 'smaller size class later', other: { sizeRank: 2, facilityScore: 30 }, otherFirst: false },
  ])('$title', ({ other, otherFirst }) => {
    const b: WpiPort = { ...base, ...other };
    expect(comparePorts(b, base) < 0).toBe(otherFirst);
  });
});

describe('malformed sources', () => {
  const root = mkdtempSync(join(tmpdir(), 'cmm-ports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const HEADER =
    'OID_,World Port Index Number,Main Port Name,UN/LOCODE,Country Code,World Water Body,Harbor Size,' +
    'Channel Depth (m),Facilities - Container,Latitude,Longitude';
  const BACI = 'country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n392,Japan,JP,JPN\n';
  const ROW_JAPAN =
    '1.0,61390.0,Yokohama Ko,JP YOK,Japan,North Pacific Ocean,Large,11.0,Yes,35.45,139.583333';
  const ROW_SHANGHAI = '2.0,59970.0,Shanghai,CNSGH,China,East China Sea,Large,7.9,Yes,31.216667,121.5';

  let n = 0;
  /** Writes a raw-data folder with the given WPI text (null = no file) and BACI table; returns its path. */
  function rawDir(wpi: string | null, baci: string | null = BACI): string {
    const dir = join(root, `case-${n++}`);
    mkdirSync(join(dir, 'nga-world-port-index'), { recursive: true });
    mkdirSync(join(dir, 'critical-materials-atlas-baci', 'baci_full_fixtures'), { recursive: true });
    if (wpi !== null) writeFileSync(join(dir, WPI_FILE), `\ufeff${wpi}`);
    if (baci !== null) writeFileSync(join(dir, BACI_COUNTRY_FILE), baci);
    return dir;
  }

  it('reads a minimal valid source (BOM, float ids, blank-separated UN/LOCODE)', () => {
    const result = loadCountryPorts(rawDir([HEADER, ROW_JAPAN, ROW_SHANGHAI].join('\n')));
    expect([...result.keys()]).toEqual(['CHN', 'JPN']);
    expect(result.get('JPN')?.[0]?.unlocode).toBe('JPYOK');
  });

  it.each([
    { title: 'missing WPI file', wpi: null, baci: BACI, error: /nga-world-port-index\/UpdatedPub150\.csv/ },
    { title: 'missing BACI country table', wpi: HEADER, baci: null, error: /country_codes_V202601\.csv/ },
    {
      title: 'missing column',
      wpi: HEADER.replace(',Latitude', ',Lat') + '\n' + ROW_JAPAN,
      baci: BACI,
      error: /UpdatedPub150\.csv: missing column "Latitude"/,
    },
    {
      title: 'latitude not a number',
      wpi: [HEADER, ROW_JAPAN, ROW_SHANGHAI.replace('31.216667', 'north')].join('\n'),
      baci: BACI,
      error: /UpdatedPub150\.csv row 2: Latitude is not a latitude: "north"/,
    },
    {
      title: 'longitude out of range',
      wpi: [HEADER, ROW_JAPAN.replace('139.583333', '239.5')].join('\n'),
      baci: BACI,
      error: /UpdatedPub150\.csv row 1: Longitude/,
    },
    {
      title: 'unknown country',
      wpi: [HEADER, ROW_JAPAN.replace(',Japan,', ',Atlantis,')].join('\n'),
      baci: BACI,
      error: /row 1: Country Code "Atlantis" maps to no ISO3 code/,
    },
    {
      title: 'empty port name',
      wpi: [HEADER, ROW_JAPAN.replace('Yokohama Ko', ' ')].join('\n'),
      baci: BACI,
      error: /row 1: Main Port Name is empty/,
    },
    {
      title: 'unknown harbour size',
      wpi: [HEADER, ROW_JAPAN.replace(',Large,', ',Huge,')].join('\n'),
      baci: BACI,
      error: /row 1: Harbor Size is not a known size: "Huge"/,
    },
    {
      title: 'id not a number',
      wpi: [HEADER, ROW_JAPAN.replace('61390.0', 'n/a')].join('\n'),
      baci: BACI,
      error: /row 1: World Port Index Number is not a number/,
    },
    {
      title: 'too few fields',
      wpi: [HEADER, ROW_JAPAN, '3.0,1.0,Short'].join('\n'),
      baci: BACI,
      error: /UpdatedPub150\.csv row 2: malformed CSV: Too few fields/,
    },
    {
      title: 'override port missing from the file',
      wpi: [HEADER, ROW_SHANGHAI.replace('59970.0', '59971.0')].join('\n'),
      baci: BACI,
      error: /port override CHN "Shanghai" \(WPI 59970\) not found/,
    },
    {
      title: 'malformed BACI row',
      wpi: [HEADER, ROW_JAPAN].join('\n'),
      baci: 'country_code,country_name,country_iso2,country_iso3\n392,Japan,JP,\n',
      error: /country_codes_V202601\.csv row 1: expected a country_name/,
    },
  ])('throws for $title', ({ wpi, baci, error }) => {
    expect(() => loadCountryPorts(rawDir(wpi, baci))).toThrow(error);
  });
});

describe('malformed curated port tables', () => {
  const root = mkdtempSync(join(tmpdir(), 'cmm-curated-ports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const ALIASES = 'wpi_country,iso3\nBurma,MMR\n';
  const OVERRIDES = 'iso3,wpi,name,coast\nCHN,59970,Shanghai,\n';

  it.each([
    {
      title: 'a third port for one country',
      overrides: OVERRIDES + 'CHN,1,A,\nCHN,2,B,\n',
      aliases: ALIASES,
      error: /port-overrides\.csv row 3: more than two ports for CHN/,
    },
    {
      title: 'a WPI number that is not a number',
      overrides: 'iso3,wpi,name,coast\nCHN,n/a,Shanghai,\n',
      aliases: ALIASES,
      error: /port-overrides\.csv row 1: wpi/,
    },
    {
      title: 'an alias to a code that is not ISO3',
      overrides: OVERRIDES,
      aliases: 'wpi_country,iso3\nBurma,MM\n',
      error: /wpi-country-aliases\.csv row 1: iso3: an ISO3 code/,
    },
  ])('throws for $title', ({ overrides, aliases, error }) => {
    const dir = join(root, `case-${n++}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, PORT_OVERRIDES_FILE), overrides);
    writeFileSync(join(dir, WPI_ALIASES_FILE), aliases);
    expect(() => {
      loadWpiCountryAliases(dir);
      loadPortOverrides(dir);
    }).toThrow(error);
  });
});
