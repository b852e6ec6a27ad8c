// Loaded into MapLibre's worker (importScriptInWorkers): a 'cmm-basemap://' protocol that fetches the countries
// TopoJSON and converts it to GeoJSON there, so the main thread neither converts nor serialises the basemap.
import { fetchJson } from '../data/load';
import { basemapFromTopology } from '../derive/basemap';
import { BASEMAP_PROTOCOL, basemapFileUrl } from './basemap-url';

interface WorkerGlobal {
  addProtocol(
    name: string,
    load: (params: { url: string }, abort: AbortController) => Promise<{ data: unknown }>,
  ): void;
}

(self as unknown as WorkerGlobal).addProtocol(BASEMAP_PROTOCOL, async (params) => {
  const url = basemapFileUrl(params.url);
  // DataFileError messages ("could not be loaded (HTTP 404)", "is not valid JSON") cross to the page as the error text.
  return { data: basemapFromTopology(await fetchJson((u) => fetch(u), url)) };
});
