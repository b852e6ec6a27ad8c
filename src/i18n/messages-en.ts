// The English messages of the first view; with messages-en-more.ts every UI message key (messages-ja.ts has the same).

import { VIEW_EN } from '../derive/describe';
import { PRODUCTS_EN } from '../derive/products';
import { STAGES_EN } from '../derive/stages';
import type { enMore } from './messages-en-more';

/** Parameters are already formatted text (numbers go through src/i18n/index.ts formatters first). */
export const en = {
  app: {
    title: 'Critical Minerals Map',
    subtitle: 'Where critical minerals are mined, processed and traded',
    filtersLabel: 'Filters',
    legendLabel: 'Legend',
  },
  details: {
    close: 'Close details',
    minerals: 'Minerals',
    country: 'Country',
    code: (code: string) => ` (${code})`,
    status: 'Status',
    asOf: (vintage: string) => ` (as of ${vintage})`,
    operator: 'Operator',
    capacity: 'Capacity',
    location: 'Location',
    precision: 'Location precision',
    precisions: {
      exact: 'exact (within about 1 km)',
      approximate: 'approximate (town or estate, about 10-25 km)',
      region: 'region only (province or district)',
      country: 'country only',
    },
    vintage: 'Vintage',
    notes: 'Notes',
    siteId: 'Site id',
    sources: 'Sources',
    listSeparator: ', ',
    tradeFlow: (year: string) => `Trade flow, ${year}`,
    mineral: 'Mineral',
    product: 'Product',
    hs: (hs: string) => `HS ${hs}: `,
    unknownProduct: 'unknown product',
    stage: 'Stage',
    stages: { ore: 'ore', refined: 'refined', product: 'product' },
    exporter: 'Exporter',
    importer: 'Importer',
    value: 'Value',
    valueUsd: (money: string, usd: string) => `${money} (${usd} USD)`,
    quantity: 'Quantity',
    tonnes: (t: string) => `${t} t`,
    tonnesUnknown: 'unknown (not in source)',
    shareOfImports: (reporter: string, hs: string, year: string) =>
      `Exporter's share of ${reporter} imports (HS ${hs}, ${year})`,
    shareOfWorld: (hs: string, year: string) => `Exporter's share of world exports (HS ${hs}, ${year})`,
    coverage: 'Coverage',
    coverageUnknownProduct: 'unknown product: coverage unknown',
    coverageBaci: (rows: string) => `Every reporter's bilateral trade (CEPII BACI), ${rows}.`,
    rowsUnknown: 'rows of this year: coverage unknown',
    rowsComplete: 'complete bilateral rows for this year',
    rowsPartial: 'top partners per country only for this year: shares are of the rows present',
    flowId: 'Flow id',
    riskTitle: 'Route risk: China',
    risks: {
      origin: 'Origin: exported from China (incl. Hong Kong and Macau)',
      destination: 'Destination: imported by China, feeding Chinese processing',
      transit: "Transit: sea route within 200 nautical miles of China's coast or through the Taiwan Strait",
      southChinaSea: 'South China Sea: sea route crosses the contested South China Sea',
      controlled:
        "Controlled: the exporter restricts this product's export (a measure in the export-controls table)",
    },
    riskNone:
      'None of the reasons: not from or to China, sea route clear of its coast and the South China Sea, and no export control in the reading chosen.',
    overland:
      'No sea route between the two countries (land-locked or overland): judged by origin and destination only.',
    seaRoute: (ports: string | null, km: string) =>
      `Sea route ${ports ? `${ports}, ` : ''}about ${km} km (computed on the Eurostat SeaRoute / MARNET network).`,
    seaRouteLater: 'Sea route computed in the data pipeline (load the sea-lane view to see it).',
    controlsTitle: 'Export controls',
    measuresNotLoaded: 'The measure table is not loaded: which measure applies cannot be named.',
    measureLine: (no: string, issuer: string, since: string) =>
      `${no} (${issuer}): in force since ${since}. `,
    dateUnknown: 'a date not known',
  },
  searchResults: {
    site: 'Sites',
    country: 'Countries',
    mineral: 'Minerals',
    measure: 'Export controls',
    project: 'Funded projects',
    noMatches: 'No matches',
  },
  sections: {
    chart: 'Country shares',
    scenario: 'Scenarios and allied supply',
    measures: 'Export controls',
    measuresLoading: 'Loading the export-control measures…',
    projects: 'Funded projects',
    projectsShow: 'Show funded projects outside China',
    about: 'About the data and sources',
  },
  table: {
    label: 'Table',
    sites: 'Sites',
    flows: 'Flows',
    tab: (label: string, n: string) => `${label} (${n})`,
    previous: 'Previous',
    next: 'Next',
    close: 'Close',
    noRows: 'no rows',
    range: (from: string, to: string, n: string, page: string, pages: string) =>
      `rows ${from}–${to} of ${n} (page ${page} of ${pages})`,
  },
  keys: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    search: 'Search sites, countries, minerals, measures and projects',
    help: 'Show this list',
    escape: 'Close the details panel or a dialog; focus returns where it was',
    tabKeys: 'Tab, Shift+Tab',
    tab: 'Move between controls, in panel order',
    arrowsMapKeys: 'Arrow keys (map focused)',
    arrowsMap: 'Pan the map; + and − zoom',
    arrowsYearKeys: 'Arrow keys (year slider)',
    arrowsYear: 'Previous or next trade year',
  },
  notices: {
    dismiss: 'Dismiss message',
    resetView: 'Reset view',
    mapRest: 'The filters, counts and the sources list still work.',
    noWebGl: (rest: string) =>
      `This browser could not start WebGL2, so the map itself cannot be drawn. ${rest} Try a current Chrome, Firefox, Edge or Safari with hardware acceleration on.`,
    mapFailed: (message: string, rest: string) => `The map could not start (${message}). ${rest}`,
    unknownError: 'unknown error',
    skipped: (n: string, file: string, examples: string) =>
      `${n} invalid record(s) in ${file} were skipped (${examples}). The rest is shown.`,
    fileError: (what: string, file: string, message: string) => `The ${what} file ${file} ${message}.`,
    notLoaded: (what: string) => `The ${what} could not be loaded.`,
    restWorks: (text: string) => `${text} The rest of the map still works.`,
    linkedMissing: (what: string, id: string) => `The linked ${what} "${id}" is not in the data.`,
    linkedMeasure: 'measure',
    linkedProject: 'project',
    yearFlows: (year: string) => `${year} trade flows`,
    files: {
      minerals: 'minerals',
      countries: 'countries',
      sites: 'sites',
      sourcesList: 'sources list',
      seaRoutes: 'sea routes',
      countryShares: 'country shares',
      scenarioTools: 'scenario tools',
      measures: 'export-control measures',
      projects: 'funded projects',
      tableView: 'table view',
      detailsPanel: 'details panel',
      basemap: 'basemap',
      search: 'search',
      japanese: 'Japanese text',
      pngExport: 'PNG export',
    },
  },
  tooltip: {
    kindCountry: (kind: string, country: string) => `${kind} · ${country}`,
    status: (status: string, vintage: string, precision: string) =>
      `Status: ${status} (as of ${vintage}) · location ${precision}`,
    precisions: { exact: 'exact', approximate: 'approximate', region: 'region', country: 'country' },
    project: 'Funded project: click for its support, permits and capacity',
    flowLine: (mineral: string, hs: string, year: string, value: string) =>
      `${mineral} (HS ${hs}), ${year}: ${value}`,
    shares: (share: string, dependence: string) =>
      `Exporter's world share: ${share} · importer's dependence: ${dependence}`,
  },
  toolbar: {
    label: 'Share and export',
    share: 'Share',
    shareTitle: 'Copy a link or an embed snippet for this view',
    table: 'Table',
    tableTitle: 'Show the sites and flows shown as sortable tables',
    png: 'PNG',
    pngTitle: 'Download the map as shown, as a PNG image',
    csv: 'CSV',
    csvTitle: 'Download the visible sites and flows as CSV',
    geojson: 'GeoJSON',
    geojsonTitle: 'Download the visible sites and flows as GeoJSON',
    more: 'More: image, CSV, GeoJSON',
    resolution: 'Image resolution',
  },
  search: {
    label: 'Search sites, countries, minerals, measures and projects',
    placeholder: 'Search (press /)',
    results: 'Search results',
  },
  exportMenu: {
    ids: 'Column names as stable ids for scripts',
    idsTitle:
      'CSV header row: the stable snake_case ids (the same in every language) instead of the column names in this language',
  },
  sheet: {
    hide: 'Hide the panel',
    lower: 'Lower the panel',
    raise: 'Raise the panel',
    show: 'Show the panel',
    handle: 'Filters and details',
  },
  linkNotice: {
    moreUnknown: (n: string) => `${n} more unknown settings`,
    moreValues: (n: string, key: string) => `${n} more values of "${key}" ignored`,
    ignored: (parts: string) => `Some settings in the link were ignored: ${parts}.`,
  },
  filters: {
    title: 'Filters',
    reset: 'Reset',
    minerals: 'Minerals (sites · flows kept)',
    productLegend: (minerals: string) => `${minerals}: product (flows kept)`,
    magnets: 'Magnets',
    compounds: 'Compounds, oxides',
    metals: 'Metals',
    importsOnly: (reporters: string) => `${reporters} imports only`,
    allReporters: 'all reporters',
    allProducts: 'All products (mixes coverage)',
    year: 'Year ',
    play: 'Play years',
    pause: 'Pause',
    risk: 'Route risk: China',
    riskAll: 'All routes',
    riskChina: 'Only China-exposed',
    riskNoChina: 'Avoid China',
    controlled: 'Controlled: measures ',
    controlsLabel: 'Which export controls count',
    controlsToday: 'in force today',
    controlsFlowYear: "in force in the flow's year",
    focus: 'Country focus',
    focusCountry: 'Focus country',
    allCountries: 'All countries',
    focusRole: 'Focus role',
    roleEither: 'as exporter or importer',
    roleExporter: 'as exporter',
    roleImporter: 'as importer',
    smallest: 'Smallest flow ',
    anyValue: 'any value',
    orMore: (value: string) => `${value} or more`,
    kindsAndStatuses: 'Site kinds and statuses',
    kinds: 'Kinds',
    statuses: 'Statuses',
    display: 'Display',
    arcColour: 'Arc colour',
    colourExporter: "exporter's share of world exports",
    colourImporter: "importer's dependence on the exporter",
    arcWidth: 'Arc width',
    widthUsd: 'value (USD)',
    widthTonnes: 'quantity (tonnes)',
    drawFlows: 'Draw flows',
    asArcs: 'as arcs',
    seaLanes: 'along sea lanes',
    complete: (year: string) => `${year}: complete bilateral trade rows.`,
    partial: (year: string) => `${year}: top partners per country only (not complete).`,
  },
  reasons: {
    origin: 'Origin',
    destination: 'Destination',
    transit: 'Transit',
    southChinaSea: 'South China Sea',
    controlled: 'Controlled',
  },
  counts: {
    sites: ' sites · ',
    keptNoMap: ' trade flows kept by the filters (the map cannot be drawn in this browser)',
    drawn: ' trade flows drawn',
    loading: ' (loading…)',
    hiddenCapped: (n: string, value: string, max: string) =>
      `${n} smaller flows (${value}) are hidden: at most ${max} flows are drawn at once. Narrow the filters to see them.`,
    hiddenCut: (n: string, value: string) =>
      `${n} smaller flows (${value}, the last 5% of value) are hidden. `,
    showAll: 'Show all',
    allDrawn: 'All flows drawn. ',
    showLargest: 'Show only the largest',
    noFlows: 'No trade flow is drawn for these filters.',
    summary: (n: number, nText: string, total: string, share: string) =>
      `${nText} ${n === 1 ? 'flow' : 'flows'} drawn, worth ${total}; ` +
      `${share} of that value from China (with Hong Kong and Macau).`,
  },
  legend: {
    title: 'Legend',
    sitesByKind: 'Sites by kind',
    noSites: 'No sites for this filter.',
    hiddenKinds: (kinds: string) => `Hidden kinds: ${kinds}.`,
    colourExporter: "Arc colour: exporter's share of world exports",
    colourImporter: "Arc colour: importer's dependence on the exporter",
    widthUsd: 'Arc width: trade value (USD)',
    widthTonnes: 'Arc width: quantity (tonnes; unknown = thinnest)',
    orMorePx: (value: string, px: string) => `${value} or more (${px}px)`,
    tonnes: (t: string) => `${t} t`,
    tonnesOrMore: (t: string) => `${t} t or more`,
    riskAll: 'All routes are drawn.',
    riskOnly: (reasons: string) => `Only flows with: ${reasons}.`,
    riskNone: (reasons: string) => `Only flows with none of: ${reasons}.`,
    noReason: '(no reason selected)',
    outlined: 'Countries with a measure in force are outlined (dashed).',
    greyArcs: (id: string) => `Grey arcs: flows the selected measure (${id}) does not cover.`,
    hiddenSmall: (n: string) => `Hidden: ${n} small flows (see above).`,
    seaLanes: 'Flows are drawn along their computed sea lanes; overland and land-locked flows stay arcs.',
    arcs: 'Arcs go from exporter (solid end) to importer (faded end).',
    chinaTinted: 'China, Hong Kong and Macau are tinted on the map.',
  },
  embed: {
    exporterShare: 'Exporter share',
    importerDependence: 'Importer dependence',
    counts: (sites: string, flows: string) => `· ${sites} sites · ${flows} flows`,
    openFull: 'Open the full map ↗',
  },
  view: VIEW_EN,
  controls: {
    date: (iso: string) => `${iso}`,
    readingToday: (asOf: string | null) =>
      `in force on ${asOf ?? 'the date the measure table was last checked'}`,
    readingYear: "in force in the flow's year",
    controlsWhenToday: (label: string) =>
      `${label} (the day the measure table was last checked; the trade is the year shown)`,
    controlsWhenYear: "in force on any day of the flow's own year",
    controlsText: (when: string) =>
      `Controlled: an export-control measure of the exporter, ${when}, names the flow's HS code and its importer's country (or every destination). Measures without HS codes (technology, end-user rules) cover no flow. An HS code can be broader than what a measure controls (all permanent magnets, for magnets containing dysprosium, terbium or samarium; HS 811292 also holds indium, niobium and vanadium), so controlled flows and the losses they imply are upper bounds.`,
  },
  chart: {
    title: (mineral: string) => `Who supplies ${mineral}`,
    chinaRefiningNone: (mineral: string) =>
      `China's share of world refining: not in the data for ${mineral}.`,
    chinaRefining: (share: string, year: string, approximate: boolean) =>
      `China's share of world refining: ${share} (${year}${approximate ? ', approximate' : ''}).`,
    firstMineral: (mineral: string) => `Showing the first selected mineral, ${mineral}.`,
    mining: 'Mining',
    refining: 'Refining',
    exports: 'Exports',
    stageYear: (stage: string, year: string) => `${stage} ${year}`,
    noData: 'No data for this mineral.',
    others: 'Others',
    noFigure: (publisher: string, year: number) => `No ${publisher} figure for ${year}.`,
    nearest: (publisher: string, year: number, nearest: string, available: string) =>
      `No ${publisher} figure for ${year}; nearest: ${nearest} (years with figures: ${available})`,
    note: (publisher: string, title: string, year: string, approximate: boolean) =>
      `${publisher}, ${title} (${year})${approximate ? ', approximate' : ''}`,
    reporterTitle: (reporter: string, year: number) => `${reporter} imports in view ${year}, by partner`,
    exportsTitle: (year: number) => `Exports in view ${year}`,
    reporterNote: (reporter: string) =>
      `UN Comtrade, as reported by ${reporter} (imports only): share of the value of the flows the filters keep`,
    worldNote: (left: number) =>
      `CEPII BACI, share of the value of the flows the filters keep${
        left > 0 ? ` (${left} flows reported by one importer only left out)` : ''
      }`,
  },
  stages: STAGES_EN,
  products: PRODUCTS_EN,
  units: {
    unknown: 'unknown',
  },
} as const;

/** A catalogue's shape: the English keys, every string widened to `string`, every function keeping its parameters. */
type Shape<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Shape<T[K]> };

/** The first view's part of a catalogue (`t()`). */
export type CoreMessages = Shape<typeof en>;
/** The part of a catalogue that loads on first use (`more()`, src/i18n/more.ts). */
export type MoreMessages = Shape<typeof enMore>;
/** Every language's whole catalogue has this type: a missing or extra key (or a function of other parameters) fails tsc. */
export type Messages = CoreMessages & MoreMessages;
