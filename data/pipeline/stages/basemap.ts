// Stage basemap.topo.json: Natural Earth 1:50m countries (world-atlas) with ISO3 ids and the project's country names.
import { createRequire } from 'node:module';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryIndex } from '../countries';
import { writeOutput } from './output';

const require = createRequire(import.meta.url);

/** Shapes without an ISO3 code (e.g. Siachen Glacier) keep their Natural Earth name and lose their id. */
export function writeBasemap(outDir: string, countries: CountryIndex): void {
  const topo = structuredClone(require('world-atlas/countries-50m.json')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
    land: GeometryCollection;
  }>;
  for (const g of topo.objects.countries.geometries) {
    const rawName = (g.properties as { name?: string } | undefined)?.name ?? '';
    const iso3 = countries.resolve(rawName);
    g.properties = { name: (iso3 && countries.names.get(iso3)) || rawName };
    if (iso3) g.id = iso3;
    else delete g.id;
  }
  writeOutput(outDir, 'basemap.topo.json', `${JSON.stringify(topo)}\n`);
}
