// Announced capacity outside China by year, for one chain stage and one comparable measure, as announced or delayed.
import { CHINA_ISO3 } from '../config/china';
import type { ChainStage, Project, ProjectStage } from '../model/projects';

/**
 * What a capacity figure measures. Only figures of the same kind add up: total rare-earth oxide (REO, TREO) is not
 * NdPr oxide, lithium hydroxide is not its monohydrate, and magnets are not the oxide they are made from. Every kind
 * is in tonnes per year of the named product.
 */
export const CAPACITY_KINDS = [
  'reo',
  'ndpr-oxide',
  'dytb-oxide',
  'ndpr-metal',
  'ndfeb-magnet',
  'lithium-carbonate',
  'lithium-hydroxide',
  'lithium-hydroxide-monohydrate',
  'anode-material',
  'synthetic-graphite',
  'graphite-concentrate',
  'gallium',
  'cobalt',
  'tungsten',
  'hpmsm',
  'ferroniobium',
] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];

/**
 * The explicit mapping from a capacity unit's head (its text before the first " (", which holds qualifiers such as
 * "phase 1" or "up to") to a kind, or to `null` with the reason the figure cannot be added to any other. Heads not
 * listed here map to nothing either ("not in the unit table"). Written from every unit in data/curated/projects.csv.
 */
export const CAPACITY_UNITS: Readonly<Record<string, CapacityKind | { why: string }>> = {
  't/yr REO': 'reo',
  't/yr TREO': 'reo',
  't/yr rare-earth oxides': 'reo',
  't/yr NdPr oxide': 'ndpr-oxide',
  't/yr Dy+Tb oxide': 'dytb-oxide',
  't/yr NdPr metal': 'ndpr-metal',
  't/yr NdFeB magnet': 'ndfeb-magnet',
  't/yr sintered NdFeB magnet': 'ndfeb-magnet',
  't/yr lithium carbonate': 'lithium-carbonate',
  't/yr lithium hydroxide': 'lithium-hydroxide',
  't/yr lithium hydroxide monohydrate': 'lithium-hydroxide-monohydrate',
  't/yr active anode material': 'anode-material',
  't/yr anode material': 'anode-material',
  't/yr synthetic graphite': 'synthetic-graphite',
  't/yr graphite concentrate': 'graphite-concentrate',
  't/yr gallium': 'gallium',
  't/yr cobalt': 'cobalt',
  't/yr tungsten': 'tungsten',
  't/yr HPMSM': 'hpmsm',
  't/yr ferroniobium': 'ferroniobium',
  't/yr NdPr': { why: 'NdPr without its form (oxide or metal)' },
  't/yr NdPr oxide contained in MREC': { why: 'NdPr oxide contained in a mixed carbonate, not separated' },
  't/yr rare-earth material': { why: 'rare-earth material of unstated form' },
  't/yr graphite': { why: 'graphite of unstated form' },
  't/yr LCE conversion capacity supplied': { why: 'feed supplied to a converter, not output' },
  't/yr total finished products': { why: 'all products of a multi-metal refinery together' },
  't/yr ore throughput': { why: 'ore throughput, not product' },
  't/day mud lifting rate': { why: 'a mud lifting rate, not product' },
  'Mlb/yr antimony': { why: 'million pounds a year (no other row in that unit)' },
};

/** The kind a unit measures, or why it has none. */
export function capacityKind(unit: string): { kind: CapacityKind } | { kind: null; why: string } {
  const cut = unit.indexOf(' (');
  const head = (cut < 0 ? unit : unit.slice(0, cut)).trim();
  const m = CAPACITY_UNITS[head];
  if (m === undefined) return { kind: null, why: `unit "${unit}" is not in the unit table` };
  return typeof m === 'string' ? { kind: m } : { kind: null, why: m.why };
}

/** Stages whose capacity is not counted in any year. */
const NOT_COUNTED: ReadonlySet<ProjectStage> = new Set(['stalled', 'cancelled']);

/** The years shown by default: from this year (2026) to 2030. */
export const CAPACITY_YEARS: readonly number[] = [2026, 2027, 2028, 2029, 2030];

/** Years added to a start that has no revision history, in the delayed reading (a stated assumption, not data). */
export const DEFAULT_SLIP_YEARS = 2;

export type CapacityReading = 'announced' | 'delayed';
export type CapacityGrouping = 'country' | 'stage';
export type ExclusionReason =
  'stage' | 'unknown-capacity' | 'unit-not-comparable' | 'unknown-start' | 'china';

export interface CapacityQuery {
  chainStage: ChainStage;
  kind: CapacityKind;
  reading: CapacityReading;
  groupBy: CapacityGrouping;
  /** Calendar years, ascending; default CAPACITY_YEARS. */
  years?: readonly number[];
  /** Delayed reading only: years added when a project has no revised year; default DEFAULT_SLIP_YEARS. */
  defaultSlip?: number;
}

export interface CountedProject {
  id: string;
  /** Tonnes per year of the query's kind. */
  value: number;
  /** First year counted, in the query's reading. */
  start: number;
  /** Where `start` comes from. */
  basis: 'announced' | 'revised' | 'operating-at-vintage';
  /** Years added in the delayed reading (0 in the announced reading). */
  slip: number;
}

export interface ExcludedProject {
  id: string;
  reason: ExclusionReason;
  detail: string;
}

export interface CapacitySeries {
  /** Country ISO3 or project stage. */
  key: string;
  /** Tonnes per year of the query's kind, one value per year of `years`. */
  values: number[];
}

export interface CapacityResult {
  years: number[];
  /** Sorted by key. */
  groups: CapacitySeries[];
  /** Sum of the groups, per year. */
  total: number[];
  /** Projects counted, in table order. */
  counted: CountedProject[];
  /** Projects of the chain stage left out, in table order, with the reason. */
  excluded: ExcludedProject[];
}

/**
 * The first year a project counts, in a reading. As announced: the revised year when there is one, else the
 * announced year; a project `operating` with neither counts from its `vintage` (it operated then). Delayed: that
 * start plus the slip its own history shows (revised - announced, never negative: a delayed reading does not
 * bring a start forward), or plus `defaultSlip` when it has no revision; an operating project is never shifted.
 */
export function startOf(
  p: Project,
  reading: CapacityReading,
  defaultSlip: number = DEFAULT_SLIP_YEARS,
): Pick<CountedProject, 'start' | 'basis' | 'slip'> | null {
  const { announced, revised } = p.startYear;
  const base = revised ?? announced;
  if (base === null)
    return p.stage === 'operating' ? { start: p.vintage, basis: 'operating-at-vintage', slip: 0 } : null;
  const basis = revised !== null ? 'revised' : 'announced';
  if (reading === 'announced' || p.stage === 'operating') return { start: base, basis, slip: 0 };
  const slip = revised !== null && announced !== null ? Math.max(0, revised - announced) : defaultSlip;
  return { start: base + slip, basis, slip };
}

/** A project of the chain stage: counted (its value and start) or left out with the reason. */
function assess(p: Project, q: CapacityQuery): CountedProject | ExcludedProject {
  const out = (reason: ExclusionReason, detail: string) => ({ id: p.id, reason, detail });
  if (CHINA_ISO3.has(p.country)) return out('china', `in ${p.country}`);
  if (NOT_COUNTED.has(p.stage)) return out('stage', `stage is ${p.stage}`);
  if (p.capacity === null) return out('unknown-capacity', 'no published capacity');
  const k = capacityKind(p.capacity.unit);
  if (k.kind === null) return out('unit-not-comparable', k.why);
  if (k.kind !== q.kind) return out('unit-not-comparable', `measures ${k.kind}, not ${q.kind}`);
  const start = startOf(p, q.reading, q.defaultSlip);
  if (start === null) return out('unknown-start', 'no announced start year');
  return { id: p.id, value: p.capacity.value, ...start };
}

/** Capacity of one chain stage and kind outside China by year, grouped, with every project left out and why. */
export function capacityByYear(projects: readonly Project[], q: CapacityQuery): CapacityResult {
  const years = [...(q.years ?? CAPACITY_YEARS)];
  const counted: CountedProject[] = [];
  const excluded: ExcludedProject[] = [];
  const groups = new Map<string, number[]>();
  for (const p of projects) {
    if (p.chainStage !== q.chainStage) continue;
    const a = assess(p, q);
    if ('reason' in a) {
      excluded.push(a);
      continue;
    }
    counted.push(a);
    const key = q.groupBy === 'country' ? p.country : p.stage;
    const row = groups.get(key) ?? years.map(() => 0);
    groups.set(
      key,
      years.map((y, i) => (row[i] ?? 0) + (y >= a.start ? a.value : 0)),
    );
  }
  const series = [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, values]) => ({ key, values }));
  const total = years.map((_, i) => series.reduce((s, g) => s + (g.values[i] ?? 0), 0));
  return { years, groups: series, total, counted, excluded };
}
