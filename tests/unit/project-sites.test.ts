// Unit tests for linking projects to published sites (country, 25 km, mineral, name word) and projects.json.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { linkProjectsToSites, nameWords } from '../../data/pipeline/project-sites';
import type { CuratedProject } from '../../data/pipeline/projects';
import type { ReportEntry } from '../../data/pipeline/sites';
import { projectsFileSchema } from '../../src/data/projects-schema';
import type { Site } from '../../src/model/types';

/** A rare-earth project at Test Town (120 E, 30 S); each case changes what it needs. */
const project = (change: Partial<CuratedProject>): CuratedProject => ({
  id: 'prj-test',
  name: 'Test separation plant',
  operator: null,
  country: 'AUS',
  minerals: ['rare-earths'],
  chainStage: 'separation',
  stage: 'construction',
  position: [120, -30],
  precision: 'approximate',
  product: 'NdPr oxide',
  capacity: null,
  startYear: { announced: null, revised: null, note: null },
  permit: { applied: null, granted: null, note: null },
  fastTrack: null,
  arrangements: [],
  siteHint: 'Test Town',
  sources: [{ publisher: 'P', title: 'T', year: 2025 }],
  vintage: 2025,
  notes: '',
  support: [],
  ...change,
});

describe('site links', () => {
  const site = (id: string, name: string, lng: number, lat: number, extra: Partial<Site> = {}): Site => ({
    id,
    name,
    kind: 'separation',
    minerals: ['rare-earths'],
    country: 'AUS',
    status: 'operating',
    precision: 'approximate',
    sources: [],
    vintage: 2025,
    position: [lng, lat],
    ...extra,
  });

  test('names: ASCII lower case, apostrophes dropped, generic words out', () => {
    expect([...nameWords("Nolan's Bore rare-earth mine, Poços de Caldas")]).toEqual([
      'nolans',
      'bore',
      'pocos',
      'caldas',
    ]);
  });

  const cases: { title: string; sites: Site[]; expected: string | null; report: RegExp }[] = [
    {
      title: 'same country, 10 km, shared name word',
      sites: [site('s1', 'Test Town refinery', 120.1, -30)],
      expected: 's1',
      report: /-> s1 "Test Town refinery" \(9\.6 km; shared words: test, town\)/,
    },
    {
      title: 'the nearest of two matches',
      sites: [site('far', 'Test Town mine', 120.2, -30), site('near', 'Test Town', 120.05, -30)],
      expected: 'near',
      report: /-> near /,
    },
    {
      title: 'farther than 25 km',
      sites: [site('s1', 'Test Town', 120.3, -30)],
      expected: null,
      report: /no AUS site within 25 km$/,
    },
    {
      title: 'another country',
      sites: [site('s1', 'Test Town', 120, -30, { country: 'NZL' })],
      expected: null,
      report: /no AUS site within 25 km$/,
    },
    {
      title: 'no mineral in common',
      sites: [site('s1', 'Test Town', 120, -30, { minerals: ['lithium'] })],
      expected: null,
      report: /shares a mineral and a name word \(nearest: s1 "Test Town", 0\.0 km\)/,
    },
    {
      title: 'only generic words in common',
      sites: [site('s1', 'Rare earth separation plant', 120, -30)],
      expected: null,
      report: /shares a mineral and a name word/,
    },
  ];
  test.each(cases)('$title', ({ sites, expected, report }) => {
    const entries: ReportEntry[] = [];
    expect(linkProjectsToSites([project({})], sites, entries).get('prj-test')).toBe(expected);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe(expected === null ? 'project-not-linked' : 'project-linked');
    expect(entries[0]?.detail).toMatch(report);
  });

  test('two projects at one site: the better name match keeps it, the other is reported', () => {
    const entries: ReportEntry[] = [];
    const a = project({ id: 'prj-a', name: 'Vital plant', siteHint: 'Saskatoon' });
    const b = project({ id: 'prj-b', name: 'SRC facility', siteHint: 'Saskatoon (SRC)' });
    const links = linkProjectsToSites([a, b], [site('src', 'SRC facility, Saskatoon', 120, -30)], entries);
    expect([links.get('prj-a'), links.get('prj-b')]).toEqual([null, 'src']);
    expect(entries[0]?.detail).toMatch(/best match src .* is linked to prj-b, which matches it better/);
  });
});

describe('public/data/projects.json', () => {
  const file = projectsFileSchema.parse(JSON.parse(readFileSync('public/data/projects.json', 'utf8')));
  const siteIds = new Set(
    (
      JSON.parse(readFileSync('public/data/sites.geojson', 'utf8')) as {
        features: { properties: { id: string } }[];
      }
    ).features.map((f) => f.properties.id),
  );

  test('matches its schema; every linked site exists; hand-checked links', () => {
    expect(file.projects).toHaveLength(67);
    for (const p of file.projects) if (p.siteId !== null) expect(siteIds.has(p.siteId), p.id).toBe(true);
    const link = (id: string) => file.projects.find((p) => p.id === id)?.siteId;
    expect(link('prj-mp-mountain-pass')).toBe('cur-mountain-pass');
    expect(link('prj-arafura-nolans')).toBe('cur-nolans');
    expect(link('prj-keliber')).toBe('cur-keliber-kokkola');
    expect(link('prj-src-saskatoon')).toBe('cur-src-saskatoon');
    expect(link('prj-vital-saskatoon')).toBeNull();
    expect(link('prj-nyrstar-port-pirie-antimony')).toBeNull();
    expect(link('prj-mp-10x-northlake')).toBe('cur-mp-10x-northlake');
  });
});
