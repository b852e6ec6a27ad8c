// Entry of the lazily loaded scenario chunk: the two panels, and what the map draws for a scenario.
import { isFlowLost } from '../derive/scenario';
import type { Flow } from '../model/types';
import type { Scenario } from '../derive/scenario';

export { selectLossByImporter, selectScenarioSpec } from '../state/scenario';
export { mountScenarioPanel } from '../ui/scenario-panel';
export { mountAlliesPanel } from '../ui/allies-panel';

/** Which flows the scenario cuts (drawn grey on the map). */
export function lostPredicate(scenario: Scenario): (flow: Flow) => boolean {
  return (flow) => isFlowLost(flow, scenario);
}
