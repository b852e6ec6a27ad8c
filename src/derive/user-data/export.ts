// A reader's file as CSV (as the app read it): stable column ids, formula-safe text cells (csvField), numbers as numbers.
import { csvField } from '../csv';
import { FLOW_FIELDS, SITE_FIELDS } from './columns';
import type { UserFile, UserFlow, UserSite } from '../../model/user-data';

const text = (v: string | undefined): string => csvField(v ?? '');

const userSiteCells = (s: UserSite): string[] => [
  text(s.name),
  String(s.position[1]),
  String(s.position[0]),
  s.kind ?? '',
  // Several minerals in one cell, as the reader's own files may write them.
  text(s.minerals.join(';')),
  s.country ?? '',
  s.status,
  text(s.notes),
  text(s.source),
];

const userFlowCells = (f: UserFlow): string[] => [
  f.exporter,
  f.importer,
  f.mineral,
  String(f.year),
  String(f.valueUsd),
  f.tonnes === null ? '' : String(f.tonnes),
];

/**
 * RFC 4180 (CRLF) CSV of the rows kept from `file`; rejected rows are not in it. Its columns are the fields the file
 * format reads (SITE_FIELDS, FLOW_FIELDS), so the CSV opens again as it is.
 */
export function userFileCsv(file: UserFile): string {
  const lines =
    file.kind === 'sites'
      ? [SITE_FIELDS.join(','), ...file.sites.map((s) => userSiteCells(s).join(','))]
      : [FLOW_FIELDS.join(','), ...file.flows.map((f) => userFlowCells(f).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
