// What the CSV and GeoJSON exports hold: one record per visible site and drawn flow, the same columns in both.
import { csvField } from '../derive/csv';
import { decodeRisk, readRisk, RISK_BITS } from '../derive/risk-codes';
import { flowCoverage, productOf } from '../derive/products';
import { readingLabel, selectFlowControls } from './measures';
import type { Flow, Source } from '../model/types';
import { selectDrawnFlows, selectVisibleSites } from './selectors';
import type { AppState } from './store';

/** The export's columns, in order: the CSV's header and every GeoJSON feature's property keys. */
export const EXPORT_COLUMNS = [
  'record_type',
  'id',
  'name',
  'kind',
  'minerals',
  'country',
  'status',
  'operator',
  'capacity',
  'precision',
  'lng',
  'lat',
  'vintage',
  'year',
  'exporter',
  'importer',
  'mineral',
  'hs',
  'coverage',
  'value_usd',
  'tonnes',
  'china_risk_reasons',
  'controls_reading',
  'export_controls',
  'sources',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
/** One exported record: every column present, null where it does not apply or is unknown. */
export type ExportRecord = Record<ExportColumn, string | number | null>;

function sourcesText(sources: readonly Source[]): string {
  return sources.map((x) => `${x.publisher} (${x.year}). ${x.title}${x.url ? ` ${x.url}` : ''}`).join(' | ');
}

const empty = (): ExportRecord =>
  Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, null])) as Record<ExportColumn, null>;

/** A record per visible site and drawn flow, with geometry: a site's point, a flow's two anchors (if known). */
export function exportRecords(s: AppState): { record: ExportRecord; geometry: unknown }[] {
  const out: { record: ExportRecord; geometry: unknown }[] = [];
  for (const x of selectVisibleSites(s)) {
    out.push({
      geometry: { type: 'Point', coordinates: x.position },
      record: {
        ...empty(),
        record_type: 'site',
        id: x.id,
        name: x.name,
        kind: x.kind,
        minerals: x.minerals.join(';'),
        country: x.country,
        status: x.status,
        operator: x.operator ?? null,
        capacity: x.capacity ? `${x.capacity.value} ${x.capacity.unit}` : null,
        precision: x.precision,
        lng: x.position[0],
        lat: x.position[1],
        vintage: x.vintage,
        sources: sourcesText(x.sources),
      },
    });
  }
  const yearData = s.years[s.filters.year];
  const yearSources = sourcesText(yearData?.sources ?? []);
  const minerals = s.data?.minerals ?? [];
  const reading = readingLabel(s.filters.controls, s.measures?.asOf ?? null);
  const countries = s.data?.countries;
  for (const f of selectDrawnFlows(s).shown) {
    const product = productOf(minerals, f.mineral, f.hs);
    const a = countries?.get(f.exporter)?.anchor;
    const b = countries?.get(f.importer)?.anchor;
    out.push({
      geometry: a && b ? { type: 'LineString', coordinates: [a, b] } : null,
      record: {
        ...empty(),
        record_type: 'flow',
        id: f.id,
        minerals: f.mineral,
        year: f.year,
        exporter: f.exporter,
        importer: f.importer,
        mineral: f.mineral,
        hs: f.hs,
        coverage: flowCoverage(product, yearData?.complete[f.mineral]),
        value_usd: f.valueUsd,
        tonnes: f.tonnes,
        china_risk_reasons: decodeRisk(readRisk(f.risk, s.filters.controls)).join(';') || 'none',
        controls_reading: reading,
        export_controls: controlsCell(s, f),
        sources: product?.reportedBy ? sourcesText(product.sources) : yearSources,
      },
    });
  }
  return out;
}

/** The measures that make a flow controlled (ids), "none", or why they are not named (the table did not load). */
function controlsCell(s: AppState, f: Flow): string {
  const controlled = (readRisk(f.risk, s.filters.controls) & RISK_BITS.controlled) !== 0;
  if (!controlled) return 'none';
  if (!s.measures) return 'controlled (measure table not loaded)';
  return selectFlowControls(s, f)
    .map((m) => m.id)
    .join(';');
}

/** CSV (RFC 4180, CRLF) of the visible sites and drawn flows: a header row of EXPORT_COLUMNS, a row per record. */
export function viewCsv(s: AppState): string {
  const rows = exportRecords(s).map(({ record }) => EXPORT_COLUMNS.map((c) => csvField(record[c])).join(','));
  return [EXPORT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** GeoJSON of the same records: properties are exactly the CSV's columns (null geometry for a flow without anchors). */
export function viewGeoJson(s: AppState): string {
  const features = exportRecords(s).map(({ record, geometry }) => ({
    type: 'Feature',
    geometry,
    properties: record,
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}
