// Capacity selectors (projects chunk only): the measures the kept projects publish, and capacity by year for one.
import { capacityByYear, capacityKind, type CapacityKind, type CapacityResult } from '../derive/capacity';
import type { ChainStage, Project } from '../model/projects';
import type { ProjectsView } from '../model/projects-view';
import { memo } from './memo';
import { selectProjectList } from './projects';
import type { AppState } from './store';

/** One capacity measure the chart can show: a chain stage and a comparable kind of capacity. */
export interface CapacityMeasure {
  chainStage: ChainStage;
  kind: CapacityKind;
}
const measuresMemo = memo((list: Project[]): CapacityMeasure[] => {
  const seen = new Map<string, CapacityMeasure>();
  for (const p of list) {
    if (!p.capacity) continue;
    const k = capacityKind(p.capacity.unit);
    if (k.kind === null) continue;
    seen.set(`${p.chainStage}|${k.kind}`, { chainStage: p.chainStage, kind: k.kind });
  }
  return [...seen.values()];
});
/** The capacity measures the kept projects have figures for, in table order of first appearance. */
export const selectCapacityMeasures = (s: AppState): CapacityMeasure[] => measuresMemo(selectProjectList(s));

const capacityMemo = memo((list: Project[], m: CapacityMeasure, v: ProjectsView): CapacityResult =>
  capacityByYear(list, {
    chainStage: m.chainStage,
    kind: m.kind,
    reading: v.capacityReading,
    groupBy: v.capacityBy,
  }),
);
/** Capacity outside China by year for a measure, over the kept projects, in the panel's reading and grouping. */
export const selectCapacity = (s: AppState, m: CapacityMeasure): CapacityResult =>
  capacityMemo(selectProjectList(s), m, s.projectsView);
