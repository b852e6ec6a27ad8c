// Site facet counts: per mineral, kind and status, the sites that option keeps with the other site filters as set.
import type { FilterSpec } from '../model/filters';
import type { Site } from '../model/types';

/** The sites as codes into their own dictionaries (built once per sites list): the facet pass reads typed arrays. */
export interface SiteCodes {
  minerals: string[];
  kinds: string[];
  statuses: string[];
  /** Per site: its kind's, status's and country's code. */
  kind: Uint16Array;
  status: Uint16Array;
  country: Uint32Array;
  countries: ReadonlyMap<string, number>;
  /** Site i's minerals are mineral[start[i]] .. mineral[start[i + 1] - 1] (as listed, repeats included). */
  start: Uint32Array;
  mineral: Uint16Array;
}

export interface SiteFacets {
  minerals: Map<string, number>;
  kinds: Map<string, number>;
  statuses: Map<string, number>;
}

function dictionary(): { list: string[]; code: (v: string) => number; map: Map<string, number> } {
  const list: string[] = [];
  const map = new Map<string, number>();
  return {
    list,
    map,
    code: (v) => {
      let c = map.get(v);
      if (c === undefined) {
        c = list.length;
        map.set(v, c);
        list.push(v);
      }
      return c;
    },
  };
}

export function siteCodes(sites: readonly Site[]): SiteCodes {
  const n = sites.length;
  const minerals = dictionary();
  const kinds = dictionary();
  const statuses = dictionary();
  const countries = dictionary();
  const kind = new Uint16Array(n);
  const status = new Uint16Array(n);
  const country = new Uint32Array(n);
  const start = new Uint32Array(n + 1);
  let total = 0;
  for (const x of sites) total += x.minerals.length;
  const mineral = new Uint16Array(total);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = sites[i] as Site;
    kind[i] = kinds.code(x.kind);
    status[i] = statuses.code(x.status);
    country[i] = countries.code(x.country);
    start[i] = k;
    for (const m of x.minerals) mineral[k++] = minerals.code(m);
  }
  start[n] = k;
  return {
    minerals: minerals.list,
    kinds: kinds.list,
    statuses: statuses.list,
    kind,
    status,
    country,
    countries: countries.map,
    start,
    mineral,
  };
}

/**
 * Faceted-search counts, the rule of the map's site filter: a site counts for a mineral when its kind and status pass
 * (once per listing of the mineral), for its kind when one of its minerals and its status pass, for its status when
 * one of its minerals and its kind pass; a focus country keeps only its own sites. Options with no site are absent.
 */
export function siteFacets(
  c: SiteCodes,
  f: Pick<FilterSpec, 'minerals' | 'kinds' | 'statuses' | 'focus'>,
): SiteFacets {
  const chosen = (list: readonly string[], wanted: readonly string[]) => {
    const ok = new Uint8Array(list.length);
    const set = new Set(wanted);
    list.forEach((v, i) => (ok[i] = set.has(v) ? 1 : 0));
    return ok;
  };
  const mineralOk = chosen(c.minerals, f.minerals);
  const kindOk = chosen(c.kinds, f.kinds);
  const statusOk = chosen(c.statuses, f.statuses);
  // -1: every country; a focus no site has keeps none.
  const focus = f.focus === null ? -1 : (c.countries.get(f.focus) ?? -2);
  const byMineral = new Uint32Array(c.minerals.length);
  const byKind = new Uint32Array(c.kinds.length);
  const byStatus = new Uint32Array(c.statuses.length);
  const { kind, status, country, start, mineral } = c;
  const n = kind.length;
  for (let i = 0; i < n; i++) {
    if (focus !== -1 && country[i] !== focus) continue;
    const from = start[i] as number;
    const to = start[i + 1] as number;
    let anyMineral = false;
    for (let j = from; j < to; j++) if (mineralOk[mineral[j] as number] === 1) anyMineral = true;
    const k = kind[i] as number;
    const s = status[i] as number;
    const kOk = kindOk[k] === 1;
    const sOk = statusOk[s] === 1;
    if (kOk && sOk)
      for (let j = from; j < to; j++) {
        const m = mineral[j] as number;
        byMineral[m] = (byMineral[m] as number) + 1;
      }
    if (anyMineral && sOk) byKind[k] = (byKind[k] as number) + 1;
    if (anyMineral && kOk) byStatus[s] = (byStatus[s] as number) + 1;
  }
  const counts = (list: string[], n: Uint32Array) => {
    const out = new Map<string, number>();
    list.forEach((v, i) => {
      if ((n[i] as number) > 0) out.set(v, n[i] as number);
    });
    return out;
  };
  return {
    minerals: counts(c.minerals, byMineral),
    kinds: counts(c.kinds, byKind),
    statuses: counts(c.statuses, byStatus),
  };
}
