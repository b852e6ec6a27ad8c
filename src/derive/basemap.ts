// Basemap geometry: TopoJSON countries -> GeoJSON with antimeridian-safe rings and ISO3 ids, for MapLibre to draw.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { unwrapPolygonal } from './antimeridian';

export interface BasemapProps {
  iso3: string;
  name: string;
}

/** Throws on a topology without a `countries` object; the caller turns that into a notice. */
export function basemapFromTopology(
  topology: unknown,
): FeatureCollection<Polygon | MultiPolygon, BasemapProps> {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
  if (!topo || topo.type !== 'Topology' || !topo.objects?.countries)
    throw new Error('not a countries topology');
  const fc = feature(topo, topo.objects.countries);
  const features: Feature<Polygon | MultiPolygon, BasemapProps>[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    features.push({
      type: 'Feature',
      properties: { iso3: typeof f.id === 'string' ? f.id : '', name: f.properties?.name ?? '' },
      geometry: unwrapPolygonal(g),
    });
  }
  return { type: 'FeatureCollection', features };
}
