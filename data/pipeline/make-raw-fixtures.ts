// Writes tests/fixtures/raw/: real rows picked by key from the full raw data, one excerpt per pipeline input.
/**
 * Run: `npx tsx data/pipeline/make-raw-fixtures.ts` (reads the raw folder found by raw-dir.ts). CSV excerpts are
 * the header plus the chosen lines, byte for byte, in file order. JSON excerpts keep the file's top-level fields
 * and the chosen entries, written compact (GeoJSON: one feature per line); values are unchanged. Every choice is
 * listed in SELECT below and explained in tests/fixtures/raw/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { loadPortOverrides } from './ports';
import { FIXTURE_RAW_DIR, rawDataDir } from './raw-dir';
import { RAW_INPUTS } from './raw-inputs';

type Pick = (record: Record<string, string>, index: number) => boolean;

const inList =
  (column: string, values: readonly string[]): Pick =>
  (r) =>
    values.includes(r[column] ?? '');

/** Importers whose every 2024 HS 850511 row is kept (the hand counts in allies/scenario tests; S19 = Taiwan). */
export const MAGNET_IMPORTERS_2024 = ['USA', 'JPN', 'DEU', 'KOR', 'AUS', 'S19'] as const;

/** WPI rows: every override port, and every Large or Medium port of the countries the ports test names. */
const WPI_OVERRIDE_NUMBERS = [...loadPortOverrides().values()].flatMap((list) => list.map((o) => o.wpi));
const WPI_RULE_COUNTRIES = [
  'Hong Kong',
  'Macau',
  'Taiwan',
  'India',
  'Indonesia',
  'South Africa',
  'Singapore',
];

const CSV_SELECT: Record<string, Pick> = {
  // Bayan Obo, Mountain Pass, Mount Weld (merge with curated rows), Mrima Hill (longitude sign fix), Bonga and
  // Dalkainle (excluded), Salmon Bay (kept as coastal), Amma Dongar (no coordinates: skipped).
  'usgs-ree-orris-grauch-2002/ree_main.csv': inList('rec_id', [
    '4',
    '9',
    '13',
    '22',
    '59',
    '77',
    '135',
    '136',
  ]),
  // The same three REE sites, Kivuvu and Etoile (merge with Africa facilities), Kevitsa (excluded: lies in
  // Russia), Prince Edward Island (kept as coastal), Greenbushes (several minerals).
  'usgs-pp1802-critical-minerals/PP1802_CritMin_pts.csv': inList('DEPOSIT_NAME', [
    'Bayan Obo',
    'Mountain Pass',
    'Mount Weld',
    'Kivuvu',
    'Etoile',
    'Kevitsa',
    'Prince Edward Island',
    'Greenbushes',
  ]),
  // Mount Weld, Bayan Obo (two rows, 700 km apart), Mountain Pass, Mrima Hill, Timerhdoudine (sign fix), Pikwe
  // (merge with Selebi-Phikwe), Stradbroke Island (excluded), Frazer Island (kept as coastal).
  'usgs-major-mineral-deposits-ofr2005-1294/deposit.csv': inList('gid', [
    '54',
    '62',
    '66',
    '192',
    '220',
    '641',
    '2191',
    '2423',
    '2503',
  ]),
  'critical-materials-atlas-baci/baci_full_fixtures/country_codes_V202601.csv': () => true,
  // The first 20 rows, and every China -> Germany, Japan, United States row.
  'critical-materials-atlas-baci/baci_full_fixtures/baci_2022.csv': (r, i) =>
    i < 20 || (r['i'] === 'CHN' && ['DEU', 'JPN', 'USA'].includes(r['j'] ?? '')),
  // The first 20 rows, and every HS 850511 row into the hand-counted importers.
  'critical-materials-atlas-baci/baci_full_fixtures/baci_2024.csv': (r, i) =>
    i < 20 || (r['cmd'] === '850511' && (MAGNET_IMPORTERS_2024 as readonly string[]).includes(r['j'] ?? '')),
  'nga-world-port-index/UpdatedPub150.csv': (r) =>
    WPI_OVERRIDE_NUMBERS.includes(Number(r['World Port Index Number'])) ||
    (WPI_RULE_COUNTRIES.includes(r['Country Code'] ?? '') &&
      ['Large', 'Medium'].includes(r['Harbor Size'] ?? '')),
  // China's monthly exports: every group's partner rows for July and August 2023 (Ga/Ge licences from 2023-08-01).
  'china-critical-mineral-exports-comtrade-qennis/country_monthly_stats.csv': inList('period_dt', [
    '2023-07-01',
    '2023-08-01',
  ]),
  // US imports: every row of rare-earth metals (HS 280530) and cerium compounds (284610), all years, so each
  // product-year still adds up to the totals file (kept whole); the other products' rows are left out.
  'us-ree-imports-comtrade-akashok1/fct_supplier_share_rare_earths.csv': inList('canonical_product_id', [
    '280530',
    '284610',
  ]),
  'us-ree-imports-comtrade-akashok1/fct_concentration_rare_earths.csv': () => true,
  // Whole file: every mineral's country rows must add up to its world total.
  'usgs-mcs2026-extract/mcs2026_world_production.csv': () => true,
};

const FACILITY_UIDS: Record<string, readonly string[]> = {
  // Kilifi and Kroondal (latitude sign fixes), Kivuvu, Selebi-Phikwe, Etoile (cross-dataset merges), Big Hill
  // (two rows of one plant merged), Awdal (excluded: in the sea).
  'usgs-africa-mineral-industries/AFR_Mineral_Facilities.geojson': [
    'KEN006',
    'ZAF095',
    'BDI007',
    'BWA022',
    'COD001',
    'COD002',
    'COD004',
    'SOM003',
  ],
  // Lynas Advanced Material Plant (merges with the curated row), Chipwi (excluded: lies in China), Gunsan
  // (kept as coastal).
  'usgs-indopac-mineral-facilities/INDOPAC_Mineral_facilities.geojson': ['MYS108', 'MMR004', 'KOR054'],
};

/** Atlas material labels kept: mapped to a project mineral, deliberately left out (platinum, palladium), or unused. */
const ATLAS_LABELS = [
  'magnets',
  'lithium',
  'cobalt',
  'nickel',
  'graphite',
  'gallium',
  'platinum',
  'palladium',
  'helium',
];

/** Atlas flow rows kept per material and year: the first five, and China to Germany, Japan and the United States. */
const atlasFlowPick = (row: { from: string; to: string }, index: number): boolean =>
  index < 5 || (row.from === 'CN' && ['DE', 'JP', 'US'].includes(row.to));

function csvExcerpt(text: string, pick: Pick, file: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: false,
  });
  const records = parsed.data.slice(0, lines.length - 1);
  if (records.length !== lines.length - 1) throw new Error(`${file}: a record spans several lines`);
  const kept = [lines[0], ...lines.slice(1).filter((_, i) => pick(records[i] ?? {}, i))];
  return kept.join(eol) + (trailing === undefined ? '' : eol);
}

function geoJsonExcerpt(text: string, uids: readonly string[]): string {
  const fc = JSON.parse(text) as { features: { properties: { FeatureUID?: string } }[] };
  const features = fc.features.filter((f) => uids.includes(f.properties.FeatureUID ?? ''));
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function atlasFlowsExcerpt(text: string): string {
  const file = JSON.parse(text) as {
    materials: Record<string, { from: string; to: string }[]>;
    centroids: Record<string, unknown>;
    names: Record<string, unknown>;
    iso: Record<string, string>;
  };
  const materials: Record<string, { from: string; to: string }[]> = {};
  for (const [label, rows] of Object.entries(file.materials)) materials[label] = rows.filter(atlasFlowPick);
  const used = new Set(Object.values(materials).flatMap((rows) => rows.flatMap((r) => [r.from, r.to])));
  const only = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => used.has(k)));
  const iso = Object.fromEntries(Object.entries(file.iso).filter(([, v]) => used.has(v)));
  return `${JSON.stringify({ ...file, centroids: only(file.centroids), names: only(file.names), iso, materials })}\n`;
}

function atlasSharesExcerpt(path: string, text: string): string {
  if (path.endsWith('data.json')) {
    const data = JSON.parse(text) as { materials: { label: string }[] };
    return JSON.stringify({
      ...data,
      materials: data.materials.filter((m) => ATLAS_LABELS.includes(m.label)),
    });
  }
  const refining = JSON.parse(text) as {
    rows: { material: string }[];
    capacity_wedge: { material: string }[];
  };
  return JSON.stringify({
    ...refining,
    capacity_wedge: refining.capacity_wedge.filter((w) => ATLAS_LABELS.includes(w.material)),
    rows: refining.rows.filter((r) => ATLAS_LABELS.includes(r.material)),
  });
}

function excerpt(path: string, text: string): string {
  // USGS MCS 2022-2024 world tables: whole files (under 7 KB each), byte for byte; rows must add up to the total.
  if (path.startsWith('usgs-mcs-world-production-2022-2024/')) return text;
  const csvPick = CSV_SELECT[path];
  if (csvPick !== undefined) return csvExcerpt(text, csvPick, path);
  const uids = FACILITY_UIDS[path];
  if (uids !== undefined) return geoJsonExcerpt(text, uids);
  if (path.includes('/flows/')) return atlasFlowsExcerpt(text);
  if (path.includes('/reference_shares/')) return atlasSharesExcerpt(path, text);
  throw new Error(`${path}: no excerpt rule`);
}

const from = rawDataDir();
for (const input of RAW_INPUTS) {
  const text = readFileSync(join(from, input.path), 'utf8');
  const out = join(FIXTURE_RAW_DIR, input.path);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, excerpt(input.path, text));
  console.log(`${input.path}: ${text.length} -> ${readFileSync(out).length} bytes`);
}
