// The reader's own data as layers: their sites as white rings, their flows as near-black arcs (no state, no DOM).
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { USER_COLOR } from '../config/app';
import { widthPx, widthPxTonnes } from '../derive/flows';
import type { WidthBy } from '../model/filters';
import type { UserSite } from '../model/user-data';
import type { UserArc } from '../derive/user-filter';

export interface UserLayerInput {
  sites: readonly UserSite[];
  arcs: { arcs: readonly UserArc[] };
  widthBy: WidthBy;
}

export function userLayers(input: UserLayerInput): Layer[] {
  const layers: Layer[] = [];
  if (input.arcs.arcs.length > 0)
    layers.push(
      new ArcLayer<UserArc>({
        id: 'user-flows',
        data: input.arcs.arcs,
        getSourcePosition: (d) => d.from,
        getTargetPosition: (d) => d.to,
        getSourceColor: [...USER_COLOR, 230],
        getTargetColor: [...USER_COLOR, 90],
        getWidth: (d) => (input.widthBy === 'usd' ? widthPx(d.valueUsd) : widthPxTonnes(d.tonnes)),
        widthUnits: 'pixels',
        getHeight: 0.35,
        getTilt: -55,
        numSegments: 40,
        greatCircle: false,
        updateTriggers: { getWidth: [input.widthBy] },
        parameters: { depthCompare: 'always' },
      }),
    );
  if (input.sites.length > 0)
    layers.push(
      new ScatterplotLayer<UserSite>({
        id: 'user-sites',
        data: input.sites,
        getPosition: (d) => d.position,
        getRadius: 5,
        radiusUnits: 'pixels',
        filled: true,
        getFillColor: [255, 255, 255, 235],
        stroked: true,
        getLineColor: [...USER_COLOR, 255],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        parameters: { depthCompare: 'always' },
      }),
    );
  return layers;
}
