// Per-row trade shares of a flow table: the exporter's share of world exports and the importer's dependence.

/**
 * Same figures as exporterShares and importerDependence (derive/flows.ts), per row, with numeric keys instead of
 * string keys (a year switch at 14k rows spent ~40 ms building those strings). Unknown countries share key -1.
 * `hs` is each row's HS code as an index below `hsCount`.
 */
export function shareColumns(
  usd: Float64Array,
  hs: Int32Array,
  hsCount: number,
  exporter: Int32Array,
  importer: Int32Array,
): { exporterShare: Float32Array; importerDependence: Float32Array } {
  const n = usd.length;
  // Dense sums per (HS code, country); countries shifted by one so that -1 (unknown) has a slot. Only the triple
  // (HS code, exporter, importer) needs a hash: it repeats only when one HS code is listed under several minerals.
  let maxCountry = 0;
  for (let r = 0; r < n; r++) maxCountry = Math.max(maxCountry, exporter[r] as number, importer[r] as number);
  const C = maxCountry + 2;
  const totals = new Float64Array(hsCount);
  const byExporter = new Float64Array(hsCount * C);
  const imports = new Float64Array(hsCount * C);
  const triples = new TripleSums(n);
  const slot = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const v = usd[r] as number;
    const h = hs[r] as number;
    const e = (exporter[r] as number) + 1;
    const i = (importer[r] as number) + 1;
    totals[h] = (totals[h] as number) + v;
    byExporter[h * C + e] = (byExporter[h * C + e] as number) + v;
    imports[h * C + i] = (imports[h * C + i] as number) + v;
    slot[r] = triples.add((h * C + e) * C + i, v);
  }
  const exporterShare = new Float32Array(n);
  const importerDependence = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    const h = hs[r] as number;
    const e = (exporter[r] as number) + 1;
    const i = (importer[r] as number) + 1;
    const total = totals[h] as number;
    exporterShare[r] = total > 0 ? (byExporter[h * C + e] as number) / total : 0;
    const imp = imports[h * C + i] as number;
    importerDependence[r] = imp > 0 ? triples.sum(slot[r] as number) / imp : 0;
  }
  return { exporterShare, importerDependence };
}

/**
 * Sums by non-negative integer key in typed arrays (open addressing, linear probing): per row a few array reads
 * instead of a Map entry (a year's 15k rows in ~1 ms, a million without a million Map entries).
 */
class TripleSums {
  private readonly keys: Float64Array;
  private readonly sums: Float64Array;
  private readonly mask: number;
  constructor(items: number) {
    let size = 16;
    while (size < 2 * items) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.sums = new Float64Array(size);
    this.mask = size - 1;
  }
  /** Adds `v` to the key's sum; returns the key's slot. */
  add(key: number, v: number): number {
    let s = (Math.imul(key | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & this.mask;
    for (;;) {
      const k = this.keys[s] as number;
      if (k === key) break;
      if (k === -1) {
        this.keys[s] = key;
        break;
      }
      s = (s + 1) & this.mask;
    }
    this.sums[s] = (this.sums[s] as number) + v;
    return s;
  }
  sum(slot: number): number {
    return this.sums[slot] as number;
  }
}
