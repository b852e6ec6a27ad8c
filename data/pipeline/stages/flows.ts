// Stage flows-<year>.json: each year's rows (BACI, US imports) with the route risk of their pair and their control bits, as columns.
import { flowFileSchema, flowRowSchema } from '../../../src/data/schema';
import { encodeFlowColumns, flowFileText } from '../../../src/data/flow-columns';
import { controlBits } from '../../../src/derive/controls';
import type { Measure } from '../../../src/model/measures';
import type { YearFlows } from '../flows';
import { US_IMPORT_SOURCES } from '../us-imports';
import { pairKey, type PairRoute } from '../routes';
import type { ReportEntry } from '../sites';
import { validate, writeOutput } from './output';

/** The export-control measures and the date they were checked (the `today` reading), from the measures stage. */
export interface FlowControls {
  measures: readonly Measure[];
  asOf: string;
}

/**
 * Fill each row's risk bitmask: its pair's route bits (0 without a route) and the two `controlled` bits of the
 * measures covering it (derive/controls.ts controlBits), write one file per year and report the rows dropped.
 * Returns the row count per year.
 */
export function writeFlows(
  outDir: string,
  years: readonly YearFlows[],
  routes: ReadonlyMap<string, PairRoute>,
  controls: FlowControls,
  report: ReportEntry[],
  log: (line: string) => void,
): Record<string, number> {
  const flowCounts: Record<string, number> = {};
  for (const yf of years) {
    const { year, complete } = yf;
    for (const r of yf.rows) {
      const trade = { exporter: r[0], importer: r[1], hs: r[3], year };
      r[6] =
        (routes.get(pairKey(r[0], r[1]))?.risk ?? 0) | controlBits(controls.measures, trade, controls.asOf);
      validate(flowRowSchema, r, `flows ${year}`);
    }
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
        ...(yf.usImports > 0 ? US_IMPORT_SOURCES : []),
      ],
    };
    const body = encodeFlowColumns(yf.rows);
    validate(flowFileSchema, { ...head, ...body }, `flows ${year}`);
    writeOutput(outDir, `flows-${year}.json`, flowFileText(head, body));
    flowCounts[year] = yf.rows.length;
    for (const [why, n] of Object.entries(yf.dropped)) {
      report.push({ action: 'excluded', ref: `flows ${year}`, detail: `${n} flow rows dropped: ${why}` });
    }
    log(`flows ${year}: ${yf.rows.length}`);
  }
  return flowCounts;
}
