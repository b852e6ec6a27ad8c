// Test-only reference implementation of the filters: the plain per-flow predicate and legibility cut-off that the
// fast table path (src/derive/flow-table.ts) and the simulated GPU filter are checked against.
import { readFileSync } from 'node:fs';
import { reasonsMask, riskPasses } from '../../../src/derive/filter';
import { readRisk } from '../../../src/derive/risk-codes';
import type { FilterSpec, FocusRole } from '../../../src/model/filters';
import type { Flow } from '../../../src/model/types';

/** Values are compared as float32, exactly as the GPU stores them, so the map and the counts never disagree. */
const f32 = Math.fround;

export function focusPasses(
  exporter: string,
  importer: string,
  focus: string | null,
  role: FocusRole,
): boolean {
  if (focus === null) return true;
  if (role === 'exporter') return exporter === focus;
  if (role === 'importer') return importer === focus;
  return exporter === focus || importer === focus;
}

/**
 * The product group of a flow, read straight from the published minerals file: only for minerals whose products
 * fall into more than one group (the only ones the product filter narrows).
 */
const groups = new Map<string, string>();
for (const m of (
  JSON.parse(readFileSync('public/data/minerals.json', 'utf8')) as {
    minerals: { id: string; products: { hs: string; group?: string }[] }[];
  }
).minerals) {
  if (new Set(m.products.map((p) => p.group)).size < 2) continue;
  for (const p of m.products) if (p.group) groups.set(`${m.id}|${p.hs}`, p.group);
}
export const productGroupOf = (flow: Flow): string | undefined => groups.get(`${flow.mineral}|${flow.hs}`);

/** Every filter but the legibility cut. */
export function flowPasses(flow: Flow, f: FilterSpec, mask = reasonsMask(f.reasons)): boolean {
  const group = productGroupOf(flow);
  return (
    f.minerals.includes(flow.mineral) &&
    (group === undefined || f.product === 'all' || f.product === group) &&
    f32(flow.valueUsd) >= f32(f.minValueUsd) &&
    focusPasses(flow.exporter, flow.importer, f.focus, f.role) &&
    riskPasses(readRisk(flow.risk, f.controls), f.risk, mask)
  );
}

/**
 * The smallest value (USD) a flow needs to be drawn so that the drawn flows make up at least `fraction` of the total
 * value of `flows` (largest first). Flows tied with the cut-off are all drawn. 0 when fraction >= 1 or no flows.
 */
export function legibleCutoff(flows: readonly Flow[], fraction: number): number {
  if (fraction >= 1 || flows.length === 0) return 0;
  const values = flows.map((fl) => f32(fl.valueUsd)).sort((a, b) => b - a);
  const total = values.reduce((s, v) => s + v, 0);
  let acc = 0;
  for (const v of values) {
    acc += v;
    if (acc >= total * fraction) return v;
  }
  return 0;
}
