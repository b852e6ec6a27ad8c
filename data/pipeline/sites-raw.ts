// The shape every raw site adapter (data/pipeline/sources/) produces, and helpers they share: commodity names, ids, text.
import type { Capacity, Precision, SiteKind, SiteStatus, Source } from '../../src/model/types';

/** One site row from one dataset, before country checks and de-duplication. */
export interface RawSite {
  /** Stable, URL-safe id derived from the dataset and its row key. */
  id: string;
  dataset: string;
  /** Human pointer to the row, for the report: "ree_main.csv rec_id 9". */
  ref: string;
  name: string;
  kind: SiteKind;
  minerals: string[];
  countryName: string;
  lng: number;
  lat: number;
  status: SiteStatus;
  operator: string | null;
  capacity: Capacity | null;
  precision: Precision;
  source: Source;
  vintage: number;
  notes: string | null;
  /** Higher wins when merging duplicates: curated > facility layers > deposit layers. */
  rank: number;
}

/** Maps raw commodity text to canonical mineral ids, using each mineral's `commodities` list. */
export class CommodityMap {
  private readonly byName = new Map<string, string[]>();
  constructor(minerals: { id: string; commodities: string[] }[]) {
    for (const m of minerals) {
      for (const c of m.commodities) this.byName.set(c, [...(this.byName.get(c) ?? []), m.id]);
    }
  }
  /** Minerals for one commodity term, e.g. "Niobium (columbium)" -> ["niobium"]; [] when not covered. */
  term(raw: string): string[] {
    const t = raw.trim().toLowerCase();
    if (!t || t === '<null>') return [];
    const direct = this.byName.get(t);
    if (direct) return direct;
    const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(t);
    if (paren) {
      const out = [...this.term(paren[1] ?? ''), ...this.term(paren[2] ?? '')];
      if (out.length > 0) return [...new Set(out)];
    }
    if (t.includes('-')) return [...new Set(t.split('-').flatMap((x) => this.byName.get(x.trim()) ?? []))];
    return [];
  }
  /** Minerals for a list of terms (split on the given separators). Sorted, unique. */
  list(raw: string, separators: RegExp): string[] {
    return [...new Set(raw.split(separators).flatMap((t) => this.term(t)))].sort();
  }
}

/** Lower-case kebab-case for ids. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Whitespace collapsed and trimmed; null for empty and the GIS exports' "<null>". */
export function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' || t === '<null>' ? null : t;
}
