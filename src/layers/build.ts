// Pure layer factories: (data, GPU filter uniforms, display modes) -> deck.gl layers with stable ids. No state, no DOM.
import { type ColorBy, type FlowView, type WidthBy } from '../model/filters';
import type { Layer } from '@deck.gl/core';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import type { ArcBuffers, ArcStyle } from '../derive/arc-buffers';
import type { ArcDatum } from '../derive/flows';
import { type FilterIndex, type FlowGpuFilter, type SiteInstance } from '../derive/filter';
import type { SiteBuffers } from '../derive/site-buffers';
import type { Flow } from '../model/types';
import type { LaneLayer } from './lanes';
import { projectsLayer, type ProjectMarker } from './projects';
import { userLayers, type UserLayerInput } from './user-data';

/** A flow drawn along its sea lane: [lng, lat] degrees, unwrapped longitudes. */
/**
 * A binary attribute. Colours are bytes read as 0..1 (`unorm8`); `normalized: true` says so explicitly, which deck.gl
 * otherwise warns about on every layer update for a Uint8Array that is not its default array type.
 */
type BinaryAttribute = { value: ArrayBufferView; size: number; type?: 'unorm8'; normalized?: boolean };

export interface LaneDatum {
  arc: ArcDatum;
  path: [number, number][];
}

export interface LayerInput {
  /** Every site, once per mineral (typed attributes, stable); the GPU filter decides what shows. */
  sites: SiteLayerData;
  siteFilter: { filterRange: [number, number][]; filterCategories: number[][] };
  /** Arc layers, one per mineral whose GPU buffers exist (selected now or earlier this year). */
  flowArcs: FlowArcSet[];
  /**
   * Flows with a sea route and the layer that draws them (src/layers/lanes.ts, a chunk of its own), for the sea-lane
   * view; null until both the routes and that chunk are loaded.
   */
  lanes: { data: LaneDatum[]; layer: LaneLayer } | null;
  flowFilter: FlowGpuFilter;
  index: FilterIndex;
  flowView: FlowView;
  colorBy: ColorBy;
  widthBy: WidthBy;
  /** Flows a supply-shock scenario cuts are drawn grey and faint; null without a scenario. */
  isLost: ((flow: Flow) => boolean) | null;
  /** Changes whenever the scenario does, so deck.gl recomputes the colours. */
  scenarioKey: string;
  /** Funded projects drawn as rings (the projects layer is open); null when it is closed. */
  projects: readonly ProjectMarker[] | null;
  /** The reader's own sites and flows the filters keep (drawn above ours); null when they have none. */
  user: UserLayerInput | null;
}

/**
 * DataFilterExtension whose category values are used as their own bit index. The stock extension numbers categories
 * in order of first appearance while it transforms the category attribute on the CPU; the arc layers hand it ready
 * risk codes (0..31) as a typed array that it uploads as is, so the code is the bit.
 */
class CodeCategoryFilter extends DataFilterExtension {
  static override extensionName = 'CodeCategoryFilter';
  override _getCategoryKey(this: Layer<DataFilterExtensionProps>, category: string | number): number {
    return Number(category);
  }
}

/** Typed per-arc attributes for one mineral (see derive/arc-buffers.ts), as deck.gl's binary data. */
export interface ArcLayerData {
  mineral: number;
  length: number;
  attributes: Record<string, BinaryAttribute>;
  /** The arc at an index, for picking (tooltips, details). */
  datum(index: number): ArcDatum | null;
}

export function arcLayerData(
  b: ArcBuffers,
  style: ArcStyle,
  datum: (index: number) => ArcDatum | null,
): ArcLayerData {
  return {
    mineral: b.mineral,
    length: b.length,
    attributes: {
      getSourcePosition: { value: b.sourcePositions, size: 3 },
      getTargetPosition: { value: b.targetPositions, size: 3 },
      getSourceColor: { value: style.sourceColors, size: 4, type: 'unorm8', normalized: true },
      getTargetColor: { value: style.targetColors, size: 4, type: 'unorm8', normalized: true },
      getWidth: { value: style.widths, size: 1 },
      getFilterValue: { value: b.filterValues, size: 4 },
      // By attribute name, so the extension uploads the codes without its CPU transform.
      filterCategoryValues: { value: b.riskCodes, size: 1 },
    },
    datum,
  };
}

/** One mineral's arcs in the layer list. */
export interface FlowArcSet {
  data: ArcLayerData;
  /** Hidden layers keep their GPU buffers, so toggling a mineral back on uploads nothing. */
  visible: boolean;
  /** How many arcs (a prefix, largest first) are at or above the value threshold: the instances drawn. */
  count: number;
}

/** Binary data carries no objects: the picked object is the data's datum at the picked index. */
function withDatum<I extends { index: number; object?: unknown }>(info: I, data: unknown): I {
  const datum = (data as { datum?: (index: number) => unknown }).datum;
  if (info.index >= 0 && typeof datum === 'function') info.object = datum(info.index);
  return info;
}

/** ArcLayer over typed attributes that reports the picked arc as an ArcDatum. */
class FlowArcLayer extends ArcLayer<ArcDatum, DataFilterExtensionProps<ArcDatum>> {
  static override layerName = 'FlowArcLayer';
  override getPickingInfo(params: Parameters<ArcLayer['getPickingInfo']>[0]) {
    return withDatum(super.getPickingInfo(params), this.props.data);
  }
}

/** Typed per-instance site attributes (see derive/site-buffers.ts), as deck.gl's binary data. */
export interface SiteLayerData {
  length: number;
  attributes: Record<string, BinaryAttribute>;
  /** The site instance at an index, for picking (tooltips, details). */
  datum(index: number): SiteInstance | null;
}

const siteStable = new WeakMap<SiteBuffers, SiteLayerData>();
/**
 * Layer data for the sites with these radii (derive/site-buffers.ts siteRadii). The other attributes keep their
 * descriptor objects per buffers, so deck.gl uploads only the radii when the selection changes.
 */
export function siteLayerData(b: SiteBuffers, radii: Float32Array): SiteLayerData {
  let stable = siteStable.get(b);
  if (!stable) {
    stable = {
      length: b.length,
      datum: (k) => {
        const site = b.site[k];
        return site ? { site, mineral: b.mineral[k] ?? -1 } : null;
      },
      attributes: {
        getPosition: { value: b.positions, size: 2 },
        getFillColor: { value: b.fillColors, size: 4, type: 'unorm8', normalized: true },
        getFilterValue: { value: b.filterValues, size: 1 },
        // By attribute name, so the extension uploads the category values without its CPU transform.
        filterCategoryValues: { value: b.categories, size: 3 },
      },
    };
    siteStable.set(b, stable);
  }
  return { ...stable, attributes: { ...stable.attributes, getRadius: radiusAttribute(radii) } };
}
const radiusAttributes = new WeakMap<Float32Array, { value: Float32Array; size: number }>();
function radiusAttribute(radii: Float32Array) {
  let a = radiusAttributes.get(radii);
  if (!a) radiusAttributes.set(radii, (a = { value: radii, size: 1 }));
  return a;
}

/** ScatterplotLayer over typed attributes that reports the picked site instance. */
class SiteLayer extends ScatterplotLayer<SiteInstance, DataFilterExtensionProps<SiteInstance>> {
  static override layerName = 'SiteLayer';
  override getPickingInfo(params: Parameters<ScatterplotLayer['getPickingInfo']>[0]) {
    return withDatum(super.getPickingInfo(params), this.props.data);
  }
}

// Arcs: numeric [value, exporter, importer, has sea route]; category [risk code]; the mineral is the layer.
const arcFilter = new CodeCategoryFilter({ filterSize: 4, categorySize: 1 });
// Sites: numeric [country]; categories [mineral, kind, status], each value its own bit.
const siteFilter = new CodeCategoryFilter({ filterSize: 1, categorySize: 3 });

export function buildLayers(input: LayerInput): Layer[] {
  const lanesOn = input.flowView === 'sea-lanes' && input.lanes !== null;
  const layers: Layer[] = [];

  // One arc layer per mineral and part of the flow filter ("either" focus = exporter side + importer side, disjoint).
  // Each draws only the prefix of its arcs at or above the value threshold; uniforms decide within it.
  input.flowFilter.parts.forEach((part, i) => {
    const hasPathRange: [number, number] = lanesOn ? [0, 0] : [0, 1];
    for (const set of input.flowArcs) {
      layers.push(
        new FlowArcLayer({
          id: `${i === 0 ? 'flows' : 'flows-importer-side'}:${set.data.mineral}`,
          data: set.data as unknown as ArcDatum[],
          numInstances: set.count,
          visible: set.visible,
          widthUnits: 'pixels',
          getHeight: 0.35,
          // 40 segments are smooth at every zoom used here, at 40% of the default vertex work.
          numSegments: 40,
          // Seen from straight above a 3D arc is a straight line; tilting its plane draws it as a curve.
          getTilt: 55,
          greatCircle: false,
          pickable: true,
          autoHighlight: true,
          highlightColor: [20, 20, 20, 255],
          extensions: [arcFilter],
          filterRange: [...part.filterRange, hasPathRange],
          filterCategories: input.flowFilter.codes,
          parameters: { depthCompare: 'always' },
        }),
      );
    }
    if (lanesOn && input.lanes) layers.push(input.lanes.layer(input, input.lanes.data, part.filterRange, i));
  });

  layers.push(
    new SiteLayer({
      id: 'sites',
      data: input.sites as unknown as SiteInstance[],
      radiusUnits: 'pixels',
      radiusMinPixels: 2,
      stroked: true,
      getLineColor: [255, 255, 255, 220],
      lineWidthMinPixels: 0.8,
      pickable: true,
      autoHighlight: true,
      highlightColor: [20, 20, 20, 200],
      extensions: [siteFilter],
      filterRange: input.siteFilter.filterRange,
      filterCategories: input.siteFilter.filterCategories,
      parameters: { depthCompare: 'always' },
    }),
  );
  if (input.projects) layers.push(projectsLayer(input.projects));
  if (input.user) layers.push(...userLayers(input.user));
  return layers;
}
