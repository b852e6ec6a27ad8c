// What the filters keep of the reader's own sites and flows: the project's rules, applied to what a file can say.
import { CHINA_ISO3 } from '../config/china';
import type { FilterSpec } from '../model/filters';
import type { UserFile, UserFlow, UserSite } from '../model/user-data';
import type { Flow } from '../model/types';
import { reasonsMask, riskPasses } from './filter';
import { RISK_BITS } from './risk-codes';

/**
 * A reader's site passes like a project site, except where the file is silent: a site naming no mineral is kept under
 * every mineral choice, and one without a kind under every kind (hiding them would lose them without a word).
 */
export function userSitePasses(site: UserSite, f: FilterSpec): boolean {
  return (
    (site.minerals.length === 0 || site.minerals.some((m) => f.minerals.includes(m))) &&
    (site.kind === undefined || f.kinds.includes(site.kind)) &&
    f.statuses.includes(site.status) &&
    (f.focus === null || site.country === f.focus)
  );
}

/**
 * The route-risk code the app can know for a reader's flow: origin (exporter in China, Hong Kong or Macau) and
 * destination (importer there). Transit, the South China Sea and export controls need the project's routes and HS
 * codes, which a reader's file does not have: those reasons never mark a reader's flow.
 */
export function userRiskCode(flow: UserFlow): number {
  return (
    (CHINA_ISO3.has(flow.exporter) ? RISK_BITS.origin : 0) |
    (CHINA_ISO3.has(flow.importer) ? RISK_BITS.destination : 0)
  );
}

/** A reader's flow passes for the year, minerals, focus, smallest value and route risk (origin/destination only). */
export function userFlowPasses(flow: UserFlow, f: FilterSpec, year: number): boolean {
  if (flow.year !== year || !f.minerals.includes(flow.mineral) || flow.valueUsd < f.minValueUsd) return false;
  if (f.focus !== null) {
    const asExporter = flow.exporter === f.focus;
    const asImporter = flow.importer === f.focus;
    if (
      f.role === 'exporter' ? !asExporter : f.role === 'importer' ? !asImporter : !asExporter && !asImporter
    )
      return false;
  }
  return riskPasses(userRiskCode(flow), f.risk, reasonsMask(f.reasons));
}

export interface UserKept {
  sites: UserSite[];
  flows: UserFlow[];
}

/** Every file's sites and flows the filters keep, files in the order they were opened. */
export function keepUserData(files: readonly UserFile[], f: FilterSpec, year: number): UserKept {
  const sites: UserSite[] = [];
  const flows: UserFlow[] = [];
  for (const file of files) {
    for (const s of file.sites) if (userSitePasses(s, f)) sites.push(s);
    for (const fl of file.flows) if (userFlowPasses(fl, f, year)) flows.push(fl);
  }
  return { sites, flows };
}

/** The most arcs drawn of the reader's flows (the largest by value); the legend says how many more there are. */
export const MAX_USER_ARCS = 5_000;

/** One arc of the reader's flows: every kept flow of one exporter, importer and mineral, values summed. */
export interface UserArc {
  exporter: string;
  importer: string;
  mineral: string;
  valueUsd: number;
  /** Sum of the known tonnes; null when no flow of the arc has tonnes. */
  tonnes: number | null;
  /** How many of the reader's rows the arc sums. */
  rows: number;
  from: [number, number];
  to: [number, number];
}

export interface UserArcs {
  arcs: UserArc[];
  /** Arcs left out beyond MAX_USER_ARCS (the smallest). */
  hidden: number;
  /** Kept flows that cannot be drawn: a country without an anchor on the map, or exporter = importer. */
  undrawable: number;
}

/**
 * The reader's kept flows as arcs, anchor to anchor like ours: rows of the same exporter, importer and mineral summed
 * into one arc (a file may list a pair many times), the largest MAX_USER_ARCS drawn.
 */
export function userArcs(
  flows: readonly UserFlow[],
  anchor: (iso3: string) => [number, number] | undefined,
  max = MAX_USER_ARCS,
): UserArcs {
  const byKey = new Map<string, UserArc>();
  let undrawable = 0;
  for (const flow of flows) {
    const from = anchor(flow.exporter);
    const to = anchor(flow.importer);
    if (!from || !to || flow.exporter === flow.importer) {
      undrawable++;
      continue;
    }
    const key = `${flow.exporter}>${flow.importer}|${flow.mineral}`;
    const arc = byKey.get(key);
    if (arc) {
      arc.valueUsd += flow.valueUsd;
      if (flow.tonnes !== null) arc.tonnes = (arc.tonnes ?? 0) + flow.tonnes;
      arc.rows++;
    } else
      byKey.set(key, {
        exporter: flow.exporter,
        importer: flow.importer,
        mineral: flow.mineral,
        valueUsd: flow.valueUsd,
        tonnes: flow.tonnes,
        rows: 1,
        from,
        to,
      });
  }
  const arcs = [...byKey.values()].sort((a, b) => b.valueUsd - a.valueUsd);
  return { arcs: arcs.slice(0, max), hidden: Math.max(0, arcs.length - max), undrawable };
}

/** The product code the reader's flows carry when they join our flows (they have no HS code). */
export const USER_HS = 'user';

/** The reader's flows of `mineral` in `year` as flows of ours (product USER_HS, risk from origin and destination). */
export function userAsFlows(flows: readonly UserFlow[], mineral: string | undefined, year: number): Flow[] {
  const out: Flow[] = [];
  for (const f of flows)
    if (f.mineral === mineral && f.year === year)
      out.push({
        id: f.id,
        year: f.year,
        exporter: f.exporter,
        importer: f.importer,
        mineral: f.mineral,
        hs: USER_HS,
        valueUsd: f.valueUsd,
        tonnes: f.tonnes,
        risk: userRiskCode(f),
      });
  return out;
}
