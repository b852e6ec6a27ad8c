// The funded-projects layer: rings coloured by stage, sized by capacity, the selected one filled (no state, no DOM).
import { ScatterplotLayer } from '@deck.gl/layers';
import type { ProjectMarkerData } from '../state/projects';

/** A project on the map (src/state/projects.ts): position, colour by stage, radius by capacity, selected. */
export type ProjectMarker = ProjectMarkerData;

export function projectsLayer(markers: readonly ProjectMarker[]): ScatterplotLayer<ProjectMarker> {
  return new ScatterplotLayer<ProjectMarker>({
    id: 'projects',
    data: markers,
    getPosition: (d) => d.position,
    getRadius: (d) => d.radius,
    radiusUnits: 'pixels',
    filled: true,
    getFillColor: (d) => [...d.color, d.selected ? 230 : 90],
    stroked: true,
    getLineColor: (d) => [...d.color, 255],
    getLineWidth: (d) => (d.selected ? 3 : 2),
    lineWidthUnits: 'pixels',
    pickable: true,
    autoHighlight: true,
    highlightColor: [20, 20, 20, 160],
    parameters: { depthCompare: 'always' },
  });
}
