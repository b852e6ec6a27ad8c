// Trade flows by year: BACI rows (complete where the extract has them, the atlas's trimmed rows elsewhere) plus others.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FlowRow } from '../../src/data/schema';
import type { CountryIndex } from './countries';
import { PipelineError, readCsvRows, readJsonAs } from './read';

export const FLOW_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;

export interface ProductSpec {
  mineral: string;
  hs: string;
  atlasLabel: string;
}

const baciRow = z.object({
  i: z.string().regex(/^[A-Z0-9]{3}$/),
  j: z.string().regex(/^[A-Z0-9]{3}$/),
  cmd: z.string().regex(/^\d{6}$/),
  value: z.string().regex(/^\d+(\.\d+)?$/),
});

const atlasFile = z.object({
  year: z.number(),
  source: z.string(),
  materials: z.record(
    z.string(),
    z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        value: z.number().nonnegative(),
        qty: z.number().nullable().optional(),
      }),
    ),
  ),
});

const BACI_ISO3_FIXES: Record<string, string> = { S19: 'TWN' };

export interface YearFlows {
  year: number;
  rows: FlowRow[];
  /** Per mineral: true when the year's rows for it come from the complete BACI extract. */
  complete: Record<string, boolean>;
  /** Rows dropped because a country has no ISO3 or no anchor on the map, per reason. */
  dropped: Record<string, number>;
  /** Rows from the United States' reported imports (data/pipeline/us-imports.ts) among `rows`. */
  usImports: number;
}

/**
 * Build one year's flows for every product. `hasAnchor` says whether a country can be drawn.
 * Values in USD; tonnes from the atlas rows (BACI quantity) where the pair is present there, else null.
 */
export function buildYearFlows(
  rawDir: string,
  year: number,
  products: ProductSpec[],
  countries: CountryIndex,
  hasAnchor: (iso3: string) => boolean,
): YearFlows {
  const atlasPath = join(rawDir, `critical-materials-atlas-baci/flows/flows_${year}.json`);
  const atlas = readJsonAs(atlasPath, atlasFile);
  if (atlas.year !== year)
    throw new PipelineError(atlasPath, `file says year ${atlas.year}, expected ${year}`);
  const dropped: Record<string, number> = {};
  const drop = (why: string) => (dropped[why] = (dropped[why] ?? 0) + 1);

  // Atlas rows per label: key "EXP>IMP" -> {value, qty}.
  const atlasRows = new Map<string, Map<string, { value: number; qty: number | null }>>();
  for (const p of products) {
    const list = atlas.materials[p.atlasLabel];
    if (!list)
      throw new PipelineError(
        atlasPath,
        `no material "${p.atlasLabel}" (expected for ${p.mineral} HS ${p.hs})`,
      );
    const m = new Map<string, { value: number; qty: number | null }>();
    for (const r of list) {
      const from = countries.iso3ByIso2.get(r.from);
      const to = countries.iso3ByIso2.get(r.to);
      if (!from || !to) {
        drop('country code not in the BACI table');
        continue;
      }
      m.set(`${from}>${to}`, { value: r.value, qty: r.qty ?? null });
    }
    atlasRows.set(p.atlasLabel, m);
  }

  const baciPath = join(rawDir, `critical-materials-atlas-baci/baci_full_fixtures/baci_${year}.csv`);
  const complete: Record<string, boolean> = {};
  const rows: FlowRow[] = [];
  const push = (exp: string, imp: string, p: ProductSpec, value: number, qty: number | null) => {
    if (exp === imp) return drop('exporter equals importer');
    if (!hasAnchor(exp) || !hasAnchor(imp)) return drop('country without a map anchor');
    // Risk (last column) is filled in once every year's pairs are known: see run.ts.
    rows.push([
      exp,
      imp,
      p.mineral,
      p.hs,
      Math.round(value),
      qty === null ? null : Math.round(qty * 1000) / 1000,
      0,
    ]);
  };

  if (existsSync(baciPath)) {
    const byHs = new Map<string, ProductSpec[]>();
    for (const p of products) byHs.set(p.hs, [...(byHs.get(p.hs) ?? []), p]);
    for (const r of readCsvRows(baciPath, baciRow)) {
      const specs = byHs.get(r.cmd);
      if (!specs) continue;
      const exp = BACI_ISO3_FIXES[r.i] ?? r.i;
      const imp = BACI_ISO3_FIXES[r.j] ?? r.j;
      for (const p of specs)
        push(exp, imp, p, Number(r.value), atlasRows.get(p.atlasLabel)?.get(`${exp}>${imp}`)?.qty ?? null);
    }
    for (const p of products) complete[p.mineral] = true;
  } else {
    for (const p of products) {
      for (const [pair, r] of atlasRows.get(p.atlasLabel) ?? []) {
        const [exp = '', imp = ''] = pair.split('>');
        push(exp, imp, p, r.value, r.qty);
      }
      complete[p.mineral] = false;
    }
  }
  sortFlowRows(rows);
  return { year, rows, complete, dropped, usImports: 0 };
}

/** Largest value first (the app's table order, so it need not sort), then by exporter, importer, mineral, HS code. */
export function sortFlowRows(rows: FlowRow[]): void {
  rows.sort((a, b) => {
    if (a[4] !== b[4]) return b[4] - a[4];
    for (let k = 0; k < 4; k++) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** Add another source's rows (already checked) to their years, keeping the table order. */
export function addYearRows(years: YearFlows[], sets: readonly { year: number; rows: FlowRow[] }[]): void {
  for (const set of sets) {
    const yf = years.find((y) => y.year === set.year);
    if (!yf) continue;
    yf.rows.push(...set.rows);
    yf.usImports += set.rows.length;
  }
  for (const yf of years) sortFlowRows(yf.rows);
}
