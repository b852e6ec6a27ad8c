// The data pipeline: raw public datasets + curated tables -> validated, compact, deterministic files in public/data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { z } from 'zod';
import {
  countriesFileSchema,
  flowFileSchema,
  flowRowSchema,
  manifestSchema,
  routesFileSchema,
  mineralsFileSchema,
  siteFeatureSchema,
} from '../../src/data/schema';
import type { CountryInfo, Mineral, Site } from '../../src/model/types';
import { STAGES } from '../../src/model/types';
import { loadCountryIndex, round } from './countries';
import { loadCountryPorts } from './ports';
import { PROJECT_ROOT, rawDataDir } from './raw-dir';
import { buildShares } from './shares';
import { sharesFileSchema } from '../../src/data/shares-schema';
import { computePairRoutes, pairKey, ROUTE_SCALE } from './routes';
import { FLOW_YEARS, buildYearFlows, type ProductSpec } from './flows';
import { encodeFlowColumns, flowFileText } from '../../src/data/flow-columns';
import { DATASETS, GAPS } from './manifest';
import { PipelineError, readJsonAs } from './read';
import {
  CommodityMap,
  loadCurated,
  loadFacilities,
  loadOfr2005,
  loadOrris,
  loadPp1802,
  type RawSite,
} from './sites-raw';
import { checkLocations, mergeDuplicates, type ReportEntry } from './sites';

const require = createRequire(import.meta.url);

const curatedMinerals = z.object({
  minerals: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string(),
      color: z.string().regex(/^#[0-9a-f]{6}$/),
      products: z.array(
        z.object({
          hs: z.string().regex(/^\d{6}$/),
          name: z.string(),
          stage: z.enum(STAGES),
          atlasLabel: z.string(),
        }),
      ),
      commodities: z.array(z.string()),
    }),
  ),
});

export interface PipelineOptions {
  rawDir: string;
  curatedDir: string;
  outDir: string;
  reportFile: string;
  log?: (line: string) => void;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new PipelineError(
      what,
      `output fails its schema at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  return r.data;
}

/** One JSON value per line inside an array: small diffs, byte-stable. */
function jsonLines(head: string, items: unknown[], tail: string): string {
  return `${head}\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n${tail}\n`;
}

export function runPipeline(opts: PipelineOptions): { counts: Record<string, number> } {
  const log = opts.log ?? (() => {});
  mkdirSync(opts.outDir, { recursive: true });
  const report: ReportEntry[] = [];

  const minerals = readJsonAs(join(opts.curatedDir, 'minerals.json'), curatedMinerals).minerals;
  const mineralIds = new Set(minerals.map((m) => m.id));
  const commodities = new CommodityMap(minerals);
  const countries = loadCountryIndex(opts.rawDir, opts.curatedDir);

  // ------------------------------------------------------------ sites
  const raw: RawSite[] = [
    ...loadOrris(opts.rawDir),
    ...loadPp1802(opts.rawDir, commodities),
    ...loadOfr2005(opts.rawDir, commodities),
    ...loadFacilities(opts.rawDir, commodities, 'africa'),
    ...loadFacilities(opts.rawDir, commodities, 'indopac'),
    ...loadCurated(opts.curatedDir, mineralIds),
  ];
  log(`raw site records: ${raw.length}`);
  const checked = checkLocations(raw, countries, report);
  const sites: Site[] = mergeDuplicates(checked, report);
  const features = sites.map((s) => {
    const { position, ...props } = s;
    return validate(
      siteFeatureSchema,
      { type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: props },
      `site ${s.id}`,
    );
  });
  writeFileSync(
    join(opts.outDir, 'sites.geojson'),
    jsonLines('{"type":"FeatureCollection","features":[', features, ']}'),
  );
  log(`sites: ${sites.length}`);

  // ------------------------------------------------------------ countries (anchors and labels)
  const ports = loadCountryPorts(opts.rawDir);
  const countryInfo = new Map<string, CountryInfo>();
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
      name,
      anchor: main ? main.position : (label as [number, number]),
      anchorKind: main ? 'port' : 'centroid',
      anchorName: main ? main.name : null,
      ports: own,
      label,
    });
  }

  // ------------------------------------------------------------ flows
  const products: ProductSpec[] = minerals.flatMap((m) =>
    m.products.map((p) => ({ mineral: m.id, hs: p.hs, atlasLabel: p.atlasLabel })),
  );
  const flowCounts: Record<string, number> = {};
  const usedCountries = new Set<string>();
  const years = FLOW_YEARS.map((year) =>
    buildYearFlows(opts.rawDir, year, products, countries, (iso3) => countryInfo.has(iso3)),
  );
  const routes = computePairRoutes(
    years.flatMap((yf) => yf.rows.map((r) => pairKey(r[0], r[1]))),
    countryInfo,
  );
  log(`sea routes: ${routes.size} country pairs`);
  for (const yf of years) {
    const { year } = yf;
    for (const r of yf.rows) {
      r[6] = routes.get(pairKey(r[0], r[1]))?.risk ?? 0;
      validate(flowRowSchema, r, `flows ${year}`);
      usedCountries.add(r[0]);
      usedCountries.add(r[1]);
    }
    const complete = yf.complete;
    const head = {
      year,
      complete,
      sources: [
        {
          publisher: 'CEPII',
          title: Object.values(complete).every(Boolean)
            ? 'BACI HS17 V202601 (complete bilateral rows, via the Critical Materials Atlas extract)'
            : 'BACI HS17 V202601 via the Critical Materials Atlas (top partners per country only)',
          year: 2026,
        },
      ],
    };
    const body = encodeFlowColumns(yf.rows);
    validate(flowFileSchema, { ...head, ...body }, `flows ${year}`);
    writeFileSync(join(opts.outDir, `flows-${year}.json`), flowFileText(head, body));
    flowCounts[year] = yf.rows.length;
    for (const [why, n] of Object.entries(yf.dropped)) {
      report.push({ action: 'excluded', ref: `flows ${year}`, detail: `${n} flow rows dropped: ${why}` });
    }
    log(`flows ${year}: ${yf.rows.length}`);
  }
  const routesOut = validate(
    routesFileSchema,
    { scale: ROUTE_SCALE, pairs: Object.fromEntries(routes) },
    'routes.json',
  );
  const routeLines = Object.entries(routesOut.pairs).map(
    ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
  );
  writeFileSync(
    join(opts.outDir, 'routes.json'),
    `{"scale":${routesOut.scale},"pairs":{\n${routeLines.join(',\n')}\n}}\n`,
  );

  const countryList = [...countryInfo.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  const countriesOut = validate(countriesFileSchema, { countries: countryList }, 'countries.json');
  writeFileSync(
    join(opts.outDir, 'countries.json'),
    jsonLines('{"countries":[', countriesOut.countries, ']}'),
  );

  // ------------------------------------------------------------ basemap: Natural Earth 1:50m, ids as ISO3
  const topo = structuredClone(require('world-atlas/countries-50m.json')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
    land: GeometryCollection;
  }>;
  for (const g of topo.objects.countries.geometries) {
    const rawName = (g.properties as { name?: string } | undefined)?.name ?? '';
    const iso3 = countries.resolve(rawName);
    g.properties = { name: (iso3 && countries.names.get(iso3)) || rawName };
    if (iso3) g.id = iso3;
    else delete g.id;
  }
  writeFileSync(join(opts.outDir, 'basemap.topo.json'), `${JSON.stringify(topo)}\n`);

  // ------------------------------------------------------------ country shares by mineral and stage
  const shares = validate(
    sharesFileSchema,
    buildShares(opts.rawDir, (name) => countries.resolve(name), mineralIds, countries.iso3ByIso2),
    'shares.json',
  );
  writeFileSync(join(opts.outDir, 'shares.json'), `${JSON.stringify(shares)}\n`);

  // ------------------------------------------------------------ minerals with coverage
  const coverage = (id: string) => {
    const c: string[] = [];
    if (sites.some((s) => s.minerals.includes(id))) c.push('sites');
    if (products.some((p) => p.mineral === id)) c.push('flows');
    if (Object.keys(shares.minerals[id]?.mining ?? {}).length > 0) c.push('mining-shares');
    if (Object.keys(shares.minerals[id]?.refining ?? {}).length > 0) c.push('refining-shares');
    return c;
  };
  const mineralsOut: Mineral[] = minerals.map((m) => ({
    id: m.id,
    name: m.name,
    color: m.color,
    products: m.products.map((p) => ({ hs: p.hs, name: p.name, stage: p.stage })),
    commodities: m.commodities,
    coverage: coverage(m.id),
  }));
  const mineralsFile = validate(mineralsFileSchema, { minerals: mineralsOut }, 'minerals.json');
  writeFileSync(join(opts.outDir, 'minerals.json'), jsonLines('{"minerals":[', mineralsFile.minerals, ']}'));

  // ------------------------------------------------------------ sources manifest
  const manifest = validate(manifestSchema, { datasets: DATASETS, gaps: GAPS }, 'sources.json');
  writeFileSync(join(opts.outDir, 'sources.json'), `${JSON.stringify(manifest, null, 1)}\n`);

  // ------------------------------------------------------------ report
  const counts: Record<string, number> = { rawSites: raw.length, sites: sites.length };
  for (const [y, n] of Object.entries(flowCounts)) counts[`flows${y}`] = n;
  const byAction = (a: ReportEntry['action']) => report.filter((r) => r.action === a);
  const tally = (key: (s: Site) => string[]) => {
    const m = new Map<string, number>();
    for (const s of sites) for (const k of key(s)) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const table = (rows: [string, number][]) => rows.map(([k, n]) => `| ${k} | ${n} |`).join('\n');
  const md = [
    '# Pipeline report',
    '',
    'Written by `npm run data`. Every fix, exclusion and merge the pipeline made to the raw site layers, and the counts.',
    '',
    `- raw site records read: ${raw.length}`,
    `- sites published: ${sites.length}`,
    `- fixed: ${byAction('fixed').length}; excluded: ${byAction('excluded').length}; kept as coastal: ${byAction('kept-coastal').length}; resolved by location: ${byAction('resolved-by-location').length}; merge groups: ${byAction('merged').length}`,
    ...Object.entries(flowCounts).map(([y, n]) => `- flows ${y}: ${n}`),
    '',
    '## Sites per mineral',
    '',
    '| mineral | sites |',
    '| --- | --- |',
    table(tally((s) => s.minerals)),
    '',
    '## Sites per kind',
    '',
    '| kind | sites |',
    '| --- | --- |',
    table(tally((s) => [s.kind])),
    '',
    '## Sites per country (top 40)',
    '',
    '| country | sites |',
    '| --- | --- |',
    table(tally((s) => [s.country]).slice(0, 40)),
    '',
    ...(['fixed', 'excluded', 'kept-coastal', 'resolved-by-location', 'merged'] as const).flatMap((a) => [
      `## ${a}`,
      '',
      ...byAction(a).map((r) => `- ${r.ref}: ${r.detail}`),
      '',
    ]),
  ].join('\n');
  mkdirSync(dirname(opts.reportFile), { recursive: true });
  writeFileSync(opts.reportFile, md);
  return { counts };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { counts } = runPipeline({
      rawDir: rawDataDir(),
      curatedDir: join(PROJECT_ROOT, 'data/curated'),
      outDir: join(PROJECT_ROOT, 'public/data'),
      reportFile: join(PROJECT_ROOT, 'data/REPORT.md'),
      log: (l) => console.log(l),
    });
    console.log(JSON.stringify(counts));
  } catch (error) {
    console.error(`npm run data failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
