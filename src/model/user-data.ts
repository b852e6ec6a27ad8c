// The reader's own data as the app keeps it: files of sites or flows read in this browser, never uploaded.
import type { Iso3, MineralId, SiteKind, SiteStatus } from './types';

/** A site from the reader's own file. Text fields are plain strings (never HTML), cleaned by cleanText. */
export interface UserSite {
  /** `user-1`, `user-2`, ... in file order of the sites kept. */
  id: string;
  origin: 'user';
  name: string;
  /** [lng, lat] degrees. */
  position: [number, number];
  /** Absent when the file does not say. */
  kind?: SiteKind;
  /** Known mineral ids; empty when the file does not say. */
  minerals: MineralId[];
  country?: Iso3;
  /** `unknown` when the file does not say. */
  status: SiteStatus;
  notes?: string;
  /** The reader's citation, as written. */
  source?: string;
  /** Where the row is in the file (Table.rowUnit: line or feature number). */
  row: number;
}

/** A flow from the reader's own file: one exporter, importer, mineral and year. */
export interface UserFlow {
  /** `user-flow-1`, ... in file order of the flows kept. */
  id: string;
  origin: 'user';
  year: number;
  exporter: Iso3;
  importer: Iso3;
  mineral: MineralId;
  /** US dollars, >= 0. */
  valueUsd: number;
  /** Metric tonnes, >= 0; null where the file has none. */
  tonnes: number | null;
  row: number;
}

export interface Rejected {
  /** Line number (CSV, header = line 1) or feature number (GeoJSON), 1-based. */
  row: number;
  reason: string;
}

/** At most this many rejected rows are kept with a file (the count is exact; the list says "and N more"). */
export const MAX_KEPT_REJECTIONS = 500;

/** One file the reader opened: what it held, what was kept and what was rejected. */
export interface UserFile {
  /** `file-<time>-<n>`: unique in this browser. */
  id: string;
  /** The file's name, as the reader's system gave it (shown as text, never as HTML). */
  name: string;
  kind: 'sites' | 'flows';
  /** ISO date-time the file was read. */
  addedAt: string;
  /** Data rows read (kept + rejected). */
  rowCount: number;
  rowUnit: 'line' | 'feature';
  /** Rejected rows, the first MAX_KEPT_REJECTIONS of them. */
  rejected: Rejected[];
  rejectedCount: number;
  sites: UserSite[];
  flows: UserFlow[];
}

export interface UserDataView {
  files: UserFile[];
  /** Add the reader's flows to the scenario and allied figures (marked so in every figure they touch). */
  combine: boolean;
  /** Where the saved files came from: `idle` before the browser store was read, `ready` after, `unavailable` without one. */
  storage: 'idle' | 'ready' | 'unavailable';
}

export const emptyUserData = (): UserDataView => ({ files: [], combine: false, storage: 'idle' });
