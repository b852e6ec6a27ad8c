// Keeps each mineral's arc buffers for the current year, so a filter change reuses GPU data instead of rebuilding it.
import { type ColorBy, type WidthBy } from '../model/filters';
import { arcBuffersFor, arcDatum, arcStyle, EndpointCache, type ArcBuffers } from '../derive/arc-buffers';
import { countAtLeast, type FlowTable } from '../derive/flow-table';
import type { CountryInfo, Flow } from '../model/types';
import { arcLayerData, type ArcLayerData, type FlowArcSet } from './build';

export interface ArcSetStyle {
  colorBy: ColorBy;
  widthBy: WidthBy;
  isLost: ((flow: Flow) => boolean) | null;
  /** Changes whenever colours or widths must be recomputed (colour/width mode, scenario). */
  key: string;
}

interface Entry {
  buffers: ArcBuffers;
  /** Layer data for the style it was made for; null until first drawn. */
  styled: { key: string; data: ArcLayerData } | null;
}

/**
 * Buffers are built the first time a mineral is selected in a year, down to the value threshold drawn (and then kept,
 * hidden when deselected), so that later toggles only change uniforms and instance counts; a lower threshold than
 * built rebuilds them deeper. A new year (a new table) starts afresh, except for the
 * arc end points of each country pair.
 */
export class ArcSets {
  private table: FlowTable | null = null;
  private countries: ReadonlyMap<string, CountryInfo> | null = null;
  private ends = new EndpointCache(0);
  private entries = new Map<number, Entry>();

  sets(
    table: FlowTable,
    countries: ReadonlyMap<string, CountryInfo>,
    selected: readonly number[],
    minValue: number,
    style: ArcSetStyle,
  ): FlowArcSet[] {
    if (countries !== this.countries) {
      // End points depend only on the country pair: kept across years.
      this.countries = countries;
      this.ends = new EndpointCache(countries.size);
    }
    if (table !== this.table) {
      this.table = table;
      this.entries = new Map();
    }
    for (const m of selected) {
      const had = this.entries.get(m);
      const buffers = arcBuffersFor(had?.buffers, table, m, countries, this.ends, minValue);
      if (buffers !== had?.buffers) this.entries.set(m, { buffers, styled: null });
    }
    const out: FlowArcSet[] = [];
    const chosen = new Set(selected);
    for (const [m, e] of this.entries) {
      const b = e.buffers;
      if (e.styled?.key !== style.key) {
        const colours = arcStyle(table, b, style.colorBy, style.widthBy, style.isLost);
        e.styled = { key: style.key, data: arcLayerData(b, colours, (k) => arcDatum(table, b, k)) };
      }
      out.push({ data: e.styled.data, visible: chosen.has(m), count: countAtLeast(b.value, minValue) });
    }
    return out;
  }
}
