// Projects outside China that add critical-mineral capacity, and their public support: closed lists and records.
import type { Capacity, Iso3, MineralId, Precision, Source } from './types';

/** Where a project stands, as of its `vintage` (data/curated/projects.md, `project_stage`). */
export const PROJECT_STAGES = [
  'exploration',
  'feasibility',
  'permitting',
  'financing',
  'construction',
  'commissioning',
  'operating',
  'stalled',
  'cancelled',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** The supply-chain step the supported capacity belongs to (`separation` = rare-earth oxides). */
export const CHAIN_STAGES = [
  'mine',
  'separation',
  'refinery',
  'metal-alloy',
  'magnet',
  'battery-materials',
  'recycling',
] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

/**
 * The kind of public support, exactly as the curated table writes it (data/curated/projects.md): `grant` includes
 * DPA Title III cost-share contracts; `loan` includes conditional commitments; `letter-of-interest` is non-binding;
 * `other` covers designations (EU CRMA strategic project), development funding, tax abatements and unsplit packages.
 */
export const SUPPORT_INSTRUMENTS = [
  'grant',
  'loan',
  'equity',
  'offtake',
  'price-floor',
  'guarantee',
  'letter-of-interest',
  'other',
] as const;
export type SupportInstrument = (typeof SUPPORT_INSTRUMENTS)[number];

/**
 * Government-to-government arrangements a project is tied to. The table writes `none-stated` when none was found;
 * that is an empty list here, not a value.
 */
export const ARRANGEMENTS = ['us-japan-framework', 'bilateral', 'eu-strategic', 'msp'] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];

/** Announced years of first production; null where no year is known. */
export interface StartYear {
  /** The first year announced. */
  announced: number | null;
  /** The latest year announced, when it differs from the first. */
  revised: number | null;
  /** What the sources said about the schedule, with dates. */
  note: string | null;
}

/** The key permit. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (they sort as text); null where not published. */
export interface Permit {
  applied: string | null;
  granted: string | null;
  /** Which permit. */
  note: string | null;
}

/** One support action: an award, a loan, an equity deal, a letter, a designation. */
export interface Support {
  /** The supporting body, with its programme in brackets. */
  agency: string;
  /** ISO3 of the supporting government, or `EU` for EU institutions. */
  country: Iso3 | 'EU';
  instrument: SupportInstrument;
  /** As stated, in `currency` units ("up to" ceilings included); null if not stated or if it would double count. */
  amount: number | null;
  /** ISO 4217 code; always set when `amount` is. */
  currency: string | null;
  /** Announcement date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no day is guessed). */
  date: string;
  /** Where the support stood at that date, free text ("conditional commitment", "closed (supersedes ...)"). */
  status: string;
  source: Source;
  notes: string;
}

/** One project, with every support action recorded for it (oldest first). */
export interface Project {
  id: string;
  name: string;
  operator: string | null;
  country: Iso3;
  minerals: MineralId[];
  chainStage: ChainStage;
  stage: ProjectStage;
  /** [lng, lat] degrees. */
  position: [number, number];
  precision: Precision;
  /** Main products, plain text. */
  product: string;
  /** Published nameplate or target; the unit says what it measures. Null where no figure was published. */
  capacity: Capacity | null;
  startYear: StartYear;
  permit: Permit;
  /** Procedural acceleration ("FAST-41 covered project", "EU CRMA strategic project (2025-03)"); null if none. */
  fastTrack: string | null;
  arrangements: Arrangement[];
  /** The site in sites.geojson this project is at, or null where none matches (data/pipeline/project-sites.ts). */
  siteId: string | null;
  sources: Source[];
  /** Year the stage and capacity are as of. */
  vintage: number;
  notes: string;
  support: Support[];
}

/** public/data/projects.json */
export interface ProjectsFile {
  projects: Project[];
  /** Where the file comes from (the curated tables); each project and support row carries its own citation. */
  sources: Source[];
}
