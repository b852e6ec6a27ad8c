// Project selectors: the list the filters keep, the supporting governments, capacity over time, permit waits.
import { PROJECT_STAGE_COLORS } from '../config/ramps';
import type { Project, ProjectsFile } from '../model/projects';
import type { ProjectsView } from '../model/projects-view';
import { memo } from './memo';
import type { AppState } from './store';

/** Does a project pass the panel's filters (stage, supporting government, arrangement) and the mineral filter? */
export function projectPasses(p: Project, v: ProjectsView, minerals: readonly string[]): boolean {
  return (
    p.minerals.some((m) => minerals.includes(m)) &&
    (v.stages.length === 0 || v.stages.includes(p.stage)) &&
    (v.government === null || p.support.some((x) => x.country === v.government)) &&
    (v.arrangement === null || p.arrangements.includes(v.arrangement))
  );
}

const listMemo = memo((file: ProjectsFile | null, v: ProjectsView, minerals: readonly string[]): Project[] =>
  file ? file.projects.filter((p) => projectPasses(p, v, minerals)) : [],
);
/** Projects kept by the panel's filters and the selected minerals, in table order. */
export const selectProjectList = (s: AppState): Project[] =>
  listMemo(s.projects, s.projectsView, s.filters.minerals);

const govMemo = memo((file: ProjectsFile | null): string[] =>
  file ? [...new Set(file.projects.flatMap((p) => p.support.map((x) => x.country)))].sort() : [],
);
/** Every government (ISO3, or EU) that supports a project, sorted. */
export const selectSupportingGovernments = (s: AppState): string[] => govMemo(s.projects);

export const selectProject = (s: AppState): Project | null =>
  s.projectsView.selected === null
    ? null
    : (s.projects?.projects.find((p) => p.id === s.projectsView.selected) ?? null);

/**
 * Days from the permit application to the grant (or to `today` while it is pending), where both ends are full dates;
 * null where either date is missing or only a year or month is known.
 */
export function permitWaitDays(p: Project, today: string): { days: number; pending: boolean } | null {
  const full = /^\d{4}-\d{2}-\d{2}$/;
  const { applied, granted } = p.permit;
  if (applied === null || !full.test(applied)) return null;
  const end = granted ?? today;
  if (!full.test(end)) return null;
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${applied}T00:00:00Z`)) / 86_400_000);
  return { days, pending: granted === null };
}

/** A project marker for the map layer (src/layers/build.ts ProjectMarker): colour by stage, size by capacity. */
export interface ProjectMarkerData {
  id: string;
  name: string;
  position: [number, number];
  color: readonly [number, number, number];
  radius: number;
  selected: boolean;
}

/**
 * Marker radius in pixels: 5 without a published capacity; otherwise 6 px plus 2 px per tenfold of the figure (10 t/yr
 * is 8 px, 10,000 t/yr 14 px), capped at 16. Units differ between projects, so size only hints at scale.
 */
export function projectRadius(p: Project): number {
  if (!p.capacity || p.capacity.value <= 0) return 5;
  return Math.min(16, Math.max(6, 6 + 2 * Math.log10(p.capacity.value)));
}

const markersMemo = memo((list: Project[], selected: string | null): ProjectMarkerData[] =>
  list.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    color: PROJECT_STAGE_COLORS[p.stage],
    radius: projectRadius(p),
    selected: p.id === selected,
  })),
);
/** Markers of the kept projects while the layer is open; null when it is closed or the file is not loaded. */
export const selectProjectMarkers = (s: AppState): ProjectMarkerData[] | null =>
  s.projectsView.open && s.projects ? markersMemo(selectProjectList(s), s.projectsView.selected) : null;
