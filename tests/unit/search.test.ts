// The search index over the published data: what each query finds, ranking, group order, and speed at 10,000 items.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KIND_LABELS } from '../../src/config/app';
import { parseSites } from '../../src/data/load';
import { parseCountries, parseMinerals } from '../../src/data/records';
import {
  buildSearchIndex,
  normalise,
  SEARCH_TYPES,
  searchIndex,
  searchItems,
  type SearchItem,
} from '../../src/derive/search';
import type { Measure } from '../../src/model/measures';

const read = (name: string): unknown => JSON.parse(readFileSync(`public/data/${name}`, 'utf8'));
const sites = await parseSites(read('sites.geojson'), 'sites.geojson', []);
const countries = new Map(
  (await parseCountries(read('countries.json'), 'countries.json', [])).map((c) => [c.iso3, c]),
);
const minerals = await parseMinerals(read('minerals.json'), 'minerals.json', []);
const measures = (read('measures.json') as { measures: Measure[] }).measures;
const items = searchItems({
  sites,
  countries,
  minerals,
  measures,
  projects: null,
  kindLabel: (k) => KIND_LABELS[k],
});
const index = buildSearchIndex(items);
const find = (q: string, perGroup = 10) => searchIndex(index, q, perGroup);
const ids = (q: string, type: string) =>
  find(q)
    .find((g) => g.type === type)
    ?.results.map((r) => r.id) ?? [];
const labels = (q: string, type: string) =>
  find(q)
    .find((g) => g.type === type)
    ?.results.map((r) => r.label) ?? [];

const mountainPass = sites.find((s) => s.name.startsWith('Mountain Pass'));
const lynas = sites.filter((s) => /lynas/i.test(s.operator ?? ''));

describe('normalise', () => {
  test.each([
    ["Côte d'Ivoire", 'cote d ivoire'],
    ['  Mountain   Pass!', 'mountain pass'],
    ['Høgtuva', 'høgtuva'],
    ['rare-earths', 'rare earths'],
    ['', ''],
  ])('%j -> %j', (input, out) => expect(normalise(input)).toBe(out));
});

describe('searchIndex finds', () => {
  test('the data has the things looked for', () => {
    expect(mountainPass).toBeDefined();
    expect(lynas.length).toBeGreaterThan(0);
  });

  test.each([
    { title: 'a site by part of its name', q: 'mountain pa', type: 'site', id: () => mountainPass?.id },
    { title: 'a site by a word inside its name', q: 'pass rare', type: 'site', id: () => mountainPass?.id },
    { title: 'a site by its operator', q: 'Lynas', type: 'site', id: () => lynas[0]?.id },
    { title: 'a country by a prefix', q: 'jap', type: 'country', id: () => 'JPN' },
    { title: 'a country by ISO3', q: 'JPN', type: 'country', id: () => 'JPN' },
    { title: 'a country without its accents', q: 'cote d', type: 'country', id: () => 'CIV' },
    { title: 'a country with its accents', q: 'Côte', type: 'country', id: () => 'CIV' },
    { title: 'a mineral', q: 'lith', type: 'mineral', id: () => 'lithium' },
    { title: 'a measure by its id', q: 'gallium germanium', type: 'measure', id: () => measures[0]?.id },
  ])('$title ($q)', ({ q, type, id }) => {
    const want = id();
    expect(want).toBeDefined();
    expect(ids(q, type)).toContain(want);
  });

  test('every Lynas-operated site is found by the operator', () => {
    const found = ids('lynas', 'site');
    for (const s of lynas.slice(0, 10)) expect(found).toContain(s.id);
  });

  test('multi-word: every word must match', () => {
    const results = find('mountain lithium', 50).flatMap((g) => g.results);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const item = items.find((i) => i.type === r.type && i.id === r.id) as SearchItem;
      const hay = normalise([item.label, ...item.extra].join(' '));
      expect(hay).toMatch(/mountain/);
      expect(hay).toMatch(/lithium/);
    }
    expect(find('mountain zzzzqq')).toEqual([]);
  });

  test('an empty or blank query finds nothing', () => {
    expect(find('')).toEqual([]);
    expect(find('  -- ')).toEqual([]);
  });
});

describe('ranking and groups', () => {
  test('a name prefix ranks before a word prefix, which ranks before a substring; ties by label', () => {
    const made = (label: string): SearchItem => ({ type: 'site', id: label, label, detail: '', extra: [] });
    const idx = buildSearchIndex(
      ['Amountain', 'Iron Mountain', 'Mountain Pass', 'Black Mountain', 'Mountainview'].map(made),
    );
    expect(searchIndex(idx, 'mountain', 10)[0]?.results.map((r) => r.label)).toEqual([
      'Mountain Pass',
      'Mountainview',
      'Black Mountain',
      'Iron Mountain',
      'Amountain',
    ]);
    expect(searchIndex(idx, 'mountain', 2)[0]?.results.map((r) => r.label)).toEqual([
      'Mountain Pass',
      'Mountainview',
    ]);
  });

  test('in real data, names starting with the query come first', () => {
    const got = labels('mountain', 'site');
    expect(got[0]).toMatch(/^Mountain/);
    const firstOther = got.findIndex((l) => !/^mountain/i.test(l));
    expect(got.slice(firstOther).every((l) => !/^mountain/i.test(l))).toBe(true);
  });

  test('groups come in a fixed order: site, country, mineral, measure, project', () => {
    // "ch" finds sites, countries (China, Chile), and measures (China's), so several groups are present.
    const types = find('ch').map((g) => g.type);
    expect(types.length).toBeGreaterThan(2);
    expect(types).toEqual([...types].sort((a, b) => SEARCH_TYPES.indexOf(a) - SEARCH_TYPES.indexOf(b)));
    expect(find('ch').every((g) => g.results.length <= 10)).toBe(true);
  });

  test('projects are found once given', () => {
    const idx = buildSearchIndex(
      searchItems({
        sites: [],
        countries,
        minerals,
        measures: null,
        projects: [{ id: 'prj-x', name: 'Example Refinery', operator: 'Acme', country: 'USA' } as never],
        kindLabel: (k) => KIND_LABELS[k],
      }),
    );
    expect(searchIndex(idx, 'acme', 5)).toEqual([
      {
        type: 'project',
        results: [{ type: 'project', id: 'prj-x', label: 'Example Refinery', detail: 'United States' }],
      },
    ]);
  });
});

describe('speed', () => {
  test('a keystroke over 10,000 items takes well under 16 ms', () => {
    const many: SearchItem[] = [];
    for (let i = 0; many.length < 10_000; i++)
      for (const it of items) many.push({ ...it, id: `${it.id}-${i}` });
    const big = buildSearchIndex(many.slice(0, 10_000));
    const queries = ['m', 'mo', 'mou', 'moun', 'mount', 'mountain', 'mountain p', 'lyn', 'xq', 'cote d'];
    for (const q of queries) searchIndex(big, q, 6); // warm up
    const t0 = performance.now();
    for (const q of queries) searchIndex(big, q, 6);
    const per = (performance.now() - t0) / queries.length;
    expect(per).toBeLessThan(16);
  });
});
