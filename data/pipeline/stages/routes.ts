// Stage routes.json: one sea route per country pair that trades in any year (risk bitmask, km, ports, compact path).
import { routesFileSchema } from '../../../src/data/schema';
import type { CountryInfo } from '../../../src/model/types';
import type { YearFlows } from '../flows';
import { computePairRoutes, pairKey, ROUTE_SCALE, type PairRoute } from '../routes';
import { validate, writeOutput } from './output';

/** Routes for every exporter-importer pair in any year's rows, keyed by pairKey. */
export function buildRoutes(
  years: readonly YearFlows[],
  countryInfo: Map<string, CountryInfo>,
  log: (line: string) => void,
): Map<string, PairRoute> {
  const routes = computePairRoutes(
    years.flatMap((yf) => yf.rows.map((r) => pairKey(r[0], r[1]))),
    countryInfo,
  );
  log(`sea routes: ${routes.size} country pairs`);
  return routes;
}

/** routes.json, one pair per line. */
export function writeRoutes(outDir: string, routes: ReadonlyMap<string, PairRoute>): void {
  const out = validate(
    routesFileSchema,
    { scale: ROUTE_SCALE, pairs: Object.fromEntries(routes) },
    'routes.json',
  );
  const lines = Object.entries(out.pairs).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  writeOutput(outDir, 'routes.json', `{"scale":${out.scale},"pairs":{\n${lines.join(',\n')}\n}}\n`);
}
