// A reader's rows to sites or flows under the project's rules (closed lists, ranges); each bad row rejected with why.
import { SITE_KINDS, SITE_STATUSES } from '../../model/types';
import type { Iso3, MineralId, SiteKind, SiteStatus } from '../../model/types';
import type { Rejected, UserFlow, UserSite } from '../../model/user-data';

export type { Rejected, UserFlow, UserSite } from '../../model/user-data';
import type { ColumnIndexes, Field, UserDataKind } from './columns';
import type { Progress, Table } from './parse';
import { PROGRESS_EVERY } from './parse';
import { cleanText, quote } from './text';

/** The project's minerals and countries (public/data/minerals.json, countries.json) that cells are matched to. */
export interface Reference {
  minerals: readonly { id: MineralId; name: string }[];
  countries: readonly { iso3: Iso3; name: string }[];
}

/** Reference as lookups: lower-case id or name to id. Build once per reference with makeLookup. */
export interface Lookup {
  minerals: Map<string, MineralId>;
  countries: Map<string, Iso3>;
}

const key = (v: string): string => v.trim().toLowerCase().replace(/\s+/g, ' ');
/** A lookup by key, trying the cell as written first (the common case, and the fastest). */
const find = <T>(map: Map<string, T>, v: string): T | undefined => map.get(v) ?? map.get(key(v));

export function makeLookup(ref: Reference): Lookup {
  const minerals = new Map<string, MineralId>();
  for (const m of ref.minerals) {
    minerals.set(key(m.id), m.id);
    minerals.set(key(m.name), m.id);
  }
  const countries = new Map<string, Iso3>();
  for (const c of ref.countries) {
    countries.set(key(c.iso3), c.iso3);
    countries.set(key(c.name), c.iso3);
  }
  return { minerals, countries };
}

/** Plain decimals only: digits, one optional point, an optional leading minus (no 1e5, 0x10, NaN, 1,000). */
const PLAIN_DECIMAL_RE = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** A plain decimal number, or a reason it is not one. */
export function plainNumber(v: string, what: string): number | string {
  const s = v.trim();
  if (s === '') return `${what} is empty`;
  if (!PLAIN_DECIMAL_RE.test(s))
    return `${what} ${quote(s)} is not a plain number (digits and a decimal point)`;
  const n = Number(s);
  return n === 0 ? 0 : n; // -0 reads as 0
}

function inRange(v: string, what: string, min: number, max: number, reasons: string[]): number | null {
  const n = plainNumber(v, what);
  if (typeof n === 'string') reasons.push(n);
  else if (n < min || n > max) reasons.push(`${what} ${quote(v)} is outside ${min} to ${max}`);
  else return n;
  return null;
}

/** A closed-list word as written in files: lower case, spaces and underscores as dashes. */
const listWord = (v: string): string =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

function nonNegative(v: string, what: string, reasons: string[]): number | null {
  const n = plainNumber(v, what);
  if (typeof n === 'string') reasons.push(n);
  else if (n < 0) reasons.push(`${what} ${quote(v)} is negative`);
  else return n;
  return null;
}

function country(v: string, what: string, lookup: Lookup, reasons: string[]): Iso3 | null {
  if (v.trim() === '') {
    reasons.push(`${what} is empty`);
    return null;
  }
  const c = find(lookup.countries, v);
  if (c === undefined) reasons.push(`unknown ${what} ${quote(v)} (an ISO3 code or a country name)`);
  return c ?? null;
}

function mineral(v: string, lookup: Lookup, reasons: string[]): MineralId | null {
  const m = find(lookup.minerals, v);
  if (m === undefined) reasons.push(`unknown mineral ${quote(v)}`);
  return m ?? null;
}

type Cells = Partial<Record<Field, string>>;

function toSite(c: Cells, lookup: Lookup, reasons: string[]): Omit<UserSite, 'id' | 'row'> | null {
  const name = cleanText(c.name ?? '');
  if (name === '') reasons.push('name is empty');
  const lat = inRange(c.lat ?? '', 'latitude', -90, 90, reasons);
  const lng = inRange(c.lng ?? '', 'longitude', -180, 180, reasons);
  let kind: SiteKind | undefined;
  if (c.kind !== undefined && c.kind.trim() !== '') {
    const k = listWord(c.kind);
    if ((SITE_KINDS as readonly string[]).includes(k)) kind = k as SiteKind;
    else reasons.push(`kind ${quote(c.kind)} is not one of ${SITE_KINDS.join(', ')}`);
  }
  let status: SiteStatus = 'unknown';
  if (c.status !== undefined && c.status.trim() !== '') {
    const s = listWord(c.status);
    if ((SITE_STATUSES as readonly string[]).includes(s)) status = s as SiteStatus;
    else reasons.push(`status ${quote(c.status)} is not one of ${SITE_STATUSES.join(', ')}`);
  }
  const minerals: MineralId[] = [];
  const mineralCell = c.mineral ?? '';
  for (const word of /[;,|]/.test(mineralCell) ? mineralCell.split(/[;,|]/) : [mineralCell]) {
    if (word.trim() === '') continue;
    const m = mineral(word, lookup, reasons);
    if (m !== null && !minerals.includes(m)) minerals.push(m);
  }
  const iso3 =
    c.country !== undefined && c.country.trim() !== ''
      ? country(c.country, 'country', lookup, reasons)
      : null;
  if (reasons.length > 0 || lat === null || lng === null) return null;
  const site: Omit<UserSite, 'id' | 'row'> = { origin: 'user', name, position: [lng, lat], minerals, status };
  if (kind !== undefined) site.kind = kind;
  if (iso3 !== null) site.country = iso3;
  const notes = cleanText(c.notes ?? '');
  if (notes !== '') site.notes = notes;
  const source = cleanText(c.source ?? '');
  if (source !== '') site.source = source;
  return site;
}

function toFlow(c: Cells, lookup: Lookup, reasons: string[]): Omit<UserFlow, 'id' | 'row'> | null {
  const exporter = country(c.exporter ?? '', 'exporter', lookup, reasons);
  const importer = country(c.importer ?? '', 'importer', lookup, reasons);
  if (exporter !== null && exporter === importer) reasons.push('exporter and importer are the same country');
  const m =
    (c.mineral ?? '').trim() === ''
      ? (reasons.push('mineral is empty'), null)
      : mineral(c.mineral ?? '', lookup, reasons);
  const y = (c.year ?? '').trim();
  let year: number | null = null;
  if (!/^\d{4}$/.test(y) || Number(y) < 1900 || Number(y) > 2100)
    reasons.push(y === '' ? 'year is empty' : `year ${quote(y)} is not a whole year from 1900 to 2100`);
  else year = Number(y);
  const value = nonNegative(c.value ?? '', 'value', reasons);
  let tonnes: number | null = null;
  if ((c.tonnes ?? '').trim() !== '') {
    tonnes = nonNegative(c.tonnes ?? '', 'tonnes', reasons);
  }
  if (
    reasons.length > 0 ||
    exporter === null ||
    importer === null ||
    m === null ||
    year === null ||
    value === null
  )
    return null;
  return { origin: 'user', year, exporter, importer, mineral: m, valueUsd: value, tonnes };
}

export type Validated =
  | { kind: 'sites'; items: UserSite[]; rejected: Rejected[] }
  | { kind: 'flows'; items: UserFlow[]; rejected: Rejected[] };

/**
 * Every row of a table checked as a site or a flow: rows that pass become items, the others are rejected with their
 * row number and every reason (joined with "; "). onProgress gets the fraction done every PROGRESS_EVERY rows.
 */
export function validateRows(
  table: Table,
  indexes: ColumnIndexes,
  kind: UserDataKind,
  lookup: Lookup,
  onProgress?: Progress,
): Validated {
  const rejected: Rejected[] = [];
  const sites: UserSite[] = [];
  const flows: UserFlow[] = [];
  const n = table.rows.length;
  const columns = Object.entries(indexes) as [Field, number][];
  for (let i = 0; i < n; i++) {
    const row = table.rowNumbers[i] as number;
    const problem = table.problems.get(i);
    if (problem !== undefined) rejected.push({ row, reason: problem });
    else {
      const cells: Cells = {};
      const cellsOf = table.rows[i] as string[];
      for (const [field, at] of columns) cells[field] = cellsOf[at] ?? '';
      const reasons: string[] = [];
      if (kind === 'sites') {
        const s = toSite(cells, lookup, reasons);
        if (s) sites.push({ id: `user-${sites.length + 1}`, ...s, row });
      } else {
        const f = toFlow(cells, lookup, reasons);
        if (f) flows.push({ id: `user-flow-${flows.length + 1}`, ...f, row });
      }
      if (reasons.length > 0) rejected.push({ row, reason: reasons.join('; ') });
    }
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress((i + 1) / n);
  }
  return kind === 'sites' ? { kind, items: sites, rejected } : { kind, items: flows, rejected };
}
