// Allied supply: how much of each partner's imports come from partners, China or others, and the bloc's world shares.
/**
 * Pure (no DOM, no rendering). Callers pass the flows of one product (or one mineral) and one year, already
 * filtered. Money is in current US dollars; shares are fractions 0..1 (0.75 = 75%).
 */
import {
  SHARE_STAGES,
  type ShareRow,
  type ShareStage,
  type ShareTable,
  type SharesFile,
} from '../data/shares-schema';
import type { Flow, Iso3 } from '../model/types';
import { CHINA_ISO3 } from '../config/china';

/** Where one partner's imports come from, in USD and as fractions 0..1 of `importsUsd` (they add up to 1). */
export interface PartnerSupply {
  country: Iso3;
  /** All imports of the product by this partner, USD (> 0). */
  importsUsd: number;
  /** From other partners (never China, see partnerSupply), USD. */
  fromPartnersUsd: number;
  /** From CHN, HKG and MAC, USD. */
  fromChinaUsd: number;
  /** From everyone else, USD. */
  fromOthersUsd: number;
  fromPartners: number;
  fromChina: number;
  fromOthers: number;
}

/**
 * One row per partner that imports the product (imports above 0 USD), sorted by imports (largest first), then by
 * ISO3. Each flow into a partner falls in exactly one class: China (exporter CHN, HKG or MAC) first, so the China
 * column stays visible even if a Chinese code is put in the partner set; then partners (the exporter is in the
 * set); then others. BACI has no flow from a country to itself, so "from partners" means from the other partners.
 */
export function partnerSupply(flows: readonly Flow[], partners: ReadonlySet<string>): PartnerSupply[] {
  const acc = new Map<Iso3, { total: number; partners: number; china: number; others: number }>();
  for (const flow of flows) {
    if (!partners.has(flow.importer)) continue;
    let a = acc.get(flow.importer);
    if (a === undefined) {
      a = { total: 0, partners: 0, china: 0, others: 0 };
      acc.set(flow.importer, a);
    }
    a.total += flow.valueUsd;
    if (CHINA_ISO3.has(flow.exporter)) a.china += flow.valueUsd;
    else if (partners.has(flow.exporter)) a.partners += flow.valueUsd;
    else a.others += flow.valueUsd;
  }
  const rows: PartnerSupply[] = [];
  for (const [country, a] of acc) {
    if (!(a.total > 0)) continue;
    rows.push({
      country,
      importsUsd: a.total,
      fromPartnersUsd: a.partners,
      fromChinaUsd: a.china,
      fromOthersUsd: a.others,
      fromPartners: a.partners / a.total,
      fromChina: a.china / a.total,
      fromOthers: a.others / a.total,
    });
  }
  return rows.sort((x, y) => y.importsUsd - x.importsUsd || (x.country < y.country ? -1 : 1));
}

/**
 * The partner bloc's and China's share of world mine production or refining in one share table.
 * - `year`: the table's data year as the source labels it ("2024", "2025e" for an estimate).
 * - `bloc`, `china`: fractions 0..1 of the world, the sum of the table's rows for partner countries (for China:
 *   CHN, HKG, MAC), rounded to 4 decimals like the table's shares. A country the table does not name counts 0.
 *   Null only when every listed row of the group is withheld ("W"/"NA" in the source): unknown stays unknown.
 * - `covered`: true when both figures are exact per the table: no partner or Chinese row is withheld, and no
 *   partner or China can hide in an aggregate row, because the table names every country with a share (no row such
 *   as "Other countries" or "Rest of world (remainder)" holds a positive or unknown share) or because it names every
 *   partner and China. When false, the figures are lower bounds; `note` says why and, where it can, by how much the
 *   bloc's could be higher.
 * - `note`: plain text for the user (bound, withheld rows, estimate, approximate percentages).
 * The bloc is whatever the partner set holds: if it contains CHN, China is counted in both figures.
 */
export interface BlocShares {
  stage: 'mining' | 'refining';
  year: string;
  bloc: number | null;
  china: number | null;
  covered: boolean;
  note: string;
}

/**
 * Bloc and China shares for every table of the mineral: mining tables first, then refining, each by year
 * ascending. An empty array when the mineral has no share tables (or is not in the file).
 */
export function blocShares(shares: SharesFile, mineral: string, partners: ReadonlySet<string>): BlocShares[] {
  const m = shares.minerals[mineral];
  if (m === undefined) return [];
  const out: BlocShares[] = [];
  for (const stage of SHARE_STAGES) {
    const tables = Object.entries(m[stage]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [year, table] of tables) out.push(tableShares(stage, year, table, partners));
  }
  return out;
}

interface GroupSum {
  /** Sum of the known shares, 0..1 (0 when no row is listed). */
  known: number;
  /** How many rows of the group have a share. */
  knownRows: number;
  /** Labels of the group's withheld rows (share null). */
  withheld: string[];
}

function groupSum(rows: readonly ShareRow[], inGroup: (iso3: string) => boolean): GroupSum {
  const g: GroupSum = { known: 0, knownRows: 0, withheld: [] };
  for (const row of rows) {
    if (row.country === null || !inGroup(row.country)) continue;
    if (row.share === null) g.withheld.push(row.label);
    else {
      g.known += row.share;
      g.knownRows += 1;
    }
  }
  return g;
}

/** The group's share: null when all its listed rows are withheld, else the known sum rounded to 4 decimals. */
function groupValue(g: GroupSum): number | null {
  if (g.knownRows === 0 && g.withheld.length > 0) return null;
  return Math.round(g.known * 10_000) / 10_000;
}

function tableShares(
  stage: ShareStage,
  year: string,
  table: ShareTable,
  partners: ReadonlySet<string>,
): BlocShares {
  const bloc = groupSum(table.rows, (c) => partners.has(c));
  const china = groupSum(table.rows, (c) => CHINA_ISO3.has(c));
  const aggregates = table.rows.filter((r) => r.country === null && (r.share === null || r.share > 0));
  const aggregateKnown = aggregates.reduce((s, r) => s + (r.share ?? 0), 0);
  const aggregateUnknown = aggregates.some((r) => r.share === null);
  const listsAll = aggregates.length === 0;
  const named = new Set(table.rows.flatMap((r) => (r.country === null ? [] : [r.country])));
  const unnamedPartners = [...partners].filter((p) => !named.has(p));
  // A group's figure is exact when no member is withheld and none can hide in an aggregate row.
  const blocExact = bloc.withheld.length === 0 && (listsAll || unnamedPartners.length === 0);
  const chinaExact = china.withheld.length === 0 && (listsAll || named.has('CHN'));
  const blocValue = groupValue(bloc);
  const chinaValue = groupValue(china);

  const notes: string[] = [];
  if (partners.size === 0) notes.push('No partners chosen.');
  if (listsAll)
    notes.push('The table names every country with a share; countries it does not name have none.');
  else {
    const labels = aggregates
      .map((r) => (r.share === null ? `"${r.label}" (unknown)` : `"${r.label}" (${percent(r.share)})`))
      .join(' and ');
    const hidden = [
      ...(unnamedPartners.length > 0 ? ['partners'] : []),
      ...(named.has('CHN') ? [] : ['China']),
    ];
    if (hidden.length > 0)
      notes.push(
        `Lower bound: the table names ${named.size} ${named.size === 1 ? 'country' : 'countries'}; ${labels} may ` +
          `include ${hidden.join(' or ')} that it does not name.`,
      );
    else notes.push(`Every partner and China are named in the table; ${labels} holds only other countries.`);
    if (!blocExact && !aggregateUnknown && bloc.withheld.length === 0 && blocValue !== null)
      notes.push(`The bloc share is at most ${percent(Math.min(1, blocValue + aggregateKnown))}.`);
  }
  if (bloc.withheld.length > 0)
    notes.push(
      `Withheld or not available for partners: ${bloc.withheld.join(', ')}; the bloc share excludes them.`,
    );
  if (china.withheld.length > 0) notes.push(`China's figure is withheld or not available.`);
  if (table.approximate) notes.push('Rounded, approximate percentages.');
  if (table.estimated) notes.push('Estimate.');

  return {
    stage,
    year,
    bloc: blocValue,
    china: chinaValue,
    covered: blocExact && chinaExact,
    note: notes.join(' '),
  };
}

/** A fraction 0..1 as a percentage with up to 2 decimals: 0.0026 -> "0.26%", 0.84 -> "84%". */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
