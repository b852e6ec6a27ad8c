// Supply-shock scenarios: the closed list of scenario ids and the scenario state.
import type { Iso3 } from './types';

/**
 * china-stop: China, Hong Kong and Macau export nothing; route-block: flows on China-exposed sea routes are blocked;
 * custom: chosen exporters stop; controls: every flow an export-control measure in force covers stops (the reading
 * is the filters' `controls`).
 */
export const SCENARIO_IDS = ['china-stop', 'route-block', 'custom', 'controls'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** A supply shock; `exporters` (ISO3) are the ones that stop in the custom scenario (empty otherwise). */
export interface ScenarioState {
  id: ScenarioId;
  exporters: Iso3[];
}
