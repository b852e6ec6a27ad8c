// The data pipeline: raw public datasets + curated tables -> validated, compact, deterministic files in public/data.
/**
 * One stage per output file, in data/pipeline/stages/ (sites, countries, measures, flows, routes, basemap, shares,
 * minerals, sources, report); the raw sources are read by their adapters (sites-raw.ts, flows.ts, ports.ts,
 * shares.ts, countries.ts, measures.ts, monthly.ts). This file only orders the stages and passes each one what the earlier ones produced.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCountryIndex } from './countries';
import { FLOW_YEARS, addYearRows, buildYearFlows } from './flows';
import { readUsImports, US_IMPORTS_FILE } from './us-imports';
import { loadCountryPorts } from './ports';
import { PROJECT_ROOT, rawDataDir } from './raw-dir';
import type { ReportEntry } from './sites';
import { writeBasemap } from './stages/basemap';
import { buildCountryInfo, writeCountries } from './stages/countries';
import { writeFlows } from './stages/flows';
import { writeMeasures } from './stages/measures';
import { loadCuratedMinerals, productsOf, usImportProducts, writeMinerals } from './stages/minerals';
import { writeProjects } from './stages/projects';
import { writeReport } from './stages/report';
import { buildRoutes, writeRoutes } from './stages/routes';
import { writeShares } from './stages/shares';
import { writeSites } from './stages/sites';
import { writeSources } from './stages/sources';

export interface PipelineOptions {
  rawDir: string;
  curatedDir: string;
  outDir: string;
  reportFile: string;
  log?: (line: string) => void;
}

export function runPipeline(opts: PipelineOptions): { counts: Record<string, number> } {
  const { rawDir, curatedDir, outDir } = opts;
  const log = opts.log ?? (() => {});
  mkdirSync(outDir, { recursive: true });
  const report: ReportEntry[] = [];

  const minerals = loadCuratedMinerals(curatedDir);
  const mineralIds = new Set(minerals.map((m) => m.id));
  const countries = loadCountryIndex(rawDir, curatedDir);

  const { rawCount, sites } = writeSites(rawDir, curatedDir, outDir, minerals, countries, report, log);
  writeProjects(curatedDir, outDir, sites, mineralIds, report, log);

  const countryInfo = buildCountryInfo(countries, loadCountryPorts(rawDir, curatedDir));
  const products = productsOf(minerals);
  const hasAnchor = (iso3: string) => countryInfo.has(iso3);
  const years = FLOW_YEARS.map((year) => buildYearFlows(rawDir, year, products, countries, hasAnchor));
  const usImports = readUsImports(
    rawDir,
    usImportProducts(minerals),
    FLOW_YEARS,
    (iso3) => countries.names.has(iso3),
    hasAnchor,
  );
  addYearRows(years, usImports.sets);
  for (const s of usImports.skipped)
    report.push({
      action: 'excluded',
      ref: US_IMPORTS_FILE,
      detail: `${s.rows} rows not published: ${s.why}`,
    });
  const routes = buildRoutes(years, countryInfo, log);
  const controls = writeMeasures(rawDir, curatedDir, outDir, minerals, new Set(countries.names.keys()));
  const flowCounts = writeFlows(outDir, years, routes, controls, report, log);
  writeRoutes(outDir, routes);
  writeCountries(outDir, countryInfo);
  writeBasemap(outDir, countries);

  const shares = writeShares(rawDir, curatedDir, outDir, countries, mineralIds);
  writeMinerals(outDir, minerals, sites, products, shares);
  writeSources(outDir);
  writeReport(opts.reportFile, {
    rawSiteCount: rawCount,
    sites,
    flowCounts,
    controls: { measures: controls.measures, years: years.map((y) => ({ year: y.year, rows: y.rows })) },
    entries: report,
  });

  const counts: Record<string, number> = {
    rawSites: rawCount,
    sites: sites.length,
    measures: controls.measures.length,
  };
  for (const [y, n] of Object.entries(flowCounts)) counts[`flows${y}`] = n;
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
