// The search index: what the search box finds (sites, countries, minerals, measures, projects), normalised once, ranked.
import type { Measure } from '../model/measures';
import type { Project } from '../model/projects';
import type { CountryInfo, Mineral, Site } from '../model/types';

/** Result groups, in the order they are shown. */
export const SEARCH_TYPES = ['site', 'country', 'mineral', 'measure', 'project'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** A thing the box can find: its type and id (what selecting it acts on), the label and detail shown. */
export interface SearchResult {
  type: SearchType;
  id: string;
  label: string;
  detail: string;
}

/** A result plus further text it is found by (operator, ISO3, id). */
export interface SearchItem extends SearchResult {
  extra: readonly string[];
}

export interface SearchGroup {
  type: SearchType;
  results: SearchResult[];
}

/** Per type, items sorted by label, with their normalised label and haystack (" label extra…", words space-separated). */
export interface SearchIndex {
  groups: { type: SearchType; items: SearchItem[]; names: string[]; hays: string[] }[];
  size: number;
}

const MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, diacritics stripped (NFD), everything but letters and digits to single spaces, trimmed. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(NON_WORD, ' ').trim();
}

/** Build the index once (sorting and normalising every item); searching then only compares strings. */
export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
  const groups = SEARCH_TYPES.map((type) => {
    const of = items
      .filter((i) => i.type === type)
      .map((item) => ({ item, name: normalise(item.label) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      type,
      items: of.map((x) => x.item),
      names: of.map((x) => x.name),
      hays: of.map((x) => ` ${[x.name, ...x.item.extra.map(normalise)].join(' ')}`),
    };
  });
  return { groups, size: items.length };
}

/** Rank of a match: the name starts with the query; every word starts a word; every word occurs somewhere. */
const NAME_PREFIX = 0;
const WORD_PREFIX = 1;
const SUBSTRING = 2;
const NO_MATCH = 3;

function rank(
  name: string,
  hay: string,
  query: string,
  words: readonly string[],
  spaced: readonly string[],
): number {
  if (name.startsWith(query)) return NAME_PREFIX;
  let r = WORD_PREFIX;
  for (let w = 0; w < words.length; w++) {
    if (hay.includes(spaced[w] as string)) continue;
    if (!hay.includes(words[w] as string)) return NO_MATCH;
    r = SUBSTRING;
  }
  return r;
}

/**
 * Up to `perGroup` results of each type that has any, in SEARCH_TYPES order; within a group by rank (name prefix, word
 * prefix, substring), then by label. Every word of a multi-word query must match. An empty query finds nothing.
 */
export function searchIndex(index: SearchIndex, query: string, perGroup = 5): SearchGroup[] {
  const q = normalise(query);
  if (q === '') return [];
  const words = q.split(' ');
  const spaced = words.map((w) => ` ${w}`);
  const out: SearchGroup[] = [];
  for (const g of index.groups) {
    // Items are sorted by label, so each rank's bucket fills in label order and stops at perGroup.
    const buckets: number[][] = [[], [], []];
    const first = buckets[NAME_PREFIX] as number[];
    for (let i = 0; i < g.items.length && first.length < perGroup; i++) {
      const r = rank(g.names[i] as string, g.hays[i] as string, q, words, spaced);
      if (r === NO_MATCH) continue;
      const b = buckets[r] as number[];
      if (b.length < perGroup) b.push(i);
    }
    const results: SearchResult[] = [];
    for (const b of buckets) {
      for (const i of b) {
        if (results.length >= perGroup) break;
        const { type, id, label, detail } = g.items[i] as SearchItem;
        results.push({ type, id, label, detail });
      }
    }
    if (results.length > 0) out.push({ type: g.type, results });
  }
  return out;
}

/** What the index is built from: the static data, and measures and projects once loaded (null before). */
export interface SearchSources {
  sites: readonly Site[];
  countries: ReadonlyMap<string, CountryInfo>;
  minerals: readonly Mineral[];
  measures: readonly Measure[] | null;
  projects: readonly Project[] | null;
  /** A site kind's display name ("Mine"). */
  kindLabel: (kind: Site['kind']) => string;
}

/** Every searchable item, with the detail line each shows. */
export function searchItems(src: SearchSources): SearchItem[] {
  const country = (iso3: string) => src.countries.get(iso3)?.name ?? iso3;
  const mineralNames = new Map(src.minerals.map((m) => [m.id, m.name]));
  const minerals = (ids: readonly string[]) => ids.map((id) => mineralNames.get(id) ?? id).join(', ');
  const items: SearchItem[] = [];
  for (const s of src.sites) {
    items.push({
      type: 'site',
      id: s.id,
      label: s.name,
      detail: `${src.kindLabel(s.kind)}, ${country(s.country)}`,
      extra: s.operator ? [s.operator] : [],
    });
  }
  for (const c of src.countries.values()) {
    items.push({ type: 'country', id: c.iso3, label: c.name, detail: c.iso3, extra: [c.iso3] });
  }
  for (const m of src.minerals) {
    items.push({ type: 'mineral', id: m.id, label: m.name, detail: 'Mineral', extra: [m.id] });
  }
  for (const m of src.measures ?? []) {
    items.push({
      type: 'measure',
      id: m.id,
      label: `${country(m.country)}: ${m.announcementNo}`,
      detail: minerals(m.minerals),
      extra: [m.id, ...m.minerals],
    });
  }
  for (const p of src.projects ?? []) {
    items.push({
      type: 'project',
      id: p.id,
      label: p.name,
      detail: country(p.country),
      extra: p.operator ? [p.operator] : [],
    });
  }
  return items;
}
