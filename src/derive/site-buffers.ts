// Sites as typed arrays for the GPU: one instance per (site, mineral), with positions, colours and filter values.
import { KIND_COLORS, KIND_RADIUS_PX } from '../config/app';
import { SITE_KINDS, SITE_STATUSES, type Site } from '../model/types';
import type { FilterIndex } from './filter';

/**
 * Category value of an instance whose mineral is not in the minerals list: a bit no filter ever selects (mineral
 * indexes stay below it; a unit test checks).
 */
export const UNKNOWN_MINERAL_CATEGORY = 31;

/**
 * Every site once per mineral it lists, so the GPU filter can keep a site for any of its minerals (deck.gl allows 32
 * categories per dimension with three dimensions: too few for the sites' mineral combinations). Built once per data
 * set; filters only change uniforms.
 */
export interface SiteBuffers {
  length: number;
  /** The site and the mineral (FilterIndex.mineral, -1 if unknown) of each instance. */
  site: Site[];
  mineral: Int32Array;
  /** [lng, lat] degrees per instance. */
  positions: Float64Array;
  /** RGBA per instance: the kind's colour, deposits fainter. */
  fillColors: Uint8Array;
  /** Radius in pixels per instance (the kind's), before the selected site is enlarged. */
  radii: Float32Array;
  /** [country index] per instance (FilterIndex.country, -1 if unknown): the focus-country range filter. */
  filterValues: Float32Array;
  /** [mineral, kind, status] category values per instance; each value is its own filter bit (0..31). */
  categories: Uint32Array;
}

export function buildSiteBuffers(sites: readonly Site[], index: FilterIndex): SiteBuffers {
  let n = 0;
  for (const s of sites) n += s.minerals.length;
  const b: SiteBuffers = {
    length: n,
    site: new Array<Site>(n),
    mineral: new Int32Array(n),
    positions: new Float64Array(2 * n),
    fillColors: new Uint8Array(4 * n),
    radii: new Float32Array(n),
    filterValues: new Float32Array(n),
    categories: new Uint32Array(3 * n),
  };
  let k = 0;
  for (const s of sites) {
    const [r, g, bl] = KIND_COLORS[s.kind];
    const alpha = s.kind === 'deposit' ? 170 : 235;
    const country = index.country.get(s.country) ?? -1;
    const kind = SITE_KINDS.indexOf(s.kind);
    const status = SITE_STATUSES.indexOf(s.status);
    for (const m of s.minerals) {
      const mi = index.mineral.get(m) ?? -1;
      b.site[k] = s;
      b.mineral[k] = mi;
      b.positions[2 * k] = s.position[0];
      b.positions[2 * k + 1] = s.position[1];
      b.fillColors.set([r, g, bl, alpha], 4 * k);
      b.radii[k] = KIND_RADIUS_PX[s.kind];
      b.filterValues[k] = country;
      b.categories[3 * k] = mi >= 0 ? mi : UNKNOWN_MINERAL_CATEGORY;
      b.categories[3 * k + 1] = kind;
      b.categories[3 * k + 2] = status;
      k++;
    }
  }
  return b;
}

/** Radii with the selected site's instances 1.8 times larger (a new array; `b.radii` when nothing is selected). */
export function siteRadii(b: SiteBuffers, selectedId: string | null): Float32Array {
  if (selectedId === null || !b.site.some((s) => s.id === selectedId)) return b.radii;
  const out = b.radii.slice();
  for (let k = 0; k < b.length; k++) if (b.site[k]?.id === selectedId) out[k] = (out[k] as number) * 1.8;
  return out;
}
