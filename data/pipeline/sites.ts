// Site checks and merging: each site against its stated country's shape (fixing flipped signs), then de-duplication.
import { distance } from '@turf/distance';
import type { Precision, Site, SiteKind, Source } from '../../src/model/types';
import type { CountryIndex } from './countries';
import { round } from './countries';
import type { RawSite } from './sites-raw';

/** Names that are not one country today: the coordinate decides (USSR, Korean Peninsula, Serbia and Montenegro). */
const AGGREGATE_NAMES = new Set(['ussr', 'korean peninsula', 'serbia and montenegro']);
/** A site this close (km) to its country's 1:50m outline but outside it is coastal, kept. */
const COAST_TOLERANCE_KM = 25;
/** Duplicates: within this distance (km) and with similar names. */
export const MERGE_DISTANCE_KM = 5;

export interface ReportEntry {
  action:
    | 'fixed'
    | 'excluded'
    | 'kept-coastal'
    | 'resolved-by-location'
    | 'merged'
    | 'project-linked'
    | 'project-not-linked';
  ref: string;
  detail: string;
}

export interface CheckedSite extends RawSite {
  country: string;
}

/**
 * Check each raw site against its stated country. Fixes sign flips and lng/lat swaps when the flipped point lies in
 * the stated country (the source's own text supports that fix); otherwise excludes sites that lie in another country
 * or in the open sea. Every fix and exclusion goes to the report.
 */
export function checkLocations(
  raw: RawSite[],
  countries: CountryIndex,
  report: ReportEntry[],
): CheckedSite[] {
  const out: CheckedSite[] = [];
  for (const s of raw) {
    const stated = s.countryName.trim();
    const normalised = stated.toLowerCase();
    if (/ocean|sea$/.test(normalised)) {
      report.push({
        action: 'excluded',
        ref: s.ref,
        detail: `"${s.name}": seabed occurrence in the ${stated}, no country`,
      });
      continue;
    }
    if (AGGREGATE_NAMES.has(normalised)) {
      const here = countries.locate(s.lng, s.lat);
      if (!here) {
        report.push({
          action: 'excluded',
          ref: s.ref,
          detail: `"${s.name}": country "${stated}" and the point is in no country`,
        });
        continue;
      }
      report.push({
        action: 'resolved-by-location',
        ref: s.ref,
        detail: `"${s.name}": "${stated}" -> ${here} by its coordinate`,
      });
      out.push({ ...s, country: here });
      continue;
    }
    const iso3 =
      /^[A-Z]{3}$/.test(stated) && countries.names.has(stated) ? stated : countries.resolve(stated);
    if (!iso3) {
      report.push({ action: 'excluded', ref: s.ref, detail: `"${s.name}": unknown country "${stated}"` });
      continue;
    }
    if (!countries.hasShape(iso3) || countries.contains(iso3, s.lng, s.lat)) {
      out.push({ ...s, country: iso3 });
      continue;
    }
    const candidates: [string, number, number][] = [
      ['longitude sign flipped', -s.lng, s.lat],
      ['latitude sign flipped', s.lng, -s.lat],
      ['both signs flipped', -s.lng, -s.lat],
      ['latitude and longitude swapped', s.lat, s.lng],
    ];
    const fix = candidates.find(([, x, y]) => Math.abs(y) <= 90 && countries.contains(iso3, x, y));
    if (fix) {
      const [what, x, y] = fix;
      report.push({
        action: 'fixed',
        ref: s.ref,
        detail: `"${s.name}" (${stated}): ${what}: [${s.lng}, ${s.lat}] -> [${x}, ${y}], which lies in ${iso3} as the source states`,
      });
      out.push({ ...s, lng: x, lat: y, country: iso3 });
      continue;
    }
    const here = countries.locate(s.lng, s.lat);
    const coastKm = countries.distanceKm(iso3, s.lng, s.lat);
    if (!here && coastKm <= COAST_TOLERANCE_KM) {
      report.push({
        action: 'kept-coastal',
        ref: s.ref,
        detail: `"${s.name}": ${coastKm.toFixed(1)} km off the ${iso3} outline (coastal)`,
      });
      out.push({ ...s, country: iso3 });
      continue;
    }
    report.push({
      action: 'excluded',
      ref: s.ref,
      detail: `"${s.name}": stated ${stated} (${iso3}) but [${s.lng}, ${s.lat}] lies ${here ? `in ${here}` : 'in the sea'}, ${Number.isFinite(coastKm) ? `${coastKm.toFixed(0)} km` : 'far'} from ${iso3}; no fix supported by the source`,
    });
  }
  return out;
}

const STOP_WORDS = new Set([
  'mine',
  'mines',
  'deposit',
  'deposits',
  'plant',
  'project',
  'district',
  'the',
  'of',
  'and',
  'de',
  'la',
  'area',
  'complex',
  'prospect',
  'occurrence',
  'facility',
  'refinery',
  'processing',
  'mineral',
  'mining',
]);

/** Name tokens for similarity: lower case, accents stripped, generic words dropped. */
export function nameTokens(name: string): Set<string> {
  return new Set(
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 1 && !STOP_WORDS.has(t)),
  );
}

/**
 * Similar names: one's tokens all appear in the other's ("Bayan Obo" / "Bayan Obo (Baotou)"), or they share at least
 * two tokens and half of the smaller set, or their squashed spellings contain each other ("Maoniuping" / "Mao Niu Ping").
 */
export function similarNames(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.size === 0 || tb.size === 0) return false;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  if (shared === Math.min(ta.size, tb.size)) return true;
  if (shared >= 2 && shared >= Math.min(ta.size, tb.size) * 0.5) return true;
  // Spelling variants: "Maoniuping" vs "Mao Niu Ping"; compare squashed strings.
  const sa = [...ta].join('');
  const sb = [...tb].join('');
  return sa.length >= 5 && sb.length >= 5 && (sa.includes(sb) || sb.includes(sa));
}

const PRECISION_ORDER: Precision[] = ['exact', 'approximate', 'region', 'country'];
const KIND_ORDER: SiteKind[] = [
  'magnet',
  'metal-alloy',
  'separation',
  'refinery',
  'battery-materials',
  'recycling',
  'processing',
  'mine',
  'deposit',
];

function better(a: CheckedSite, b: CheckedSite): CheckedSite {
  if (a.rank !== b.rank) return a.rank > b.rank ? a : b;
  const pa = PRECISION_ORDER.indexOf(a.precision);
  const pb = PRECISION_ORDER.indexOf(b.precision);
  if (pa !== pb) return pa < pb ? a : b;
  if (a.vintage !== b.vintage) return a.vintage > b.vintage ? a : b;
  return a.id < b.id ? a : b;
}

/** Kinds of the ground itself (where ore is dug or lies), as opposed to the plants that treat it. */
const EXTRACTION_KINDS: ReadonlySet<SiteKind> = new Set(['mine', 'deposit']);

/**
 * Two merge groups may join unless that would put two curated rows in one site (each curated row is its own site,
 * and plants of one town share a point on purpose: Tianqi and Covalent at Kwinana, Caremag and LCM at Lacq), or a
 * row of the processing-plant tables (`plants`: ids of those tables) with a mine or deposit record: a plant named
 * after its town is not the mine or the deposit of that name ("Kolwezi Copper Mine" is not Chemaf's Mutoshi plant,
 * the Tsumeb deposit is not the Tsumeb smelter). Such a plant still takes the plant records of the other layers
 * ("Big Hill Tailings Treatment Plant"); rows of `sites.csv` may describe a mine-and-plant complex and are not limited.
 */
export function canJoin(
  a: readonly CheckedSite[],
  b: readonly CheckedSite[],
  plants: ReadonlySet<string> = new Set(),
): boolean {
  if (a.some((s) => s.dataset === 'curated') && b.some((s) => s.dataset === 'curated')) return false;
  const isPlant = (s: CheckedSite) => plants.has(s.id) && !EXTRACTION_KINDS.has(s.kind);
  const isExtraction = (s: CheckedSite) => EXTRACTION_KINDS.has(s.kind);
  return !((a.some(isPlant) && b.some(isExtraction)) || (b.some(isPlant) && a.some(isExtraction)));
}

function sourceKey(s: Source): string {
  return `${s.publisher}|${s.title}|${s.year}`;
}

/**
 * Merge duplicates: same country, within MERGE_DISTANCE_KM and similar names -> one site keeping every source
 * (never two curated rows: see canJoin). Records whose id is in `late` (the processing-plant tables) join in a
 * second pass, after every other pair, so a new plant never takes a USGS record from the curated site it joined before,
 * and never join a mine or deposit record (see canJoin).
 * The best record (curated > facility > deposit layers, then precision, then vintage) gives name, position, status;
 * minerals and sources are unions; kind is the most downstream kind among the group. Deterministic: input order.
 */
export function mergeDuplicates(
  sites: CheckedSite[],
  report: ReportEntry[],
  late: ReadonlySet<string> = new Set(),
): Site[] {
  const sorted = [...sites].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Grid buckets of ~0.1 degree for neighbour search.
  const cell = (x: number) => Math.floor(x * 10);
  const grid = new Map<string, number[]>();
  sorted.forEach((s, i) => {
    const key = `${cell(s.lng)},${cell(s.lat)}`;
    grid.set(key, [...(grid.get(key) ?? []), i]);
  });
  const parent = sorted.map((_, i) => i);
  const members = new Map(sorted.map((s, i) => [i, [s]]));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const pairs: [number, number][] = [];
  sorted.forEach((s, i) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${cell(s.lng) + dx},${cell(s.lat) + dy}`) ?? []) {
          if (j <= i) continue;
          const t = sorted[j];
          if (!t || t.country !== s.country) continue;
          if (distance([s.lng, s.lat], [t.lng, t.lat], { units: 'kilometers' }) > MERGE_DISTANCE_KM) continue;
          if (similarNames(s.name, t.name)) pairs.push([i, j]);
        }
      }
    }
  });
  const isLate = ([i, j]: [number, number]) => late.has(sorted[i]?.id ?? '') || late.has(sorted[j]?.id ?? '');
  for (const [i, j] of [...pairs.filter((p) => !isLate(p)), ...pairs.filter(isLate)]) {
    const a = find(i);
    const b = find(j);
    if (a === b || !canJoin(members.get(a) ?? [], members.get(b) ?? [], late)) continue;
    const [keep, gone] = [Math.min(a, b), Math.max(a, b)];
    parent[gone] = keep;
    members.set(keep, [...(members.get(keep) ?? []), ...(members.get(gone) ?? [])]);
    members.delete(gone);
  }
  const groups = new Map<number, CheckedSite[]>();
  sorted.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  const out: Site[] = [];
  for (const group of groups.values()) {
    const best = group.reduce(better);
    const sources: Source[] = [];
    const seen = new Set<string>();
    for (const s of [best, ...group]) {
      if (!seen.has(sourceKey(s.source))) {
        seen.add(sourceKey(s.source));
        sources.push(s.source);
      }
    }
    const kinds = group.map((s) => s.kind).sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
    const kind = best.rank === 3 ? best.kind : (kinds[0] ?? best.kind);
    if (group.length > 1) {
      report.push({
        action: 'merged',
        ref: best.ref,
        detail: `"${best.name}" keeps ${group.length} records: ${group.map((s) => `${s.ref} ("${s.name}")`).join('; ')}`,
      });
    }
    const site: Site = {
      id: best.id,
      name: best.name,
      kind,
      minerals: [...new Set(group.flatMap((s) => s.minerals))].sort(),
      country: best.country,
      // A known status beats "unknown": take the newest record that states one.
      status:
        best.status !== 'unknown'
          ? best.status
          : ([...group].filter((x) => x.status !== 'unknown').sort((a, b) => b.vintage - a.vintage)[0]
              ?.status ?? 'unknown'),
      precision: best.precision,
      sources,
      vintage: best.vintage,
      position: [round(best.lng, 4), round(best.lat, 4)],
    };
    const operator = best.operator ?? group.find((s) => s.operator)?.operator;
    if (operator) site.operator = operator;
    const capacity = best.capacity ?? group.find((s) => s.capacity)?.capacity;
    if (capacity) site.capacity = capacity;
    const notes = [...new Set(group.map((s) => s.notes).filter((n): n is string => !!n))].join(' | ');
    if (notes) site.notes = notes.length > 600 ? `${notes.slice(0, 597)}...` : notes;
    out.push(site);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
