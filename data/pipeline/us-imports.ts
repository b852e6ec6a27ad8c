// United States imports of rare-earth products by partner (UN Comtrade via the akashok1 extract), as flow rows.
/**
 * Reads `us-ree-imports-comtrade-akashok1/` (SOURCE.md there): one row per product, year and partner, values only.
 * Every product-year is checked against the extract's own totals (the sum of its partner rows and their number)
 * before any row is used, so a truncated or mistyped file stops the build instead of publishing wrong figures.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { FlowRow } from '../../src/data/schema';
import type { Source } from '../../src/model/types';
import { PipelineError, readCsvRows } from './read';

export const US_IMPORTS_DIR = 'us-ree-imports-comtrade-akashok1';
export const US_IMPORTS_FILE = `${US_IMPORTS_DIR}/fct_supplier_share_rare_earths.csv`;
export const US_TOTALS_FILE = `${US_IMPORTS_DIR}/fct_concentration_rare_earths.csv`;
/** The importer of every row: the reporter. */
export const US_REPORTER = 'USA';

/** Whom the rows cite: the reporter's data, and the extract they were read from. */
export const US_IMPORT_SOURCES: readonly Source[] = [
  {
    publisher: 'UN Comtrade (United States as reporter)',
    title:
      'US imports of rare-earth metals and compounds by partner, annual, via the akashok1 ' +
      'semiconductor-rare-earth-supply-chain-risk extract (transcribed)',
    year: 2026,
    url: 'https://github.com/akashok1/semiconductor-rare-earth-supply-chain-risk',
  },
];

const money = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative number');
const supplierRow = z.object({
  basket: z.literal('rare_earths_and_magnets'),
  canonical_product_id: z.string().regex(/^\d{6}$/),
  year: z.string().regex(/^\d{4}$/),
  partner_iso3: z.string().regex(/^[A-Z]{3}$/),
  partner_name: z.string().min(1),
  is_aggregate_partner: z.literal('f'),
  import_value_usd: money,
});
const totalRow = z.object({
  canonical_product_id: z.string().regex(/^\d{6}$/),
  year: z.string().regex(/^\d{4}$/),
  total_import_value_usd: money,
  supplier_count: z.string().regex(/^\d+$/),
});

/** One product's US import rows in one year. */
export interface UsImportRows {
  hs: string;
  year: number;
  rows: FlowRow[];
}

export interface UsImports {
  /** Per HS code and year (years outside `years` left out and counted in `skipped`). */
  sets: UsImportRows[];
  /** Rows not published, with why (for data/REPORT.md). */
  skipped: { why: string; rows: number }[];
}

/**
 * The rows of `products` (HS code -> mineral id) for `years`, as flow rows partner -> USA with no tonnes. A partner
 * code the country table lacks, or a product-year whose rows do not add up to the extract's total, stops the build.
 */
export function readUsImports(
  rawDir: string,
  products: ReadonlyMap<string, string>,
  years: readonly number[],
  knownCountry: (iso3: string) => boolean,
  hasAnchor: (iso3: string) => boolean,
): UsImports {
  const file = join(rawDir, US_IMPORTS_FILE);
  const totalsFile = join(rawDir, US_TOTALS_FILE);
  const totals = new Map(
    readCsvRows(totalsFile, totalRow).map((t) => [
      `${t.canonical_product_id}/${t.year}`,
      { usd: Number(t.total_import_value_usd), count: Number(t.supplier_count) },
    ]),
  );
  const groups = new Map<string, { usd: number; count: number; rows: FlowRow[] }>();
  const skipped = new Map<string, number>();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  readCsvRows(file, supplierRow).forEach((r, i) => {
    const key = `${r.canonical_product_id}/${r.year}`;
    const g = groups.get(key) ?? { usd: 0, count: 0, rows: [] };
    groups.set(key, g);
    const value = Number(r.import_value_usd);
    g.usd += value;
    g.count += 1;
    const mineral = products.get(r.canonical_product_id);
    if (mineral === undefined) return skip(`HS ${r.canonical_product_id}: not published from this table`);
    if (!years.includes(Number(r.year))) return skip(`${r.year}: outside the map's trade years`);
    if (!knownCountry(r.partner_iso3))
      throw new PipelineError(
        file,
        `partner ${r.partner_iso3} (${r.partner_name}) is not a known country`,
        i + 1,
      );
    if (!hasAnchor(r.partner_iso3)) return skip('partner without a map anchor');
    g.rows.push([r.partner_iso3, US_REPORTER, mineral, r.canonical_product_id, Math.round(value), null, 0]);
  });
  const sets: UsImportRows[] = [];
  for (const [key, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const total = totals.get(key);
    if (!total) throw new PipelineError(totalsFile, `no total for product/year ${key}`);
    // The extract's totals are sums of the same rows: they agree to the cent, not just roughly.
    if (Math.abs(total.usd - g.usd) > 0.5 || total.count !== g.count)
      throw new PipelineError(
        file,
        `product/year ${key}: ${g.count} rows summing to ${g.usd} USD, the totals file says ${total.count} rows and ${total.usd} USD`,
      );
    const [hs = '', year = ''] = key.split('/');
    if (g.rows.length > 0) sets.push({ hs, year: Number(year), rows: g.rows });
  }
  return {
    sets,
    skipped: [...skipped].map(([why, rows]) => ({ why, rows })).sort((a, b) => (a.why < b.why ? -1 : 1)),
  };
}
