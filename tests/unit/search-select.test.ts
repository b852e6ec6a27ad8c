// Selecting a search result: what it changes in the store and where it moves the camera.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSites } from '../../src/data/load';
import { parseCountries, parseMinerals } from '../../src/data/records';
import { sitePasses } from '../../src/derive/filter';
import { actions, createAppStore } from '../../src/state/store';
import { selectResult } from '../../src/ui/search';

const read = (name: string): unknown => JSON.parse(readFileSync(`public/data/${name}`, 'utf8'));
const sites = await parseSites(read('sites.geojson'), 'sites.geojson', []);
const countries = new Map(
  (await parseCountries(read('countries.json'), 'countries.json', [])).map((c) => [c.iso3, c]),
);
const minerals = await parseMinerals(read('minerals.json'), 'minerals.json', []);

function setUp() {
  const store = createAppStore();
  actions.setData(store, { sites, countries, minerals, manifest: null });
  const moves: [number, number, number][] = [];
  return {
    store,
    moves,
    move: (lng: number, lat: number, zoom: number) => void moves.push([lng, lat, zoom]),
  };
}

describe('selectResult', () => {
  test('a hidden site: selected, made visible (mineral added, other focus dropped), camera moved to it', () => {
    const { store, moves, move } = setUp();
    const site = sites.find((s) => s.minerals[0] === 'rare-earths' && s.country === 'AUS');
    expect(site).toBeDefined();
    if (!site) return;
    actions.setFilters(store, { minerals: ['lithium'], focus: 'JPN' });
    selectResult(store, { type: 'site', id: site.id }, move);
    const s = store.getState();
    expect(s.selection).toEqual({ type: 'site', id: site.id });
    expect(s.filters.minerals).toEqual(['lithium', 'rare-earths']);
    expect(sitePasses(site, s.filters)).toBe(true);
    expect(moves).toEqual([[site.position[0], site.position[1], 7]]);
  });

  test.each([
    {
      title: 'a country sets the focus',
      type: 'country' as const,
      id: 'JPN',
      check: () => ({ focus: 'JPN' }),
    },
    {
      title: 'a mineral selects it alone',
      type: 'mineral' as const,
      id: 'cobalt',
      check: () => ({ minerals: ['cobalt'] }),
    },
  ])('$title', ({ type, id, check }) => {
    const { store, move } = setUp();
    selectResult(store, { type, id }, move);
    expect(store.getState().filters).toMatchObject(check());
  });

  test('an unknown id changes nothing', () => {
    const { store, moves, move } = setUp();
    const before = store.getState();
    selectResult(store, { type: 'site', id: 'no-such-site' }, move);
    selectResult(store, { type: 'measure', id: 'no-such-measure' }, move);
    expect(store.getState()).toBe(before);
    expect(moves).toEqual([]);
  });
});
