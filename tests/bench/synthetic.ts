// Seeded synthetic trade flows in the published flows-<year>.json format (mulberry32), shared by the bench pages and harness.
import { encodeFlowColumns, type FlowColumns } from '../../src/data/flow-columns';
import type { FlowRow } from '../../src/data/schema';

/** A whole flows-<year>.json document: the head and the columns (src/data/flow-columns.ts). */
export interface FlowFile extends FlowColumns {
  year: number;
  complete: Record<string, boolean>;
  sources: { publisher: string; title: string; year: number }[];
}

/** A traded product: the mineral id and its 6-digit HS code (from public/data/minerals.json). */
export interface Product {
  mineral: string;
  hs: string;
}

export interface SyntheticSpec {
  /** Number of rows to generate. */
  count: number;
  /** PRNG seed (any 32-bit integer); the same spec always gives the same rows. */
  seed: number;
  year: number;
  /** ISO3 codes, in the order of public/data/countries.json. */
  countries: readonly string[];
  /** Products, in the order of public/data/minerals.json. */
  products: readonly Product[];
}

/** The scales the harness and the reference page accept for `?synthetic=`. */
export const SYNTHETIC_SCALES = [10_000, 100_000, 1_000_000] as const;
export const SYNTHETIC_SEED = 20_260_101;

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Risk bits as in src/derive/risk-codes.ts: origin 1, destination 2, transit 4, South China Sea 8, overland 16.
const ORIGIN = 1;
const DESTINATION = 2;
const TRANSIT = 4;
const SOUTH_CHINA_SEA = 8;
const OVERLAND = 16;

/**
 * Rows with a heavy-tailed value distribution (log-normal, sigma 2.5, median about 200 kUSD) like real trade data,
 * so a 95%-of-value cut keeps a minority of the rows. Exporters are skewed (a few large suppliers), importers
 * uniform; exporter != importer. Rows may repeat a (product, exporter, importer) triple at the larger scales.
 */
export function syntheticRows(spec: SyntheticSpec): FlowRow[] {
  const rnd = mulberry32(spec.seed);
  const n = spec.countries.length;
  const chn = spec.countries.indexOf('CHN');
  const rows: FlowRow[] = new Array<FlowRow>(spec.count);
  for (let i = 0; i < spec.count; i++) {
    const product = spec.products[Math.floor(rnd() * spec.products.length)] as Product;
    // Skewed exporter choice: u^2 favours the countries early in the list (a few large suppliers).
    const e = Math.floor(n * rnd() ** 2);
    let m = Math.floor(rnd() * (n - 1));
    if (m >= e) m++;
    // Box-Muller standard normal from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const valueUsd = Math.round(2e5 * Math.exp(2.5 * z));
    const tonnes = rnd() < 0.05 ? null : Math.round((valueUsd / (500 + 20_000 * rnd())) * 10) / 10;
    let risk = 0;
    if (e === chn) risk |= ORIGIN;
    if (m === chn) risk |= DESTINATION;
    if (rnd() < 0.1) risk |= OVERLAND;
    else {
      if (rnd() < 0.3) risk |= TRANSIT;
      if (rnd() < 0.25) risk |= SOUTH_CHINA_SEA;
    }
    rows[i] = [
      spec.countries[e] as string,
      spec.countries[m] as string,
      product.mineral,
      product.hs,
      valueUsd,
      tonnes,
      risk,
    ];
  }
  return rows;
}

/** A whole flows-<year>.json document (passes the app's schema: every mineral marked complete). */
export function syntheticFlowFile(spec: SyntheticSpec): FlowFile {
  const complete: Record<string, boolean> = {};
  for (const p of spec.products) complete[p.mineral] = true;
  return {
    year: spec.year,
    complete,
    sources: [
      {
        publisher: 'Critical Minerals Map bench',
        title: `Synthetic flows (${spec.count} rows, mulberry32 seed ${spec.seed})`,
        year: spec.year,
      },
    ],
    ...encodeFlowColumns(syntheticRows(spec)),
  };
}

/** Products in minerals.json order, from its parsed JSON. */
export function productsOf(minerals: { minerals: { id: string; products: { hs: string }[] }[] }): Product[] {
  return minerals.minerals.flatMap((m) => m.products.map((p) => ({ mineral: m.id, hs: p.hs })));
}
