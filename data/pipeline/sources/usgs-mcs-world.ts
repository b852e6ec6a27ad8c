// Adapter for the USGS MCS 2022-2024 world-production CSVs: per edition, two years of country rows -> share tables.
import { join } from 'node:path';
import type { ShareRow, ShareStage, ShareTable } from '../../../src/data/shares-schema';
import { PipelineError, parseCsvText, parseNumber, readText } from '../read';
import { byShare, emptyStages, roundShare, sumTolerance, type StageTables } from '../shares-tables';

/** The raw folder, relative to the raw data folder. */
export const MCS_WORLD_DIR = 'usgs-mcs-world-production-2022-2024';

/** One MCS edition's data release (SOURCE.md): the DOI of its ScienceBase release. */
const EDITIONS = {
  2022: 'https://doi.org/10.5066/P9KKMCP4',
  2023: 'https://doi.org/10.5066/P9WCYUI6',
  2024: 'https://doi.org/10.5066/P144BA54',
} as const;
export type McsEdition = keyof typeof EDITIONS;

/** What one USGS world table measures, per mineral; `type` must match every row's Type column. */
interface McsSpec {
  stage: ShareStage;
  measure: string;
  /** Appended to the column's unit ("metric tons, lithium content"); null when the table counts gross weight. */
  content: string | null;
  type: RegExp;
  /** USGS commodity code in the file names, and the MCS 2022 file-name prefix the copier added. */
  code: string;
  name2022?: string;
  notes?: readonly string[];
}

const MINE = /mine production/i;
export const MCS_SPECS: Readonly<Record<string, McsSpec>> = {
  'rare-earths': {
    stage: 'mining',
    measure: 'mine production',
    content: 'rare-earth-oxide (REO) equivalent',
    type: MINE,
    code: 'raree',
    name2022: 'rare_earths',
  },
  lithium: {
    stage: 'mining',
    measure: 'mine production',
    content: 'lithium content',
    type: MINE,
    code: 'lithi',
    name2022: 'lithium',
  },
  cobalt: {
    stage: 'mining',
    measure: 'mine production',
    content: 'cobalt content',
    type: MINE,
    code: 'cobal',
    name2022: 'cobalt',
  },
  nickel: {
    stage: 'mining',
    measure: 'mine production',
    content: 'nickel content',
    type: MINE,
    code: 'nicke',
    name2022: 'nickel',
  },
  graphite: {
    stage: 'mining',
    measure: 'mine production',
    content: null,
    type: MINE,
    code: 'graph',
    name2022: 'graphite',
  },
  tungsten: {
    stage: 'mining',
    measure: 'mine production',
    content: 'tungsten content',
    type: MINE,
    code: 'tungs',
    name2022: 'tungsten',
  },
  manganese: {
    stage: 'mining',
    measure: 'mine production',
    content: 'manganese content',
    type: MINE,
    code: 'manga',
    name2022: 'manganese',
  },
  antimony: {
    stage: 'mining',
    measure: 'mine production',
    content: 'antimony content',
    type: MINE,
    code: 'antim',
  },
  niobium: {
    stage: 'mining',
    measure: 'mine production',
    content: 'niobium content',
    type: MINE,
    code: 'niobi',
  },
  tantalum: {
    stage: 'mining',
    measure: 'mine production',
    content: 'tantalum content',
    type: MINE,
    code: 'tanta',
  },
  vanadium: {
    stage: 'mining',
    measure: 'mine production',
    content: 'vanadium content',
    type: MINE,
    code: 'vanad',
  },
  fluorspar: { stage: 'mining', measure: 'mine production', content: null, type: MINE, code: 'fluor' },
  gallium: {
    stage: 'refining',
    measure: 'primary low-purity gallium production (recovered as a by-product, mainly of alumina refining)',
    content: 'gallium content',
    type: /^primary production$/i,
    code: 'galli',
    name2022: 'gallium',
    notes: ['Gallium is not mined for itself, so USGS primary production is listed under refining.'],
  },
  germanium: {
    stage: 'refining',
    measure: 'primary and secondary refinery production',
    content: 'germanium content',
    type: /^primary and secondary refinery production$/i,
    code: 'germa',
    name2022: 'germanium',
    notes: [
      'Germanium is recovered as a by-product (mainly of zinc refining) and from scrap: USGS counts refinery output.',
    ],
  },
};

/** Covered minerals whose MCS world files are not used, with the reason (shown as a gap). */
export const MCS_LEFT_OUT: Readonly<Record<string, string>> = {
  'platinum-group':
    'The USGS MCS 2022-2024 world tables give platinum and palladium mine production as separate tables; they are ' +
    'not combined into one platinum-group share.',
  titanium:
    'The USGS MCS 2022-2024 world tables give ilmenite and rutile concentrates (and titanium sponge) as separate ' +
    'tables with different units; they are not used for a single titanium share.',
};

/** The raw file of one edition and mineral, relative to the raw data folder. */
export function mcsWorldCsv(edition: McsEdition, mineral: string): string | null {
  const spec = MCS_SPECS[mineral];
  if (spec === undefined) return null;
  if (edition === 2022)
    return spec.name2022 === undefined
      ? null
      : `${MCS_WORLD_DIR}/mcs2022/${spec.name2022}_mcs2022-${spec.code}_world.csv`;
  return `${MCS_WORLD_DIR}/mcs${edition}/mcs${edition}-${spec.code}_world.csv`;
}

/** Every raw file this adapter reads, in a fixed order (edition, then mineral id). */
export const MCS_WORLD_CSVS: readonly string[] = ([2022, 2023, 2024] as const).flatMap((e) =>
  Object.keys(MCS_SPECS)
    .sort()
    .map((m) => mcsWorldCsv(e, m))
    .filter((p): p is string => p !== null),
);

const UNITS: Record<string, string> = { t: 'metric tons', kt: 'thousand metric tons', kg: 'kilograms' };
const WITHHELD: Record<string, string> = {
  W: 'W: withheld by USGS to avoid disclosing company proprietary data',
  NA: 'NA: not available from USGS',
};
const DASHES = new Set(['—', '–', '-']);

/** A production column: "Prod_t_2021", "Prod_kg_est_2022", "Prod_t_Est_2021". */
const PROD_COLUMN = /^Prod_([a-z]+)_(est_)?(\d{4})$/i;

/** A cleaned USGS country cell: footnote digits and the "e" estimate flag removed, qualifiers kept as a note. */
export interface McsCountry {
  kind: 'country' | 'other' | 'world';
  iso3: string | null;
  label: string;
  note?: string;
}

/**
 * Read a USGS country cell: "Other countries6" (footnote 6), "Russiae" (estimate flag), "Kazakhstan, concentrate",
 * "New Caledonia (overseas territory of France)", "United\u00a0States". Returns null for an unknown country.
 */
export function cleanMcsCountry(raw: string, resolve: (name: string) => string | null): McsCountry | null {
  const name = raw
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\d+$/, '')
    .trim();
  if (/^world total\b/i.test(name)) {
    const qualifier = /^world total \(rounded\),?\s*(.+)$/i.exec(name)?.[1];
    return { kind: 'world', iso3: null, label: name, ...(qualifier ? { note: qualifier } : {}) };
  }
  if (/^other( countries)?$/i.test(name)) return { kind: 'other', iso3: null, label: 'Other countries' };
  const direct = resolve(name);
  if (direct !== null) return { kind: 'country', iso3: direct, label: name };
  if (name.endsWith('e')) {
    const iso3 = resolve(name.slice(0, -1));
    if (iso3 !== null)
      return { kind: 'country', iso3, label: name.slice(0, -1), note: 'USGS marks the figure as estimated' };
  }
  const qualified = /^(.+?)(?:,\s*|\s*\()([^()]+)\)?$/.exec(name);
  if (qualified?.[1] !== undefined && qualified[2] !== undefined) {
    const iso3 = resolve(qualified[1]);
    if (iso3 !== null) return { kind: 'country', iso3, label: qualified[1], note: qualified[2] };
  }
  return null;
}

/** USGS's trailing empty header cells get names (blank1, ...), so the CSV reader has no duplicate headers. */
function nameBlankHeaders(text: string): string {
  const eol = text.indexOf('\n');
  const header = (eol < 0 ? text : text.slice(0, eol)).replace(/\r$/, '');
  const named = header.replace(/,+$/, (run) => [...run].map((_, i) => `,blank${i + 1}`).join(''));
  return named + (eol < 0 ? '' : text.slice(header.length));
}

/** One year's table from one edition, before the edition rule picks among them. */
export interface McsYearTable {
  mineral: string;
  stage: ShareStage;
  edition: McsEdition;
  year: number;
  /** null when USGS gives no world total for the year ("NA"): the edition has no figure for it. */
  table: ShareTable | null;
}

/** Parse one edition's world CSV (text) into its two year tables. `file` names the source in errors. */
export function parseMcsWorld(
  text: string,
  file: string,
  edition: McsEdition,
  mineral: string,
  resolve: (name: string) => string | null,
): McsYearTable[] {
  const spec = MCS_SPECS[mineral];
  if (spec === undefined) throw new PipelineError(file, `no USGS world-table spec for "${mineral}"`);
  const { fields, rows } = parseCsvText(nameBlankHeaders(text), file);
  const [, country, type] = fields;
  if (fields[0] !== 'Source' || country !== 'Country' || type === undefined)
    throw new PipelineError(
      file,
      `header must start Source,Country,<type>; got ${fields.slice(0, 3).join(',')}`,
    );
  const columns = fields.flatMap((f) => {
    const m = PROD_COLUMN.exec(f);
    return m?.[1] !== undefined && m[3] !== undefined
      ? [{ field: f, unit: m[1].toLowerCase(), estimated: m[2] !== undefined, year: Number(m[3]) }]
      : [];
  });
  const years = columns.map((c) => c.year);
  if (columns.length !== 2 || years[0] !== edition - 2 || years[1] !== edition - 1)
    throw new PipelineError(
      file,
      `expected production columns for ${edition - 2} and ${edition - 1}, got ${years.join(', ')}`,
    );

  const notesField = fields.find((f) => /^Prod_notes?$/i.test(f));
  const out: McsYearTable[] = [];
  for (const col of columns) {
    const unitName = UNITS[col.unit];
    if (unitName === undefined) throw new PipelineError(file, `unknown unit "${col.unit}" in ${col.field}`);
    let total: { value: number; notes: string[] } | 'NA' | null = null;
    const shareRows: ShareRow[] = [];
    const seen = new Set<string>();
    for (const [i, record] of rows.entries()) {
      const rowNumber = i + 1;
      if (Object.values(record).every((v) => (v ?? '').trim() === '')) continue; // USGS's trailing empty rows
      if (record['Source'] !== `MCS${edition}`)
        throw new PipelineError(file, `Source "${record['Source'] ?? ''}" is not MCS${edition}`, rowNumber);
      const rowType = (record[type] ?? '').trim();
      if (!spec.type.test(rowType))
        throw new PipelineError(
          file,
          `Type "${rowType}" is not the expected ${String(spec.type)}`,
          rowNumber,
        );
      const who = cleanMcsCountry(record['Country'] ?? '', resolve);
      if (who === null)
        throw new PipelineError(file, `unknown country "${record['Country'] ?? ''}"`, rowNumber);
      const cell = (record[col.field] ?? '').trim();
      // "e20,000": USGS's estimate flag glued to the figure.
      const flagged = /^e\d/.test(cell);
      const raw = flagged ? cell.slice(1) : cell;
      const withheld = WITHHELD[raw];
      const value = DASHES.has(raw) ? 0 : withheld !== undefined ? null : parseNumber(raw);
      if (value === null && withheld === undefined)
        throw new PipelineError(
          file,
          `${col.field}: cannot read "${raw}" (expected a number, "—", "W" or "NA")`,
          rowNumber,
        );
      if (value !== null && value < 0)
        throw new PipelineError(file, `${col.field}: negative value`, rowNumber);
      const usgsNote = notesField === undefined ? '' : (record[notesField] ?? '').trim();
      if (who.kind === 'world') {
        if (total !== null) throw new PipelineError(file, `a second world total`, rowNumber);
        if (raw === 'NA') {
          total = 'NA';
          continue;
        }
        if (value === null || value <= 0)
          throw new PipelineError(file, `${col.field}: the world total must be a positive number`, rowNumber);
        total = { value, notes: [who.note, usgsNote].filter((n): n is string => !!n) };
        continue;
      }
      const identity = who.iso3 ?? 'other';
      if (seen.has(identity)) throw new PipelineError(file, `"${who.label}" appears twice`, rowNumber);
      seen.add(identity);
      const notes = [
        withheld,
        flagged ? 'USGS marks the figure as estimated' : '',
        who.note,
        usgsNote,
      ].filter((n): n is string => !!n);
      const row: ShareRow = { country: who.iso3, label: who.label, value, share: null };
      if (notes.length > 0) row.note = notes.join('; ');
      shareRows.push(row);
    }
    if (total === null) throw new PipelineError(file, `no "World total" row`);
    if (total === 'NA') {
      if (shareRows.some((r) => r.value !== null && r.value > 0))
        throw new PipelineError(file, `${col.year}: country figures without a world total`);
      out.push({ mineral, stage: spec.stage, edition, year: col.year, table: null });
      continue;
    }
    const worldTotal = total.value;
    const values: number[] = [];
    for (const r of shareRows) {
      if (r.value === null) continue;
      values.push(r.value);
      if (r.value > worldTotal)
        throw new PipelineError(file, `${col.year}: ${r.label} exceeds the world total`);
      r.share = roundShare(r.value / worldTotal);
    }
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - worldTotal) > sumTolerance(worldTotal, values))
      throw new PipelineError(
        file,
        `${col.year}: rows add up to ${sum}, not to the rounded world total ${worldTotal}`,
      );
    const notes = [
      'Shares are of the USGS world total, which USGS rounds; rows add up to it, and shares to 1, only within that rounding.',
      ...total.notes.map((n) => `USGS world total: ${n}`),
      ...(spec.notes ?? []),
    ];
    const title = mineral.charAt(0).toUpperCase() + mineral.slice(1).replace(/-/g, ' ');
    out.push({
      mineral,
      stage: spec.stage,
      edition,
      year: col.year,
      table: {
        measure: spec.measure,
        estimated: col.estimated,
        unit: spec.content === null ? unitName : `${unitName}, ${spec.content}`,
        worldTotal,
        shareBasis: 'world-total',
        approximate: false,
        source: {
          publisher: 'U.S. Geological Survey',
          title: `Mineral Commodity Summaries ${edition} data release: ${title}, world production (${col.field})`,
          year: edition,
          url: EDITIONS[edition],
        },
        notes,
        rows: shareRows.sort(byShare),
      },
    });
  }
  return out;
}

/** The year key a table is stored under: "2021", or "2022e" for an estimate. */
export const yearKey = (year: number, estimated: boolean): string => `${year}${estimated ? 'e' : ''}`;

/**
 * The edition rule: where two editions give the same mineral, stage and year, the later edition's figure is kept
 * (it revises the earlier estimate) and its notes say which edition was set aside.
 */
export function latestEdition(tables: readonly McsYearTable[]): McsYearTable[] {
  // The latest edition decides, even when it has no figure (it withdrew the earlier estimate).
  const best = new Map<string, McsYearTable>();
  const setAside = new Map<string, McsYearTable[]>();
  for (const t of tables) {
    const key = `${t.mineral}\u0000${t.stage}\u0000${t.year}`;
    const current = best.get(key);
    if (current === undefined) best.set(key, t);
    else {
      const [keep, drop] = t.edition > current.edition ? [t, current] : [current, t];
      best.set(key, keep);
      setAside.set(key, [...(setAside.get(key) ?? []), drop]);
    }
  }
  return [...best].map(([key, t]) => {
    const dropped = (setAside.get(key) ?? []).sort((a, b) => a.edition - b.edition);
    if (dropped.length === 0 || t.table === null) return t;
    const earlier = dropped
      .map((d) =>
        d.table === null
          ? `MCS ${d.edition} (no world total)`
          : `MCS ${d.edition} (${yearKey(d.year, d.table.estimated)}, world total ${d.table.worldTotal ?? 'none'})`,
      )
      .join(', ');
    return {
      ...t,
      table: {
        ...t.table,
        notes: [
          ...t.table.notes,
          `Also in ${earlier}; the later edition, MCS ${t.edition}, revises it and is the figure used.`,
        ],
      },
    };
  });
}

/** Tables of every MCS 2022-2024 edition and year, into `out`; a year `out` already has (MCS 2026) is kept. */
export function readMcsWorld(
  rawDir: string,
  resolve: (name: string) => string | null,
  mineralIds: ReadonlySet<string>,
  out: Map<string, StageTables>,
  gaps: Map<string, string[]>,
): void {
  const all: McsYearTable[] = [];
  for (const edition of [2022, 2023, 2024] as const)
    for (const mineral of Object.keys(MCS_SPECS).sort()) {
      if (!mineralIds.has(mineral))
        throw new PipelineError(MCS_WORLD_DIR, `"${mineral}" is not a known mineral id`);
      const path = mcsWorldCsv(edition, mineral);
      if (path === null) continue;
      const file = join(rawDir, path);
      all.push(...parseMcsWorld(readText(file), file, edition, mineral, resolve));
    }
  for (const t of latestEdition(all)) {
    const stages = out.get(t.mineral) ?? emptyStages();
    const byYear = stages[t.stage];
    if (byYear.has(String(t.year)) || byYear.has(`${t.year}e`)) continue; // a later edition (MCS 2026) has it
    if (t.table === null) {
      const earlier = all.filter(
        (o) => o.mineral === t.mineral && o.year === t.year && o.edition < t.edition,
      );
      gaps.set(t.mineral, [
        ...(gaps.get(t.mineral) ?? []),
        `No ${t.stage} figure for ${t.year}: USGS MCS ${t.edition} gives no world total ("NA")` +
          (earlier.length > 0
            ? `, withdrawing the estimate of MCS ${earlier.map((e) => e.edition).join(', ')}.`
            : '.'),
      ]);
      continue;
    }
    byYear.set(yearKey(t.year, t.table.estimated), t.table);
    out.set(t.mineral, stages);
  }
}
