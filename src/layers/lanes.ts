// The sea-lane layer (deck.gl's PathLayer and its shaders): a chunk of its own, loaded the first time lanes are drawn.
import type { Layer } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { PathLayer } from '@deck.gl/layers';
import { flowFilterCategory, flowFilterValue } from '../derive/filter';
import { shareColor, widthPx, widthPxTonnes, type ArcDatum } from '../derive/flows';
import type { ColorBy, WidthBy } from '../model/filters';
import type { LaneDatum, LayerInput } from './build';

/** Draws the lanes of one part of the flow filter (`i`: 0 = exporter side or the only part, 1 = importer side). */
export type LaneLayer = (
  input: LayerInput,
  lanes: LaneDatum[],
  filterRange: readonly [number, number][],
  i: number,
) => Layer;

// Lanes: numeric [value, exporter, importer]; categories [mineral, risk code].
const laneFilter = new DataFilterExtension({ filterSize: 3, categorySize: 2 });

const ANY: [number, number] = [-1e30, 1e30];

const LOST: [number, number, number] = [150, 150, 150];

/** Sea lanes' colour (the arcs' come from derive/arc-buffers.ts with the same rule). */
function arcColor(d: ArcDatum, colorBy: ColorBy, isLost: LayerInput['isLost']): [number, number, number] {
  if (isLost?.(d.flow)) return LOST;
  return shareColor(colorBy === 'exporter-share' ? d.exporterShare : d.importerDependence);
}
/** Alpha of an arc end: lost flows are faint. */
function alpha(d: ArcDatum, isLost: LayerInput['isLost'], full: number): number {
  return isLost?.(d.flow) ? Math.round(full / 3.5) : full;
}
function arcWidth(d: ArcDatum, widthBy: WidthBy): number {
  return widthBy === 'usd' ? widthPx(d.flow.valueUsd) : widthPxTonnes(d.flow.tonnes);
}

export const laneLayer: LaneLayer = (input, lanes, filterRange, i) => {
  const { index, colorBy, widthBy, isLost, scenarioKey } = input;
  return new PathLayer<LaneDatum, DataFilterExtensionProps<LaneDatum>>({
    id: i === 0 ? 'flow-lanes' : 'flow-lanes-importer-side',
    data: lanes,
    getPath: (d) => d.path,
    getColor: (d) => [...arcColor(d.arc, colorBy, isLost), alpha(d.arc, isLost, 200)],
    getWidth: (d) => arcWidth(d.arc, widthBy),
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [20, 20, 20, 255],
    extensions: [laneFilter],
    getFilterValue: (d) => flowFilterValue(d.arc.flow, index),
    getFilterCategory: (d) => flowFilterCategory(d.arc.flow, index, input.flowFilter.reading),
    filterRange: filterRange.map((r) => r ?? ANY),
    filterCategories: [
      input.flowFilter.minerals.length > 0 ? input.flowFilter.minerals : [-2],
      input.flowFilter.codes,
    ],
    updateTriggers: {
      getColor: [colorBy, scenarioKey],
      getWidth: [widthBy],
      getFilterValue: [index],
      getFilterCategory: [index, input.flowFilter.reading],
    },
    parameters: { depthCompare: 'always' },
  });
};
