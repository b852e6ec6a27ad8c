// The raw files the pipeline reads: path under the raw folder, pinned sha256, and the URL that serves those bytes or why none does.

/**
 * One raw input. `path` is relative to the raw data folder (see raw-dir.ts), with `/` separators. `sha256` was
 * computed from the copy in ../shared/data-raw (the bytes the committed public/data was built from). A file is
 * fetchable when `url` is set: that URL serves exactly these bytes (the source named in the dataset's SOURCE.md).
 * Otherwise `reason` says why no URL gives them (transcribed by hand, ...). Every URL was checked on 2026-12-03:
 * the raw file's git blob hash equals the blob at that commit and path in a snapshot of the repository.
 */
import { US_IMPORTS_FILE, US_TOTALS_FILE } from './us-imports';

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

const CMM_DATA = 'Redliana/cmm-data';
/** SOURCE.md: the commit that last changed the copied USGS MCS files; each file's git blob matches there (checked 2026-12-03). */
const CMM_DATA_COMMIT = 'd780c5b7ff41bef8906fe1518a4cb2e1b549785a';
/** USGS MCS 2022-2024 world-production CSVs (path under usgs-mcs-world-production-2022-2024/): sha256, bytes. */
const MCS_WORLD_SHA256: Readonly<Record<string, [string, number]>> = {
  'mcs2022/cobalt_mcs2022-cobal_world.csv': [
    'cf65261fa13e80e67b820588eb6fb2c8b3e1fe4cc27be3c95d191d04f7fabeca',
    988,
  ],
  'mcs2022/gallium_mcs2022-galli_world.csv': [
    '12967e441dd196d99226ed4b514b2e43016c23c422f58dc71b5d65b76a1ceb2a',
    360,
  ],
  'mcs2022/germanium_mcs2022-germa_world.csv': [
    '56c87384fa88399d2492e4304ea6f7ac44ddfdfed8cffaaec22419340c7ae118',
    430,
  ],
  'mcs2022/graphite_mcs2022-graph_world.csv': [
    '42f9946e88c6bd1181ae488bc2daeddfc28c7297c749565a88c40d2a093c9d01',
    1037,
  ],
  'mcs2022/lithium_mcs2022-lithi_world.csv': [
    'f933af4de530455146e8a2f0a2d08dab3acf93ada61d7df45fd26d39dbb6f7aa',
    649,
  ],
  'mcs2022/manganese_mcs2022-manga_world.csv': [
    'c42cea13429a5e26b09bdc1f0134e670dd2375fa546e1bf9242f6e93e0e58e0e',
    1244,
  ],
  'mcs2022/nickel_mcs2022-nicke_world.csv': [
    'c26dc493c46f917758a8cb00fedad6af79e7e611d8ed5b8ea985c7b984e6a352',
    637,
  ],
  'mcs2022/rare_earths_mcs2022-raree_world.csv': [
    '086aeaab615b8dec0ae35796d562653f1e7146921d2c7badfe69f983652e1c63',
    1699,
  ],
  'mcs2022/tungsten_mcs2022-tungs_world.csv': [
    '655eabfaeefa389352dc74fd7907f20d88389056756e9968eb2f4cd81e89bac3',
    861,
  ],
  'mcs2023/mcs2023-antim_world.csv': [
    'd7adee553091d5db31b217fee351c148fd3a1999f4786ba242ecc89df03dafc4',
    1684,
  ],
  'mcs2023/mcs2023-cobal_world.csv': [
    'b96238ab14ccc8c51bc60ef1ba4a790759a875c383bbcc18347e159adb025d39',
    1943,
  ],
  'mcs2023/mcs2023-fluor_world.csv': [
    '365b7968940e1d1a1c6785ff6387522aabd113b16bdd8d2153bf436774e2b8a5',
    1024,
  ],
  'mcs2023/mcs2023-galli_world.csv': [
    'bff3fa993938bd7a9f65a4e6dc268e48865ee2dc16b7adc25f5273b033af4473',
    874,
  ],
  'mcs2023/mcs2023-germa_world.csv': [
    '1fff4d61113858c5a475d19595538a1d4450e5f4e221f2af14d0dd408a7b639f',
    469,
  ],
  'mcs2023/mcs2023-graph_world.csv': [
    'd738d1402f983f4faaf416c744b5a4c6583a5c127e0650fed09e060f6a7eff53',
    1616,
  ],
  'mcs2023/mcs2023-lithi_world.csv': [
    '481fe02366a1d71d14888a31f1bd1fa32e36cb91917ef617b34f300ccb9aae5a',
    1944,
  ],
  'mcs2023/mcs2023-manga_world.csv': [
    'da7132cca1e41c53f61c600185dfbbfc2011132085edd5d34dc7c0198a7601a9',
    1548,
  ],
  'mcs2023/mcs2023-nicke_world.csv': [
    'f534e80655042cc986c77870c7bfaef458aeeb497171ecd1b64c093c175b9434',
    1434,
  ],
  'mcs2023/mcs2023-niobi_world.csv': [
    '443c0faca30dec73421cb35705834b23e524d6655d2f6f7c1146bd968a9a75c8',
    675,
  ],
  'mcs2023/mcs2023-raree_world.csv': [
    'a59a9d9ffcc9919f28ab0117bfc9cdd21ac2c43f1892d97a000fcd83cefc1230',
    2296,
  ],
  'mcs2023/mcs2023-tanta_world.csv': [
    '963b4211996ae19527896f326123b3a31bbba9c70f609c155276848970e03936',
    1326,
  ],
  'mcs2023/mcs2023-tungs_world.csv': [
    '0cf40d9245c2e27228e7f9db18808ad1ef4c15c08dde5fe56427a9e6157b592f',
    1089,
  ],
  'mcs2023/mcs2023-vanad_world.csv': [
    '53c8617d9aa726a8c44f6cb8439dcba84dacc4333a673e9589d3d06763d7af9c',
    689,
  ],
  'mcs2024/mcs2024-antim_world.csv': [
    '0b9474d14744077a394272659e5be10f617a83ef10d983e983fd0338cd66b9bf',
    2213,
  ],
  'mcs2024/mcs2024-cobal_world.csv': [
    '4d81ebb014060937686b374cc1b74134f20de0813489f2540b6346929d0316cc',
    2656,
  ],
  'mcs2024/mcs2024-fluor_world.csv': [
    '29ea6d97641dfc189fc8702b7bb98c0e9c29e9a95820d6cb92fc6185742cf89d',
    1727,
  ],
  'mcs2024/mcs2024-galli_world.csv': [
    'a070fc2c9c9c7ab75d1599c3bf64d05c9c9f8a936fd428f428a965e13559eb3b',
    835,
  ],
  'mcs2024/mcs2024-germa_world.csv': [
    '15781ae237af0eb21ccbf8943b34ef18c7a20d557e690687289e94fb3c375c85',
    690,
  ],
  'mcs2024/mcs2024-graph_world.csv': [
    '8512305ab5fbb9c1304cae6e76fda5a98eae3b94cf94ed368cf4ebdca27165ec',
    1747,
  ],
  'mcs2024/mcs2024-lithi_world.csv': [
    '030c48e0d1f7b46a4271b5e22ccc5d262dfe8058e29e344651567f818df9ace4',
    2496,
  ],
  'mcs2024/mcs2024-manga_world.csv': [
    'f3ca24b4153cfc5fb18fe64afe4137a3285b0409f070ce357e9195d2d15c4e2e',
    1892,
  ],
  'mcs2024/mcs2024-nicke_world.csv': [
    '67e17df59d05a5412f0d851d929a879984e3903e8623e7b9ac46dd9396cd6f62',
    3942,
  ],
  'mcs2024/mcs2024-niobi_world.csv': [
    '8c94221133b818c5ed8bc5bd4bf6b0d9291029a6c825f03228b7561fb8604279',
    1347,
  ],
  'mcs2024/mcs2024-raree_world.csv': [
    'fa89237afc855b28f609815a872fdba79eb0404b7cdb2f2df6e110fa425d596b',
    4085,
  ],
  'mcs2024/mcs2024-tanta_world.csv': [
    '12883a44babcc95c7c208ff17388921270da2e995e52be3ff316bd27535b0262',
    1988,
  ],
  'mcs2024/mcs2024-tungs_world.csv': [
    '38b20fd76ade7eb41f00c89f689ef56dd714deb142df31996e96cc2e62b86522',
    2788,
  ],
  'mcs2024/mcs2024-vanad_world.csv': [
    'bfef1216039bfb4c0a884b64cdb827ab0ffb4f35a015087ad47bd680c9d7bc7e',
    2019,
  ],
};
/** Where cmm-data keeps each edition's world CSVs (SOURCE.md; MCS 2022 file names carry a commodity prefix). */
const MCS_WORLD_UPSTREAM: Readonly<Record<string, string>> = {
  mcs2022: 'API_Scripts/usgs_mcs_data/2022/individual_commodities',
  mcs2023: 'API_Scripts/usgs_mcs_data/2023/world/world',
  mcs2024: 'API_Scripts/usgs_mcs_data/2024/world',
};
const MCS_WORLD_DOI: Readonly<Record<string, string>> = {
  mcs2022: 'https://doi.org/10.5066/P9KKMCP4',
  mcs2023: 'https://doi.org/10.5066/P9WCYUI6',
  mcs2024: 'https://doi.org/10.5066/P144BA54',
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
  ...(
    [
      [US_IMPORTS_FILE, '91247c9025e24cc5a7db4873f6d63d9ec3d01e8977e34fe2ec56eb300850b377', 59735],
      [US_TOTALS_FILE, 'eecd811d37def03b099f85a485d46bb25b3d7df0b92a64824191c2e0d6126d6e', 3400],
    ] as const
  ).map(([path, sha256, bytes]): RawInput => ({
    path,
    sha256,
    bytes,
    reason:
      'transcribed from the code index of GitHub akashok1/semiconductor-rare-earth-supply-chain-risk ' +
      '(commit 72a6515c9fbc90712a09e3fe9b552d767f75dfc0), rare-earth rows only; no published file has these bytes',
    publisher:
      'https://comtradeplus.un.org/ (extract: https://github.com/akashok1/semiconductor-rare-earth-supply-chain-risk)',
  })),
  {
    path: 'usgs-mcs2026-extract/mcs2026_world_production.csv',
    sha256: 'bdde1f7fb28e583d845a6073068e397485e0f556653d1bdf5655f16512561f0a',
    bytes: 22261,
    reason:
      'transcribed by hand from the PDF extraction in GitHub pranava0x0/usgs-mineral-commodity-summaries ' +
      '(commit 2514d2bf45d514b45435a62983869ba1738349ad); no published file has these bytes',
    publisher: 'https://pubs.usgs.gov/periodicals/mcs2026/',
  },
  ...Object.entries(MCS_WORLD_SHA256).map(([path, [sha256, bytes]]): RawInput => {
    const [edition = '', name = ''] = path.split('/');
    return {
      path: `usgs-mcs-world-production-2022-2024/${path}`,
      sha256,
      bytes,
      url: gh(CMM_DATA, CMM_DATA_COMMIT, `${MCS_WORLD_UPSTREAM[edition] ?? ''}/${name}`),
      publisher: MCS_WORLD_DOI[edition] ?? '',
    };
  }),
];
