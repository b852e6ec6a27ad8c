// What the CSV and GeoJSON exports hold: one record per visible site and drawn flow, the same columns in both.
import { more } from '../i18n/more';
import { csvField } from '../derive/csv';
import { SCENARIO_CSV_COLUMNS } from '../derive/scenario';
import { kindLabel, reasonLabel, statusLabel, type Lang } from '../i18n';
import { PRECISIONS, SITE_KINDS, SITE_STATUSES, type Precision } from '../model/types';
import { RISK_REASONS } from '../model/filters';
import { decodeRisk, readRisk, RISK_BITS } from '../derive/risk-codes';
import { flowCoverage, productOf } from '../derive/products';
import { readingLabel, selectFlowControls } from './measures';
import type { Flow, Source } from '../model/types';
import { selectDrawnFlows, selectVisibleSites } from './selectors';
import type { AppState } from './store';
import { userExportRecords } from './user-export';

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
  // The reader's own rows the filters keep, after ours and marked by their record type.
  out.push(...userExportRecords(s, empty));
  return out;
}

const NOT_LOADED = 'controlled (measure table not loaded)';

/** The measures that make a flow controlled (ids), "none", or why they are not named (the table did not load). */
function controlsCell(s: AppState, f: Flow): string {
  const controlled = (readRisk(f.risk, s.filters.controls) & RISK_BITS.controlled) !== 0;
  if (!controlled) return 'none';
  if (!s.measures) return NOT_LOADED;
  return selectFlowControls(s, f)
    .map((m) => m.id)
    .join(';');
}

/**
 * How the export's column headers are written. `ids`: the stable snake_case ids of EXPORT_COLUMNS (for scripts; the
 * same in every language). Otherwise the column names in `lang` (in English the names are the ids, so English output
 * is the same either way). GeoJSON property keys are always the ids.
 */
export interface ExportOptions {
  lang: Lang;
  ids: boolean;
}

/** The reader's choice "column names as stable ids for scripts", for this page session (the toolbar sets it). */
let idsPreferred = false;
export const exportIdsPreferred = (): boolean => idsPreferred;
export function preferExportIds(on: boolean): void {
  idsPreferred = on;
}

/** True when the export writes ids and codes (machine mode): always in English, where the labels are the ids. */
export const machineMode = (o: ExportOptions): boolean => o.ids || o.lang === 'en';

/** A column's header: its id in machine mode, else its name in the language. */
export const exportColumnLabel = (o: ExportOptions, c: ExportColumn): string =>
  machineMode(o) ? c : more(o.lang).exportColumns[c];

const isKind = (v: string): v is (typeof SITE_KINDS)[number] => (SITE_KINDS as readonly string[]).includes(v);
const isStatus = (v: string): v is (typeof SITE_STATUSES)[number] =>
  (SITE_STATUSES as readonly string[]).includes(v);
const isPrecision = (v: string): v is Precision => (PRECISIONS as readonly string[]).includes(v);
const isReason = (v: string): v is (typeof RISK_REASONS)[number] =>
  (RISK_REASONS as readonly string[]).includes(v);

/**
 * A cell for people: in machine mode the value as exported (ids and codes). Otherwise the closed-list words are put
 * in the language (record type, site kind, status, location precision, China risk reasons, "none" and "not loaded"
 * in the controls column); identifiers (record ids, ISO3 codes, mineral ids, HS codes, measure ids), numbers and
 * free text from the sources (names, operators, capacity, coverage, the controls reading, citations) stay as they are.
 */
export function exportCell(
  o: ExportOptions,
  c: ExportColumn,
  v: ExportRecord[ExportColumn],
): string | number | null {
  if (machineMode(o) || typeof v !== 'string') return v;
  const m = more(o.lang).exportValues;
  switch (c) {
    case 'record_type':
      return v === 'site' || v === 'flow' || v === 'user_site' || v === 'user_flow' ? m[v] : v;
    case 'kind':
      return isKind(v) ? kindLabel(o.lang, v) : v;
    case 'status':
      return isStatus(v) ? statusLabel(o.lang, v) : v;
    case 'precision':
      return isPrecision(v) ? m[v] : v;
    case 'china_risk_reasons':
      return v === 'none'
        ? m.none
        : v
            .split(';')
            .map((r) => (isReason(r) ? reasonLabel(o.lang, r) : r))
            .join(';');
    case 'export_controls':
      return v === 'none' ? m.none : v === NOT_LOADED ? m.notLoaded : v;
    default:
      return v;
  }
}

/**
 * CSV (RFC 4180, CRLF) of the visible sites and drawn flows: a header row (the ids of EXPORT_COLUMNS, or their names
 * in the reader's language, see ExportOptions), a row per record. English output is the same with either option.
 */
export function viewCsv(s: AppState, o: ExportOptions = { lang: 'en', ids: true }): string {
  const rows = exportRecords(s).map(({ record }) =>
    EXPORT_COLUMNS.map((c) => csvField(exportCell(o, c, record[c]))).join(','),
  );
  const header = EXPORT_COLUMNS.map((c) => csvField(exportColumnLabel(o, c))).join(',');
  return [header, ...rows].join('\r\n') + '\r\n';
}

/**
 * GeoJSON of the same records: properties are exactly the CSV's columns, keyed by the ids in every language (they are
 * code), with the values as exported (null geometry for a flow without anchors). In a language other than English
 * the collection carries a foreign member `column_labels` (RFC 7946 section 6.1): `lang` and each id's name in that
 * language, for people; English output has none (the names are the ids).
 */
export function viewGeoJson(s: AppState, lang: Lang = 'en'): string {
  const features = exportRecords(s).map(({ record, geometry }) => ({
    type: 'Feature',
    geometry,
    properties: record,
  }));
  if (lang === 'en') return JSON.stringify({ type: 'FeatureCollection', features });
  const labels = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, more(lang).exportColumns[c]]));
  return JSON.stringify({ type: 'FeatureCollection', column_labels: { lang, labels }, features });
}

/**
 * The scenario CSV's header row: the stable ids of SCENARIO_CSV_COLUMNS when `ids` (for scripts) or in English (the
 * English names are the ids), else the column names in `lang`. Same order and length as SCENARIO_CSV_COLUMNS.
 */
export function scenarioCsvHeader(lang: Lang, ids: boolean): readonly string[] {
  if (ids || lang === 'en') return SCENARIO_CSV_COLUMNS;
  const m = more(lang).scenarioColumns;
  const n = (i: number) => String(i);
  return [
    m.importer_iso3,
    m.importer,
    m.imports_before_usd,
    m.imports_after_usd,
    m.lost_usd,
    m.loss_share,
    m.imports_before_tonnes,
    m.imports_after_tonnes,
    m.tonnes_complete,
    ...[1, 2, 3].flatMap((i) => [
      m.supplierIso3(n(i)),
      m.supplier(n(i)),
      m.supplierUsd(n(i)),
      m.supplierShare(n(i)),
    ]),
    m.lost_tonnes,
    m.stockpile_months,
    m.stockpile_tonnes,
    m.stockpile_usd,
    m.mineral,
    m.year,
    m.scenario,
    m.source,
    m.coverage,
  ];
}
