// The raw files the pipeline reads: path under the raw folder, pinned sha256, and the URL that serves those bytes or why none does.

/**
 * One raw input. `path` is relative to the raw data folder (see raw-dir.ts), with `/` separators. `sha256` was
 * computed from the copy in ../shared/data-raw (the bytes the committed public/data was built from). A file is
 * fetchable when `url` is set: that URL serves exactly these bytes (the source named in the dataset's SOURCE.md).
 * Otherwise `reason` says why no URL gives them (transcribed by hand, ...). Every URL was checked on 2026-12-03:
 * the raw file's git blob hash equals the blob at that commit and path in a snapshot of the repository.
 */
export interface RawInput {
  path: string;
  sha256: string;
  bytes: number;
  /** Where the bytes can be downloaded, as recorded in SOURCE.md (a pinned commit where the source is a repository). */
  url?: string;
  /** Why the file cannot be downloaded as is; set exactly when `url` is not. */
  reason?: string;
  /** The original publisher's page for the dataset (for people, not fetched). */
  publisher: string;
}

const gh = (repo: string, commit: string, path: string): string =>
  `https://raw.githubusercontent.com/${repo}/${commit}/${path}`;

const ATLAS = 'Varcolacus/critical-materials-atlas';
/**
 * The commit SOURCE.md names as the last change to the copied files. SOURCE.md gives only the BACI files' upstream
 * folder; the other paths were found by matching each file's git blob hash against that commit's tree (all 12 match).
 */
const ATLAS_COMMIT = '22bcdb4104601c7c0d7a3f6a5de7cbfb7e468f95';
const ATLAS_PAGE = 'https://criticalmaterialsatlas.org/ (BACI: http://www.cepii.fr/)';
const atlas = (path: string): string => gh(ATLAS, ATLAS_COMMIT, path);
const EARTHIE = 'EugeneBoondock/earthie-chatbot';
export const QENNIS_REPO = 'qennis/ChinaCriticalMineralComtrade';
/** SOURCE.md: the commit that last changed the copied qennis tables (the file's git blob matches it there). */
export const QENNIS_COMMIT = 'b722e75272c9d44837b3cd304d1a336f50624773';

const FLOW_SHA256: Readonly<Record<number, [string, number]>> = {
  2018: ['7d36830cd2dddc1dc01b03cc4efc033603f2f7ea5144a718dbe2463c686613c1', 632433],
  2019: ['3ce63fb8427e3e929f58d8778cb8db09c46ecb29384020a526d07fd2853d07a8', 638242],
  2020: ['ee5846ac4a5f840411249e54416e57c87d1a3cd58f68503f7fbb334abb30235d', 621923],
  2021: ['89ca99034c5296a7afb5757ac552710d3f77ee7a28428efe57e2369b49d33ee9', 649795],
  2022: ['7af011fa88c8d0a8e3c43e4fcc5d8863e5f7ee1fc88751620f2755349538ecb4', 664076],
  2023: ['05a5eaf0507fef5cb49ae0648f706dea35ad5f703efd5dbbdb28fae5c6e11093', 660852],
  2024: ['8c3119aea5d77b5e0f3d5046c4d88bc0ddb847b95a9b9a57d70d8b2306c2296b', 767221],
};

/** Every raw file `npm run data` reads, in a fixed order. */
export const RAW_INPUTS: readonly RawInput[] = [
  {
    path: 'usgs-ree-orris-grauch-2002/ree_main.csv',
    sha256: 'a349a513d5d78aff834ade15b8ad2f9cbcb60f14eefe14f186f873a684394e74',
    bytes: 116043,
    url: gh('sab747/china_africa_aid_resources', 'c5d242e5a5c807ca17bd4982e25516428b0956be', 'ree/main.csv'),
    publisher: 'https://mrdata.usgs.gov/ree/',
  },
  {
    path: 'usgs-pp1802-critical-minerals/PP1802_CritMin_pts.csv',
    sha256: '8aa377da806969c63ed2ac541758cbee1b85cce093d13b015091cdd98f07f6fc',
    bytes: 276216,
    url: gh(
      EARTHIE,
      '7f708f9d7560a151386aa24250156d18d6673058',
      'public/data/minerals/PP1802_CritMin_pts.csv',
    ),
    publisher: 'https://doi.org/10.5066/F7GH9GQR',
  },
  {
    path: 'usgs-major-mineral-deposits-ofr2005-1294/deposit.csv',
    sha256: '2f7260b9c89dfdef484e3e88266bde39801baaf7d0c1267ce67aeeb79b5d6ade',
    bytes: 314402,
    url: gh(EARTHIE, '48fcf3fe82aafce6e7db8fb4c2b23eefe038f534', 'public/data/minerals/deposit.csv'),
    publisher: 'https://mrdata.usgs.gov/major-deposits/',
  },
  {
    path: 'usgs-africa-mineral-industries/AFR_Mineral_Facilities.geojson',
    sha256: '15be984925e5346c2d8ac3361fd290e841771fbf47b51ef68dd656c93f83fa34',
    bytes: 3495658,
    url: gh(
      'Fynn-jx/Africa_frontend',
      '801daa7e6925d85218cb89c9867f89426f47267e',
      'public/data/mining/AFR_Mineral_Facilities.geojson',
    ),
    publisher: 'https://doi.org/10.5066/P97EQWXP',
  },
  {
    path: 'usgs-indopac-mineral-facilities/INDOPAC_Mineral_facilities.geojson',
    sha256: 'bac326cc53966abad8fb2c727d6b7b902d04e719b02d1ab1232ed71db7c4f125',
    bytes: 1931810,
    url: gh(
      'MaxKuempel/Geog472_lab5',
      '84595e18ed926d82c067e550b0889b5f320a7695',
      'data/INDOPAC_Mineral_facilities.geojson',
    ),
    publisher: 'https://www.sciencebase.gov/catalog/item/65caa1aed34ef4b119cb3427',
  },
  {
    path: 'critical-materials-atlas-baci/baci_full_fixtures/country_codes_V202601.csv',
    sha256: 'c6892f28bea23d689b29b074d299cea7f5196c708b03026fbe419fa4ecb4e820',
    bytes: 5346,
    url: atlas('reconcile/fixtures/raw/baci/country_codes_V202601.csv'),
    publisher: ATLAS_PAGE,
  },
  ...(['2022', '2024'] as const).map((year): RawInput => ({
    path: `critical-materials-atlas-baci/baci_full_fixtures/baci_${year}.csv`,
    sha256:
      year === '2022'
        ? 'e94ca46a577efe81a7d428ba40021933fe7dc9c3160b239b03feee02b77f333b'
        : '625b25a08b2aea8923f30f4662868522f6d3888d5128e54fd21986ec1a7860d7',
    bytes: year === '2022' ? 532763 : 498331,
    url: atlas(`reconcile/fixtures/reconcile/baci_${year}.csv`),
    publisher: ATLAS_PAGE,
  })),
  ...Object.entries(FLOW_SHA256).map(([year, [sha256, bytes]]): RawInput => ({
    path: `critical-materials-atlas-baci/flows/flows_${year}.json`,
    sha256,
    bytes,
    url: atlas(`out/flows_${year}.json`),
    publisher: ATLAS_PAGE,
  })),
  {
    path: 'critical-materials-atlas-baci/reference_shares/data.json',
    sha256: '78b04b254366dcaf95c4e31317b0de3b9af0793971128433aebd306541448576',
    bytes: 53291,
    url: atlas('out/data.json'),
    publisher: ATLAS_PAGE,
  },
  {
    path: 'critical-materials-atlas-baci/reference_shares/refining.json',
    sha256: '9fdcb2dde742960746326b03d8364aa76706d7e98da5ddc66d1a284c5d47e234',
    bytes: 10998,
    url: atlas('out/refining.json'),
    publisher: ATLAS_PAGE,
  },
  {
    path: 'nga-world-port-index/UpdatedPub150.csv',
    sha256: 'ab60947c23f82eea40819a38c6c39df0992b768b5865f7cec37b34a01a02756d',
    bytes: 3509801,
    url: gh('JamesRexMiller4/shapely_tut', 'd48d993599d0b9ec79f0d7a416d4371a8d02759f', 'UpdatedPub150.csv'),
    publisher: 'https://msi.nga.mil/Publications/WPI',
  },
  {
    path: 'china-critical-mineral-exports-comtrade-qennis/country_monthly_stats.csv',
    sha256: '17a41dd4a7c977e410f3b061a7fce60952b15163530d80a84d4726a2825e40ae',
    bytes: 244081,
    url: gh(QENNIS_REPO, QENNIS_COMMIT, 'data_output/tables/country_monthly_stats.csv'),
    publisher:
      'https://comtradeplus.un.org/ (derived tables: https://github.com/qennis/ChinaCriticalMineralComtrade)',
  },
  {
    path: 'usgs-mcs2026-extract/mcs2026_world_production.csv',
    sha256: 'bdde1f7fb28e583d845a6073068e397485e0f556653d1bdf5655f16512561f0a',
    bytes: 22261,
    reason:
      'transcribed by hand from the PDF extraction in GitHub pranava0x0/usgs-mineral-commodity-summaries ' +
      '(commit 2514d2bf45d514b45435a62983869ba1738349ad); no published file has these bytes',
    publisher: 'https://pubs.usgs.gov/periodicals/mcs2026/',
  },
];
