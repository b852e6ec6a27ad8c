// Stage minerals.json: the curated mineral table (read here) with each mineral's coverage across sites, flows and shares.
import { join } from 'node:path';
import { z } from 'zod';
import { mineralsFileSchema } from '../../../src/data/schema';
import type { SharesFile } from '../../../src/data/shares-schema';
import type { Mineral, Product, Site } from '../../../src/model/types';
import { PRODUCT_GROUPS, type ProductSource } from '../../../src/model/products';
import { US_IMPORT_SOURCES, US_REPORTER } from '../us-imports';
import { STAGES } from '../../../src/model/types';
import type { ProductSpec } from '../flows';
import { readJsonAs } from '../read';
import { jsonLines, validate, writeOutput } from './output';

const curatedMinerals = z.object({
  minerals: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string(),
      color: z.string().regex(/^#[0-9a-f]{6}$/),
      products: z.array(
        z.union([
          z.object({
            hs: z.string().regex(/^\d{6}$/),
            name: z.string(),
            stage: z.enum(STAGES),
            group: z.enum(PRODUCT_GROUPS).optional(),
            source: z.literal('baci').default('baci'),
            atlasLabel: z.string(),
          }),
          z.object({
            hs: z.string().regex(/^\d{6}$/),
            name: z.string(),
            stage: z.enum(STAGES),
            group: z.enum(PRODUCT_GROUPS),
            source: z.literal('us-imports'),
          }),
        ]),
      ),
      commodities: z.array(z.string()),
    }),
  ),
});

export type CuratedMineral = z.infer<typeof curatedMinerals>['minerals'][number];

/** `data/curated/minerals.json`: ids, names, colours, HS products (with the atlas label) and raw commodity names. */
export function loadCuratedMinerals(curatedDir: string): CuratedMineral[] {
  return readJsonAs(join(curatedDir, 'minerals.json'), curatedMinerals).minerals;
}

/** Every HS product of every mineral with BACI rows, in table order. */
export function productsOf(minerals: readonly CuratedMineral[]): ProductSpec[] {
  return minerals.flatMap((m) =>
    m.products.flatMap((p) =>
      p.source === 'baci' ? [{ mineral: m.id, hs: p.hs, atlasLabel: p.atlasLabel }] : [],
    ),
  );
}

/** HS code -> mineral of the products whose rows are United States imports (data/pipeline/us-imports.ts). */
export function usImportProducts(minerals: readonly CuratedMineral[]): Map<string, string> {
  return new Map(
    minerals.flatMap((m) =>
      m.products.flatMap((p) => (p.source === 'us-imports' ? [[p.hs, m.id] as const] : [])),
    ),
  );
}

/** What each dataset's rows cover and whom to cite: on every flow, in the legend, details, sources and exports. */
const PRODUCT_DATASETS: Record<ProductSource, Pick<Product, 'coverage' | 'sources' | 'reportedBy'>> = {
  baci: {
    coverage:
      "Every reporter's bilateral trade: CEPII BACI reconciles what exporters and importers report (values in USD; " +
      "tonnes where the atlas rows give them). 2022 and 2024 complete; other years each country's top partners only.",
    sources: [
      {
        publisher: 'CEPII',
        title:
          'BACI HS17 V202601, bilateral trade flows (from UN Comtrade), via the Critical Materials Atlas extract',
        year: 2026,
        url: 'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
      },
    ],
  },
  'us-imports': {
    reportedBy: US_REPORTER,
    coverage:
      'As reported by the United States, imports only: US imports by partner (the country of origin as the US ' +
      'records it, not where the ore was mined or separated), values in USD, no tonnes. Not world trade: no other ' +
      "country's imports of this product are in the data.",
    sources: [...US_IMPORT_SOURCES],
  },
};

export function writeMinerals(
  outDir: string,
  minerals: readonly CuratedMineral[],
  sites: readonly Site[],
  products: readonly ProductSpec[],
  shares: SharesFile,
): void {
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
    products: m.products.map((p): Product => ({
      hs: p.hs,
      name: p.name,
      stage: p.stage,
      ...(p.group ? { group: p.group } : {}),
      dataset: p.source,
      ...PRODUCT_DATASETS[p.source],
    })),
    commodities: m.commodities,
    coverage: coverage(m.id),
  }));
  const file = validate(mineralsFileSchema, { minerals: mineralsOut }, 'minerals.json');
  writeOutput(outDir, 'minerals.json', jsonLines('{"minerals":[', file.minerals, ']}'));
}
