// Pure layer factories: (selected data, callbacks) -> deck.gl layers with stable ids. No state, no DOM.
import type { Layer } from '@deck.gl/core';
import { ArcLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions';
import { KIND_COLORS, KIND_RADIUS_PX } from '../config/app';
import type { ArcDatum } from '../derive/flows';
import type { CountryInfo, Site } from '../model/types';

export interface LayerInput {
  sites: Site[];
  arcs: ArcDatum[];
  labels: CountryInfo[];
  /** Country -> total trade value in view, for label priority. */
  labelWeight: ReadonlyMap<string, number>;
  selectedId: string | null;
}

const collision = new CollisionFilterExtension();

export function buildLayers(input: LayerInput): Layer[] {
  return [
    new TextLayer<CountryInfo, CollisionFilterExtensionProps<CountryInfo>>({
      id: 'country-labels',
      data: input.labels,
      getPosition: (c) => c.label ?? c.anchor,
      getText: (c) => c.name,
      getSize: 11,
      sizeUnits: 'pixels',
      getColor: [90, 90, 100, 200],
      fontFamily: 'system-ui, "DejaVu Sans", sans-serif',
      fontWeight: 500,
      characterSet: 'auto',
      outlineWidth: 2,
      outlineColor: [247, 245, 240, 230],
      fontSettings: { sdf: true },
      extensions: [collision],
      collisionEnabled: true,
      getCollisionPriority: (c: CountryInfo) => Math.log10(1 + (input.labelWeight.get(c.iso3) ?? 0)),
      collisionTestProps: { sizeScale: 1.4 },
      updateTriggers: { getCollisionPriority: [input.labelWeight] },
      parameters: { depthCompare: 'always' },
    }),
    new ArcLayer<ArcDatum>({
      id: 'flows',
      data: input.arcs,
      getSourcePosition: (d) => d.source,
      getTargetPosition: (d) => d.target,
      getSourceColor: (d) => [...d.color, 235],
      getTargetColor: (d) => [...d.color, 120],
      getWidth: (d) => d.width,
      widthUnits: 'pixels',
      getHeight: 0.35,
      // Seen from straight above a 3D arc is a straight line; tilting its plane draws it as a curve.
      getTilt: 55,
      greatCircle: false,
      pickable: true,
      autoHighlight: true,
      highlightColor: [20, 20, 20, 255],
      parameters: { depthCompare: 'always' },
    }),
    new ScatterplotLayer<Site>({
      id: 'sites',
      data: input.sites,
      getPosition: (s) => s.position,
      getFillColor: (s) => [...KIND_COLORS[s.kind], s.kind === 'deposit' ? 170 : 235],
      getRadius: (s) => KIND_RADIUS_PX[s.kind] * (s.id === input.selectedId ? 1.8 : 1),
      radiusUnits: 'pixels',
      radiusMinPixels: 2,
      stroked: true,
      getLineColor: [255, 255, 255, 220],
      lineWidthMinPixels: 0.8,
      pickable: true,
      autoHighlight: true,
      highlightColor: [20, 20, 20, 200],
      updateTriggers: { getRadius: [input.selectedId] },
      parameters: { depthCompare: 'always' },
    }),
  ];
}
