// Country shares of world mining and refining per mineral: USGS MCS 2026 tonnages plus the atlas's refining shares.
import { join } from 'node:path';
import { z } from 'zod';
import {
  sharesFileSchema,
  type MineralShares,
  type ShareRow,
  type ShareStage,
  type ShareTable,
  type SharesFile,
} from '../../src/data/shares-schema';
import { PipelineError, parseNumber, readCsvRows, readJsonAs } from './read';

export type { SharesFile } from '../../src/data/shares-schema';

/** Raw inputs, relative to the raw data folder. */
export const USGS_PRODUCTION_CSV = 'usgs-mcs2026-extract/mcs2026_world_production.csv';
export const ATLAS_DATA_JSON = 'critical-materials-atlas-baci/reference_shares/data.json';
export const ATLAS_REFINING_JSON = 'critical-materials-atlas-baci/reference_shares/refining.json';

const ATLAS_URL = 'https://criticalmaterialsatlas.org/';

/** Half a unit in the second significant figure of x (380,000 -> 5,000; 1,800,000 -> 50,000; 0 -> 0). */
export function halfUnitOfSecondFigure(x: number): number {
  return x > 0 ? 0.5 * 10 ** (Math.floor(Math.log10(x)) - 1) : 0;
}

/**
 * How far the sum of a USGS table's rows may be from its "World total (rounded)", in the table's unit. USGS
 * rounds the world total and the estimated country figures (e.g. gallium 2025e: China 900,000 kg, rows
 * 909,000, world total 900,000), keeping at least two significant figures. If every figure is within half a
 * unit of its second significant figure, the rows' sum is within the sum of those half-units of the total.
 */
export function sumTolerance(worldTotal: number, values: readonly number[]): number {
  return values.reduce((t, v) => t + halfUnitOfSecondFigure(v), halfUnitOfSecondFigure(worldTotal));
}

/** A share (fraction of the world, 0..1) rounded to 4 decimals, i.e. to 0.01 percentage point. */
const roundShare = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Largest share first, rows without a share last, then by label: a stable, input-independent order. */
function byShare(a: ShareRow, b: ShareRow): number {
  if (a.share === null || b.share === null) {
    if (a.share !== b.share) return a.share === null ? 1 : -1;
  } else if (a.share !== b.share) return b.share - a.share;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

// ---------------------------------------------------------------- USGS Mineral Commodity Summaries 2026

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

interface StageTables {
  mining: Map<string, ShareTable>;
  refining: Map<string, ShareTable>;
}

function emptyStages(): StageTables {
  return { mining: new Map(), refining: new Map() };
}

function readUsgs(
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

// ---------------------------------------------------------------- Critical Materials Atlas reference shares

const atlasDataSchema = z.object({
  dataUpdated: z.string().regex(/\b(19|20)\d{2}$/, 'a date ending in a year'),
  materials: z.array(
    z.object({
      label: z.string().min(1),
      year: z.number().int().min(1900).max(2100),
      refined: z
        .array(z.object({ c: z.string().regex(/^[A-Z]{2}$/, 'ISO2 code'), v: z.number().min(0).max(100) }))
        .nullable(),
      refined_source: z.string().min(1).nullable().exactOptional(),
    }),
  ),
});

const atlasRefiningSchema = z.object({
  capacity_source: z.string().min(1),
  capacity_wedge: z.array(
    z.object({ material: z.string(), refining: z.object({ iso3: z.string(), top1: z.number() }) }),
  ),
  rows: z.array(
    z.object({
      material: z.string(),
      reported: z
        .object({ iso3: z.string(), pct: z.number(), form: z.string(), computed: z.boolean() })
        .nullable(),
    }),
  ),
});

/** Atlas material labels that differ from the canonical mineral id. */
const ATLAS_LABEL_TO_MINERAL: Record<string, string> = { magnets: 'rare-earths' };

/** Atlas labels deliberately not used, with the reason, shown as a gap on the mineral. */
const ATLAS_LEFT_OUT: Record<string, { mineral: string; reason: string }> = {
  platinum: {
    mineral: 'platinum-group',
    reason:
      'The atlas gives leading-refiner figures for platinum and for palladium separately; two metals cannot be ' +
      'combined into one platinum-group share without tonnages, so no refining share is given.',
  },
  palladium: {
    mineral: 'platinum-group',
    reason:
      'The atlas gives leading-refiner figures for platinum and for palladium separately; two metals cannot be ' +
      'combined into one platinum-group share without tonnages, so no refining share is given.',
  },
};

/** What the atlas's "refined" layer counts, where it is narrower than generic refining. */
const ATLAS_MEASURE: Record<string, string> = {
  magnets: 'rare-earth refining',
  titanium: 'titanium sponge (metal) production',
};

const ATLAS_NOTES: Record<string, readonly string[]> = {
  magnets: [
    'The atlas files these under "magnets" (its trade layer is HS 850511, permanent magnets), but they are ' +
      'IEA rare-earth refining shares, not magnet manufacture (Japan, a large magnet maker, is absent).',
    'The atlas\'s "magnets" mine shares are USGS rare-earth mine production (the atlas labels them "USGS 2024, ' +
      '2023 production") and are not used: mining comes from MCS 2026.',
  ],
  titanium: ['Titanium sponge (metal), not titanium mineral concentrates.'],
};

/** The atlas's per-material `refined_source` strings, resolved to a citation. An unknown string stops the run. */
const ATLAS_SOURCES: Record<
  string,
  { publisher: string; title: string; year: number; notes: readonly string[] }
> = {
  'IEA 2026': {
    publisher: 'International Energy Agency (IEA)',
    title: 'Refining shares cited as "IEA 2026" by the Critical Materials Atlas (reference_shares/data.json)',
    year: 2026,
    notes: [],
  },
  'BGS World Mineral Statistics 2024': {
    publisher: 'British Geological Survey (BGS)',
    title:
      'World Mineral Statistics, 2024 figures, via the Critical Materials Atlas (reference_shares/data.json)',
    year: 2024,
    notes: [],
  },
  'EU CRM 2023': {
    publisher: 'European Commission',
    title:
      'Study on the Critical Raw Materials for the EU 2023, via the Critical Materials Atlas (reference_shares/data.json)',
    year: 2023,
    notes: ['The EU CRM 2023 study reports figures for years before 2023, not for 2024.'],
  },
  'USGS MCS 2024': {
    publisher: 'U.S. Geological Survey',
    title: 'Mineral Commodity Summaries 2024, via the Critical Materials Atlas (reference_shares/data.json)',
    year: 2024,
    notes: ['USGS MCS 2024 reports 2023 production.'],
  },
};

function readAtlas(
  rawDir: string,
  mineralIds: ReadonlySet<string>,
  iso3ByIso2: ReadonlyMap<string, string>,
  out: Map<string, StageTables>,
  gaps: Map<string, string[]>,
): void {
  const dataFile = join(rawDir, ATLAS_DATA_JSON);
  const refiningFile = join(rawDir, ATLAS_REFINING_JSON);
  const data = readJsonAs(dataFile, atlasDataSchema);
  const refining = readJsonAs(refiningFile, atlasRefiningSchema);
  const atlasYear = Number(/(\d{4})$/.exec(data.dataUpdated)?.[1]);

  for (const material of data.materials) {
    const leftOut = ATLAS_LEFT_OUT[material.label];
    if (leftOut !== undefined) {
      if (mineralIds.has(leftOut.mineral)) {
        const list = gaps.get(leftOut.mineral) ?? [];
        if (!list.includes(leftOut.reason)) list.push(leftOut.reason);
        gaps.set(leftOut.mineral, list);
      }
      continue;
    }
    const mineral = ATLAS_LABEL_TO_MINERAL[material.label] ?? material.label;
    if (!mineralIds.has(mineral) || material.refined === null || material.refined.length === 0) continue;
    const key = String(material.year);
    const stages = out.get(mineral) ?? emptyStages();
    const existing = stages.refining.get(key);
    if (existing !== undefined) {
      // A reported tonnage (USGS) beats a rounded percentage: keep it and say what was set aside.
      const shown = material.refined.map((r) => `${r.c} ${r.v}%`).join(', ');
      existing.notes.push(
        `The Critical Materials Atlas's rounded figure (${shown}) is not used: USGS has tonnages.`,
      );
      continue;
    }

    const where = `${material.label} refined`;
    const rows: ShareRow[] = material.refined.map((r) => {
      const country = iso3ByIso2.get(r.c);
      if (country === undefined) throw new PipelineError(dataFile, `${where}: unknown ISO2 code "${r.c}"`);
      return { country, label: r.c, value: r.v, share: roundShare(r.v / 100) };
    });
    if (new Set(rows.map((r) => r.country)).size !== rows.length)
      throw new PipelineError(dataFile, `${where}: a country appears twice`);
    const sum = material.refined.reduce((s, r) => s + r.v, 0);
    // Each percentage is rounded to a whole number: the sum may exceed 100 by at most 0.5 per row.
    if (sum > 100 + 0.5 * rows.length)
      throw new PipelineError(dataFile, `${where}: percentages add up to ${sum}, more than 100`);
    const rest = Math.round((100 - sum) * 100) / 100;
    if (rest > 0)
      rows.push({
        country: null,
        label: 'Rest of world (remainder)',
        value: rest,
        share: roundShare(rest / 100),
      });

    const citation =
      material.refined_source === undefined || material.refined_source === null
        ? null
        : ATLAS_SOURCES[material.refined_source];
    if (citation === undefined)
      throw new PipelineError(
        dataFile,
        `${where}: unknown refined_source "${material.refined_source ?? ''}"`,
      );
    const notes = [
      'Rounded percentages from the Critical Materials Atlas (GitHub Varcolacus/critical-materials-atlas, no ' +
        'licence file); the year is the one the atlas gives, the cited source may refer to another period.',
    ];
    if (citation === null)
      notes.push('The atlas does not name the source of this figure, nor the processed form it counts.');
    if (material.refined.length === 1)
      notes.push('Only the leading refiner is given; the rest of the world is not broken down by country.');
    notes.push(...(citation?.notes ?? []), ...(ATLAS_NOTES[material.label] ?? []));

    // Cross-references from the same atlas's refining.json, so that disagreements are visible, not hidden.
    const capacity = refining.capacity_wedge.find((w) => w.material === material.label);
    const reported = refining.rows.find((r) => r.material === material.label)?.reported ?? null;
    const leader = rows[0];
    if (capacity !== undefined) {
      notes.push(
        `For comparison, the atlas's refining.json puts the leading refiner at ${capacity.refining.iso3} ` +
          `${capacity.refining.top1}% (${refining.capacity_source}).`,
      );
    } else if (
      reported !== null &&
      !reported.computed &&
      (reported.iso3 !== leader?.country || reported.pct !== leader?.value)
    ) {
      notes.push(
        `The atlas's refining.json gives a different leading-refiner figure: ${reported.iso3} ${reported.pct}% ` +
          `(${reported.form}; curated from IEA GCMO 2025 and USGS MCS 2024/25).`,
      );
    }

    stages.refining.set(key, {
      measure: ATLAS_MEASURE[material.label] ?? 'refining / processing',
      estimated: false,
      unit: 'percent of world total (rounded)',
      worldTotal: null,
      shareBasis: 'source-percent',
      approximate: true,
      source:
        citation === null
          ? {
              publisher: 'Critical Materials Atlas',
              title: 'Leading-refiner share, reference_shares/data.json (underlying source not stated)',
              year: atlasYear,
              url: ATLAS_URL,
            }
          : { publisher: citation.publisher, title: citation.title, year: citation.year },
      notes,
      rows: rows.sort(byShare),
    });
    out.set(mineral, stages);
  }
}

// ---------------------------------------------------------------- the whole file

/** Plain-language gaps for minerals a source does not cover. */
const EXTRA_GAPS: Record<string, readonly string[]> = {
  gallium: ['Gallium is not mined for itself: its USGS primary production is given under refining.'],
  germanium: ['USGS MCS 2026 has no world germanium production table.'],
};

/**
 * Build shares.json: for every mineral id, country shares (fractions 0..1) of world mine production (USGS MCS 2026,
 * 2024 and 2025e, in the USGS unit: tonnes, or kilograms for gallium) and of refining (USGS gallium primary
 * production; otherwise the Critical Materials Atlas's rounded percentages, approximate).
 *
 * @param rawDir the raw data folder (see raw-dir.ts).
 * @param resolveCountry USGS country name -> ISO3, or null when unknown (an unknown country stops the run).
 * @param mineralIds the canonical mineral ids; every one gets an entry, USGS commodities must be among them.
 * @param iso3ByIso2 ISO2 -> ISO3 (the atlas writes ISO2 codes), e.g. CountryIndex.iso3ByIso2.
 * @throws PipelineError naming the file (and the 1-based data row for the CSV) on any bad input.
 */
export function buildShares(
  rawDir: string,
  resolveCountry: (name: string) => string | null,
  mineralIds: ReadonlySet<string>,
  iso3ByIso2: ReadonlyMap<string, string>,
): SharesFile {
  const tables = new Map<string, StageTables>();
  const gaps = new Map<string, string[]>();
  readUsgs(rawDir, resolveCountry, mineralIds, tables);
  readAtlas(rawDir, mineralIds, iso3ByIso2, tables, gaps);

  const withMining = [...tables].filter(([, s]) => s.mining.size > 0).map(([id]) => id);
  const minerals: Record<string, MineralShares> = {};
  for (const id of [...mineralIds].sort()) {
    const stages = tables.get(id) ?? emptyStages();
    const list: string[] = [];
    if (stages.mining.size === 0)
      list.push(
        `No mine-production shares: the USGS MCS 2026 extract has world mine-production tables only for ` +
          `${withMining.sort().join(', ')}.`,
      );
    if (stages.refining.size === 0) list.push('No refining / processing shares in the sources used.');
    list.push(...(EXTRA_GAPS[id] ?? []), ...(gaps.get(id) ?? []));
    const sortedRecord = (m: Map<string, ShareTable>): Record<string, ShareTable> =>
      Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    minerals[id] = {
      mining: sortedRecord(stages.mining),
      refining: sortedRecord(stages.refining),
      gaps: list,
    };
  }

  const file: SharesFile = {
    about: [
      'Country shares of world mine production and of refining, per mineral, stage and data year. share is a ' +
        'fraction of the world (0.71 = 71%); value is in the table unit; "e" years are estimates.',
      'Mining, and gallium primary production: USGS Mineral Commodity Summaries 2026 world production tables, ' +
        'transcribed by hand from a third-party extraction of the USGS PDFs (GitHub ' +
        'pranava0x0/usgs-mineral-commodity-summaries). Shares are of the rounded USGS world total. Withheld ("W") ' +
        'and unavailable ("NA") figures stay null.',
      'Refining: the Critical Materials Atlas reference shares (reference_shares/data.json, "refined" layer, with ' +
        'the source it names per material); rounded percentages, approximate. The per-country rows of its ' +
        'refining.json are trade (BACI export value) shares, not refining, and are only cited in notes.',
    ],
    minerals,
  };
  const result = sharesFileSchema.safeParse(file);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PipelineError('shares.json', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
