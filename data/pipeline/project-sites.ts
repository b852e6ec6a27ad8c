// Linking each curated project to the published site it stands at (sites.geojson), with a report line either way.
import { distanceKm } from '../../src/derive/geo';
import type { Site } from '../../src/model/types';
import type { CuratedProject } from './projects';
import type { ReportEntry } from './sites';

/** A site farther than this (km) from the project's point is never its site. */
export const LINK_DISTANCE_KM = 25;

/**
 * Words that say what a place does or holds, not where or whose it is: sharing one of these is no evidence that a
 * project and a site are the same place ("Port Pirie smelter" and "Port Pirie (Radium Hill)" share "port" and
 * "pirie"; "refinery" alone would match every refinery). Words of one or two letters are dropped as well.
 */
const GENERIC_WORDS = new Set(
  (
    'and the for with from near its ' +
    'rare earth earths ree hree mine mines mining plant plants project projects facility facilities refinery ' +
    'refining processing deposit deposits operation operations complex site park industrial estate company campus ' +
    'metal metals material materials mineral minerals critical magnet magnets magnetics separation oxide oxides ' +
    'alloy concentrate concentrator expansion phase stage planned proposed cancelled restart new heavy light ' +
    'integrated manufacturing factory smelter pilot demonstration primary extraction recycling sintered ndfeb anode ' +
    'active battery hydroxide carbonate ionic clay seabed mud ore zone county region district province area ' +
    'north south east west northern southern upper lower ' +
    'lithium graphite cobalt nickel gallium germanium antimony tungsten manganese niobium tantalum vanadium ' +
    'titanium platinum group scandium zirconium hafnium gold silver alumina'
  ).split(' '),
);

/** Distinctive words of a name: ASCII lower case, apostrophes dropped ("Nolan's" = "nolans"), generic words out. */
export function nameWords(name: string): Set<string> {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '');
  return new Set(plain.split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w)));
}

interface Candidate {
  site: Site;
  km: number;
  shared: string[];
}

/** Nearest first; then more shared words; then site id (a stable order for ties). */
const byMatch = (a: Candidate, b: Candidate) =>
  a.km - b.km || b.shared.length - a.shared.length || (a.site.id < b.site.id ? -1 : 1);

/**
 * The sites a project could stand at: same country, within LINK_DISTANCE_KM, at least one mineral in common, and at
 * least one distinctive word in common between the site's name and the project's site hint or name. Best first.
 */
export function siteCandidates(project: CuratedProject, sites: readonly Site[]): Candidate[] {
  const words = nameWords(`${project.siteHint ?? ''} ${project.name}`);
  const minerals = new Set(project.minerals);
  const out: Candidate[] = [];
  for (const site of sites) {
    if (site.country !== project.country || !site.minerals.some((m) => minerals.has(m))) continue;
    const km = distanceKm(project.position, site.position);
    if (km > LINK_DISTANCE_KM) continue;
    const shared = [...nameWords(site.name)].filter((w) => words.has(w)).sort();
    if (shared.length > 0) out.push({ site, km, shared });
  }
  return out.sort(byMatch);
}

const ref = (p: CuratedProject) => `data/curated/projects.csv id ${p.id}`;
const km = (c: Candidate) => `${c.km.toFixed(1)} km`;

/** Why a project has no site: the nearest same-country site, if any is within reach, for whoever checks. */
function noMatchDetail(project: CuratedProject, sites: readonly Site[]): string {
  let nearest: { site: Site; km: number } | null = null;
  for (const site of sites) {
    if (site.country !== project.country) continue;
    const d = distanceKm(project.position, site.position);
    if (d <= LINK_DISTANCE_KM && (nearest === null || d < nearest.km)) nearest = { site, km: d };
  }
  const hint = `"${project.siteHint ?? project.name}"`;
  return nearest === null
    ? `${hint}: no ${project.country} site within ${LINK_DISTANCE_KM} km`
    : `${hint}: no ${project.country} site within ${LINK_DISTANCE_KM} km shares a mineral and a name word ` +
        `(nearest: ${nearest.site.id} "${nearest.site.name}", ${nearest.km.toFixed(1)} km)`;
}

/**
 * Each project's site id, or null. A site goes to at most one project: where several projects pick the same site
 * (two plants in one town, such as Vital Metals' and SRC's in Saskatoon), the nearest, then the one sharing more name
 * words, then the lower id keeps it, and the others stay unlinked. Every link and non-link is reported.
 */
export function linkProjectsToSites(
  projects: readonly CuratedProject[],
  sites: readonly Site[],
  report: ReportEntry[],
): Map<string, string | null> {
  const best = new Map(projects.map((p) => [p.id, siteCandidates(p, sites)[0] ?? null]));
  const owner = new Map<string, { project: CuratedProject; c: Candidate }>();
  for (const project of projects) {
    const c = best.get(project.id);
    if (!c) continue;
    const held = owner.get(c.site.id);
    const better =
      !held ||
      c.km < held.c.km ||
      (c.km === held.c.km &&
        (c.shared.length > held.c.shared.length ||
          (c.shared.length === held.c.shared.length && project.id < held.project.id)));
    if (better) owner.set(c.site.id, { project, c });
  }
  const links = new Map<string, string | null>();
  for (const project of projects) {
    const c = best.get(project.id) ?? null;
    const held = c ? owner.get(c.site.id) : undefined;
    if (c && held?.project.id === project.id) {
      links.set(project.id, c.site.id);
      report.push({
        action: 'project-linked',
        ref: ref(project),
        detail: `-> ${c.site.id} "${c.site.name}" (${km(c)}; shared words: ${c.shared.join(', ')})`,
      });
      continue;
    }
    links.set(project.id, null);
    report.push({
      action: 'project-not-linked',
      ref: ref(project),
      detail:
        c && held
          ? `"${project.siteHint ?? project.name}": its best match ${c.site.id} "${c.site.name}" (${km(c)}) is ` +
            `linked to ${held.project.id}, which matches it better`
          : noMatchDetail(project, sites),
    });
  }
  return links;
}
