// The basemap's protocol URL carries the file's absolute URL intact, and MapLibre finds the protocol by its prefix.
import { describe, expect, test } from 'vitest';
import { BASEMAP_PROTOCOL, basemapFileUrl, basemapProtocolUrl } from '../../src/map/basemap-url';

/** MapLibre's lookup (maplibre-gl src/source/protocol_crud.ts getProtocol): the text before the first '://'. */
const protocolOf = (url: string) => url.substring(0, url.indexOf('://'));

describe('basemap protocol URL', () => {
  test.each([
    'http://127.0.0.1:5173/data/basemap.topo.json',
    'https://example.org/reports/critical-minerals/data/basemap.topo.json',
    'https://example.org/a%20b/data/basemap.topo.json?v=2&x=y#frag',
    'https://example.org/karte/übersicht/data/basemap.topo.json',
  ])('%s survives the round trip and is found by its protocol', (file) => {
    const url = basemapProtocolUrl(file);
    expect(protocolOf(url)).toBe(BASEMAP_PROTOCOL);
    expect(basemapFileUrl(url)).toBe(file);
    // MapLibre resolves a source's URL on the main thread; the wrapped URL must not change there.
    expect(new URL(url).href).toBe(url);
  });
});
