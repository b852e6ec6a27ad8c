// Stage minerals.json: the curated mineral table (read here) with each mineral's coverage across sites, flows and shares.
import { join } from 'node:path';
import { z } from 'zod';
import { mineralsFileSchema } from '../../../src/data/schema';
import type { SharesFile } from '../../../src/data/shares-schema';
import type { Mineral, Site } from '../../../src/model/types';
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

export type CuratedMineral = z.infer<typeof curatedMinerals>['minerals'][number];

/** `data/curated/minerals.json`: ids, names, colours, HS products (with the atlas label) and raw commodity names. */
export function loadCuratedMinerals(curatedDir: string): CuratedMineral[] {
  return readJsonAs(join(curatedDir, 'minerals.json'), curatedMinerals).minerals;
}

/** Every traded HS product of every mineral, in table order. */
export function productsOf(minerals: readonly CuratedMineral[]): ProductSpec[] {
  return minerals.flatMap((m) =>
    m.products.map((p) => ({ mineral: m.id, hs: p.hs, atlasLabel: p.atlasLabel })),
  );
}

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
    products: m.products.map((p) => ({ hs: p.hs, name: p.name, stage: p.stage })),
    commodities: m.commodities,
    coverage: coverage(m.id),
  }));
  const file = validate(mineralsFileSchema, { minerals: mineralsOut }, 'minerals.json');
  writeOutput(outDir, 'minerals.json', jsonLines('{"minerals":[', file.minerals, ']}'));
}
