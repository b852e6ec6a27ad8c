// Country-label placement on the CPU: the most important names first, none overlapping (screen pixels).
import { type FlowSelection } from './flow-selection';
import type { FlowTable } from './flow-table';
import type { FilterIndex } from './filter';
import type { CountryInfo } from '../model/types';

export interface LabelCandidate {
  id: string;
  text: string;
  /** Anchor in screen pixels (the label is centred on it). */
  x: number;
  y: number;
  /** Larger is placed first. */
  priority: number;
}

export interface LabelBox {
  /** Average glyph advance in pixels (11 px system sans: ~6.3 px) and line height, both before padding. */
  charWidthPx: number;
  heightPx: number;
  /** Extra space around each label, in pixels. */
  padPx: number;
}

export const LABEL_BOX: LabelBox = { charWidthPx: 6.3, heightPx: 13, padPx: 3 };

/**
 * Greedy placement, as map renderers do: candidates by priority (ties by id, so the result is deterministic); a label
 * is kept when its box does not overlap a kept one. Off-screen anchors are left out. Returns the kept ids, in order.
 * O(n * kept), fine for the ~250 countries.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  width: number,
  height: number,
  box: LabelBox = LABEL_BOX,
): string[] {
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  const kept: { x0: number; y0: number; x1: number; y1: number; id: string }[] = [];
  for (const c of order) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    if (c.x < 0 || c.y < 0 || c.x > width || c.y > height) continue;
    const hw = (c.text.length * box.charWidthPx) / 2 + box.padPx;
    const hh = box.heightPx / 2 + box.padPx;
    const b = { x0: c.x - hw, y0: c.y - hh, x1: c.x + hw, y1: c.y + hh, id: c.id };
    if (kept.some((k) => b.x0 < k.x1 && k.x0 < b.x1 && b.y0 < k.y1 && k.y0 < b.y1)) continue;
    kept.push(b);
  }
  return kept.map((k) => k.id);
}

/**
 * The country names to show for the drawn flows: at world zoom only countries trading in them (by drawn value, USD,
 * as exporter or importer), from `allLabels` zoom on every country with a label point; placed by `placeLabels` for
 * the camera `project` describes (lng/lat -> screen pixels).
 */
export function countryLabels(
  countries: ReadonlyMap<string, CountryInfo>,
  index: FilterIndex,
  table: FlowTable,
  drawn: FlowSelection,
  allLabels: boolean,
  project: (lngLat: readonly [number, number]) => [number, number],
  width: number,
  height: number,
): { text: string; lngLat: [number, number] }[] {
  const byCountry = new Float64Array(index.country.size);
  for (let k = 0; k < drawn.shownCount; k++) {
    const r = drawn.passingRows[k] as number;
    const v = table.usd[r] as number;
    const e = table.exporter[r] as number;
    const i = table.importer[r] as number;
    if (e >= 0) byCountry[e] = (byCountry[e] as number) + v;
    if (i >= 0) byCountry[i] = (byCountry[i] as number) + v;
  }
  const candidates: LabelCandidate[] = [];
  for (const c of countries.values()) {
    const w = byCountry[index.country.get(c.iso3) ?? -1] ?? 0;
    if (!c.label || (!allLabels && !(w > 0))) continue;
    const [x, y] = project(c.label);
    candidates.push({ id: c.iso3, text: c.name, x, y, priority: Math.log10(1 + w) });
  }
  return placeLabels(candidates, width, height).flatMap((id) => {
    const c = countries.get(id);
    return c?.label ? [{ text: c.name, lngLat: c.label }] : [];
  });
}
