// Adapter for the USGS MCS 2026 world-production extract: country rows -> mining (gallium: refining) share tables.
import { join } from 'node:path';
import { z } from 'zod';
import type { ShareRow, ShareStage, ShareTable } from '../../../src/data/shares-schema';
import { PipelineError, parseNumber, readCsvRows } from '../read';
import { byShare, emptyStages, roundShare, sumTolerance, type StageTables } from '../shares-tables';

/** The raw input, relative to the raw data folder. */
export const USGS_PRODUCTION_CSV = 'usgs-mcs2026-extract/mcs2026_world_production.csv';

const usgsRowSchema = z.object({
  commodity: z.string().regex(/^[a-z0-9-]+$/, 'a mineral id'),
  units: z.string().min(1),
  table: z.string().min(1),
  country: z.string().min(1),
  production_2024: z.string(),
  production_2025e: z.string(),
  production_2024_raw: z.string(),
  production_2025e_raw: z.string(),
  note: z.string(),
  source_pdf: z.url({ protocol: /^https?$/ }),
});
type UsgsRow = z.infer<typeof usgsRowSchema>;

const USGS_YEARS = [
  { key: '2024', parsed: 'production_2024', raw: 'production_2024_raw', estimated: false },
  { key: '2025e', parsed: 'production_2025e', raw: 'production_2025e_raw', estimated: true },
] as const;

/** The USGS tables in the extract: which stage each one measures. Any other table stops the pipeline. */
const USGS_TABLES: Record<string, { stage: ShareStage; measure: string; notes: readonly string[] }> = {
  'World Mine Production and Reserves': { stage: 'mining', measure: 'mine production', notes: [] },
  'World Low-Purity Production and Production Capacity': {
    stage: 'refining',
    measure: 'primary low-purity gallium production (recovered as a by-product, mainly of alumina refining)',
    notes: [
      'Gallium is not mined for itself, so USGS primary production is listed under refining.',
      "The same USGS table's 2025 production capacity is capacity, not production, and is left out.",
    ],
  },
};

const DASHES = new Set(['—', '–', '-']);
const WITHHELD: Record<string, string> = {
  W: 'W: withheld by USGS to avoid disclosing company proprietary data',
  NA: 'NA: not available from USGS',
};

interface Cell {
  value: number | null;
  note?: string;
}

/** Read a raw USGS cell ("—" = 0, "W"/"NA" = unknown) and check it against the parsed numeric column. */
function readCell(row: UsgsRow, year: (typeof USGS_YEARS)[number], file: string, rowNumber: number): Cell {
  const raw = row[year.raw].trim();
  const withheld = WITHHELD[raw];
  let cell: Cell;
  if (DASHES.has(raw)) cell = { value: 0 };
  else if (withheld !== undefined) cell = { value: null, note: withheld };
  else {
    const value = parseNumber(raw);
    if (value === null || value < 0)
      throw new PipelineError(
        file,
        `${year.raw}: cannot read "${row[year.raw]}" (expected a number, "—", "W" or "NA")`,
        rowNumber,
      );
    cell = { value };
  }
  if (parseNumber(row[year.parsed]) !== cell.value)
    throw new PipelineError(
      file,
      `${year.parsed} "${row[year.parsed]}" disagrees with ${year.raw} "${row[year.raw]}"`,
      rowNumber,
    );
  return cell;
}

/** "footnote 8: excludes US production." -> "excludes US production."; a bare footnote number -> null. */
function footnoteText(note: string): string | null {
  const match = /^footnotes?\s*[\d,\s]*:\s*(.+)$/i.exec(note.trim());
  return match?.[1] ?? null;
}

const titleCase = (id: string): string => (id.charAt(0).toUpperCase() + id.slice(1)).replace(/-/g, ' ');

interface UsgsGroup {
  commodity: string;
  table: string;
  units: string;
  url: string;
  rows: { row: UsgsRow; rowNumber: number }[];
}

/** Mine production (and gallium primary production) tables per mineral and year, into `out`. */
export function readUsgs(
  rawDir: string,
  resolveCountry: (name: string) => string | null,
  mineralIds: ReadonlySet<string>,
  out: Map<string, StageTables>,
): void {
  const file = join(rawDir, USGS_PRODUCTION_CSV);
  const groups = new Map<string, UsgsGroup>();
  readCsvRows(file, usgsRowSchema).forEach((row, i) => {
    const rowNumber = i + 1;
    if (!mineralIds.has(row.commodity))
      throw new PipelineError(file, `commodity "${row.commodity}" is not a known mineral id`, rowNumber);
    if (USGS_TABLES[row.table] === undefined)
      throw new PipelineError(file, `table "${row.table}" is not a known USGS table`, rowNumber);
    const key = `${row.commodity}\u0000${row.table}`;
    const group = groups.get(key) ?? {
      commodity: row.commodity,
      table: row.table,
      units: row.units,
      url: row.source_pdf,
      rows: [],
    };
    if (group.units !== row.units)
      throw new PipelineError(
        file,
        `units "${row.units}" differ from "${group.units}" in the same table`,
        rowNumber,
      );
    group.rows.push({ row, rowNumber });
    groups.set(key, group);
  });

  for (const group of groups.values()) {
    const spec = USGS_TABLES[group.table];
    if (spec === undefined) continue; // checked above
    for (const year of USGS_YEARS) {
      let total: { value: number; note: string | null } | null = null;
      const rows: ShareRow[] = [];
      const seen = new Set<string>();
      for (const { row, rowNumber } of group.rows) {
        const cell = readCell(row, year, file, rowNumber);
        const name = row.country.trim();
        if (/^world total\b/i.test(name)) {
          if (total !== null)
            throw new PipelineError(file, `a second world total for ${group.commodity}`, rowNumber);
          if (cell.value === null || cell.value <= 0)
            throw new PipelineError(
              file,
              `${year.raw}: the world total must be a positive number`,
              rowNumber,
            );
          total = { value: cell.value, note: footnoteText(row.note) };
          continue;
        }
        const isOther = /^other( countries)?$/i.test(name);
        const country = isOther ? null : resolveCountry(name);
        if (!isOther && country === null)
          throw new PipelineError(file, `unknown country "${name}"`, rowNumber);
        const identity = country ?? 'other';
        if (seen.has(identity))
          throw new PipelineError(
            file,
            `"${name}" appears twice in ${group.commodity} / ${group.table}`,
            rowNumber,
          );
        seen.add(identity);
        const shareRow: ShareRow = {
          country,
          label: isOther ? 'Other countries' : name,
          value: cell.value,
          share: null,
        };
        if (cell.note !== undefined) shareRow.note = cell.note;
        rows.push(shareRow);
      }
      if (total === null)
        throw new PipelineError(file, `${group.commodity} / ${group.table}: no "World total" row`);
      const worldTotal = total.value;
      const values: number[] = [];
      for (const r of rows) {
        if (r.value === null) continue;
        values.push(r.value);
        if (r.value > worldTotal)
          throw new PipelineError(file, `${group.commodity} ${year.key}: ${r.label} exceeds the world total`);
        r.share = roundShare(r.value / worldTotal);
      }
      const sum = values.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - worldTotal) > sumTolerance(worldTotal, values))
        throw new PipelineError(
          file,
          `${group.commodity} ${year.key}: rows add up to ${sum}, not to the rounded world total ${worldTotal}`,
        );
      const notes = [
        'Shares are of the USGS world total, which USGS rounds; rows add up to it, and shares to 1, only within that rounding.',
      ];
      if (total.note !== null) notes.push(`USGS world total: ${total.note}`);
      notes.push(...spec.notes);
      const table: ShareTable = {
        measure: spec.measure,
        estimated: year.estimated,
        unit: group.units,
        worldTotal,
        shareBasis: 'world-total',
        approximate: false,
        source: {
          publisher: 'U.S. Geological Survey',
          title: `Mineral Commodity Summaries 2026: ${titleCase(group.commodity)}, ${group.table}`,
          year: 2026,
          url: group.url,
        },
        notes,
        rows: rows.sort(byShare),
      };
      const stages = out.get(group.commodity) ?? emptyStages();
      stages[spec.stage].set(year.key, table);
      out.set(group.commodity, stages);
    }
  }
}
