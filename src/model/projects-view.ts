// What the projects panel and the stockpile calculator show: their state in the store and the link.
import type { Arrangement, ProjectStage } from './projects';

/** How capacity over time is stacked, and whether start years are as announced or shifted by their slip. */
export const CAPACITY_GROUPINGS = ['country', 'stage'] as const;
export type CapacityGroupingId = (typeof CAPACITY_GROUPINGS)[number];
export const CAPACITY_READINGS = ['announced', 'delayed'] as const;
export type CapacityReadingId = (typeof CAPACITY_READINGS)[number];

export interface ProjectsView {
  /** The projects layer is drawn and its panel open (`projects=1`). */
  open: boolean;
  /** Project stages shown; empty = every stage. */
  stages: ProjectStage[];
  /** Only projects supported by this government (ISO3, or `EU`); null = any. */
  government: string | null;
  /** Only projects tied to this arrangement; null = any. */
  arrangement: Arrangement | null;
  /** The selected project's id. */
  selected: string | null;
  capacityBy: CapacityGroupingId;
  capacityReading: CapacityReadingId;
}

export function defaultProjectsView(): ProjectsView {
  return {
    open: false,
    stages: [],
    government: null,
    arrangement: null,
    selected: null,
    capacityBy: 'country',
    capacityReading: 'announced',
  };
}

/** Stockpile cover in the scenario panel: months of lost imports to cover, and a stockpile (tonnes) to test. */
export interface StockpileView {
  months: number;
  tonnes: number;
}
export const DEFAULT_STOCKPILE: StockpileView = { months: 6, tonnes: 0 };
/** The longest cover a link may ask for, in months. */
export const MAX_STOCKPILE_MONTHS = 120;
