// Entry of the lazily loaded scenario chunk: the panel plus what the map needs from the scenario maths.
import { type ScenarioState } from '../model/scenario';
import { isFlowLost, scenarioResults } from '../derive/scenario';
import type { Flow } from '../model/types';
import type { AppState } from '../state/store';
import { scenarioFlows } from './scenario';

export { mountScenario, renderScenario } from './scenario';

/** Which flows the scenario cuts (for dimming them on the map). */
export function lostPredicate(scenario: ScenarioState): (flow: Flow) => boolean {
  return (flow) => isFlowLost(flow, scenario);
}

/** Share of imports lost (0..1) per importing country, for the choropleth. */
export function lossByImporter(s: AppState): Map<string, number> {
  if (!s.scenario) return new Map();
  return new Map(scenarioResults(scenarioFlows(s), s.scenario).map((r) => [r.importer, r.lossShare]));
}
