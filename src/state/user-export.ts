// The reader's own rows in the CSV, GeoJSON and table: `user_site` and `user_flow` records under the same columns.
import { decodeRisk } from '../derive/risk-codes';
import { userRiskCode } from '../derive/user-filter';
import type { AppState } from './store';
import type { ExportColumn, ExportRecord } from './export';
import { selectUserKept } from './user-data';

/** What a reader's row says of its coverage: not ours, not checked. */
export const USER_COVERAGE = "the reader's own file (not checked against public sources)";

/** The file a kept row came from (ids are `<file id>:<row id>`). */
const fileOf = (s: AppState) => {
  const names = new Map(s.userData.files.map((f) => [f.id, f.name]));
  return (id: string) => names.get(id.slice(0, id.indexOf(':'))) ?? '';
};

/**
 * A record per kept site and flow of the reader's, with geometry like ours (a site's point, a flow's two anchors).
 * `sources` names the file and the reader's own citation; route reasons are origin and destination only.
 */
export function userExportRecords(
  s: AppState,
  empty: () => ExportRecord,
): { record: ExportRecord; geometry: unknown }[] {
  if (s.userData.files.length === 0) return [];
  const kept = selectUserKept(s);
  const file = fileOf(s);
  const countries = s.data?.countries;
  const out: { record: ExportRecord; geometry: unknown }[] = [];
  for (const x of kept.sites) {
    const record: Partial<Record<ExportColumn, string | number | null>> = {
      record_type: 'user_site',
      id: x.id,
      name: x.name,
      kind: x.kind ?? null,
      minerals: x.minerals.join(';') || null,
      country: x.country ?? null,
      status: x.status,
      lng: x.position[0],
      lat: x.position[1],
      coverage: USER_COVERAGE,
      sources: `Your file: ${file(x.id)}${x.source ? ` (${x.source})` : ''}`,
    };
    out.push({ geometry: { type: 'Point', coordinates: x.position }, record: { ...empty(), ...record } });
  }
  for (const f of kept.flows) {
    const a = countries?.get(f.exporter)?.anchor;
    const b = countries?.get(f.importer)?.anchor;
    const record: Partial<Record<ExportColumn, string | number | null>> = {
      record_type: 'user_flow',
      id: f.id,
      minerals: f.mineral,
      year: f.year,
      exporter: f.exporter,
      importer: f.importer,
      mineral: f.mineral,
      coverage: USER_COVERAGE,
      value_usd: f.valueUsd,
      tonnes: f.tonnes,
      china_risk_reasons: decodeRisk(userRiskCode(f)).join(';') || 'none',
      sources: `Your file: ${file(f.id)}`,
    };
    out.push({
      geometry: a && b ? { type: 'LineString', coordinates: [a, b] } : null,
      record: { ...empty(), ...record },
    });
  }
  return out;
}
