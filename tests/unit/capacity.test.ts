// Unit tests for capacity by year: the unit table, the start and delay rules, sums on a fixture and on real projects.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { projectsFileSchema } from '../../src/data/projects-schema';
import {
  CAPACITY_UNITS,
  DEFAULT_SLIP_YEARS,
  capacityByYear,
  capacityKind,
  startOf,
  type CapacityQuery,
} from '../../src/derive/capacity';
import type { Project } from '../../src/model/projects';

/** A magnet project; each fixture row changes what it needs. */
const project = (id: string, change: Partial<Project>): Project => ({
  id,
  name: id,
  operator: null,
  country: 'USA',
  minerals: ['rare-earths'],
  chainStage: 'magnet',
  stage: 'construction',
  position: [0, 0],
  precision: 'approximate',
  product: 'NdFeB magnets',
  capacity: { value: 1000, unit: 't/yr NdFeB magnet' },
  startYear: { announced: 2027, revised: null, note: null },
  permit: { applied: null, granted: null, note: null },
  fastTrack: null,
  arrangements: [],
  siteId: null,
  sources: [{ publisher: 'P', title: 'T', year: 2025 }],
  vintage: 2025,
  notes: '',
  support: [],
  ...change,
});
const start = (announced: number | null, revised: number | null = null) => ({
  announced,
  revised,
  note: null,
});

/** Hand-made: what each row should contribute is written next to it. */
const FIXTURE: Project[] = [
  project('a', { startYear: start(2027) }), // USA 1000 from 2027; delayed +2 (default) -> 2029
  // USA 500 from 2028; delayed +2 (its own slip) -> 2030
  project('b', {
    startYear: start(2026, 2028),
    capacity: { value: 500, unit: 't/yr NdFeB magnet (phase 1)' },
  }),
  // JPN 1000 from its vintage 2024 (operating, no year), never shifted
  project('c', { country: 'JPN', stage: 'operating', startYear: start(null), vintage: 2024 }),
  // DEU 250 from 2029; its history brings it forward, so the delayed slip is 0
  project('d', {
    country: 'DEU',
    startYear: start(2030, 2029),
    capacity: { value: 250, unit: 't/yr sintered NdFeB magnet' },
  }),
  project('e', { stage: 'stalled' }), // left out: stage
  project('f', { stage: 'cancelled' }), // left out: stage
  project('g', { capacity: null }), // left out: unknown capacity
  project('h', { startYear: start(null) }), // left out: unknown start
  project('i', { capacity: { value: 9, unit: 't/yr NdPr oxide' } }), // left out: another kind
  project('j', { capacity: { value: 9, unit: 'kg/day magnets' } }), // left out: not in the unit table
  project('k', { country: 'CHN' }), // left out: China
  project('l', { chainStage: 'recycling' }), // another chain stage: not in the query at all
];

const query = (change: Partial<CapacityQuery> = {}): CapacityQuery => ({
  chainStage: 'magnet',
  kind: 'ndfeb-magnet',
  reading: 'announced',
  groupBy: 'country',
  ...change,
});

describe('the unit table', () => {
  test.each([
    ['t/yr NdFeB magnet (company total incl. Fort Worth Independence plant)', 'ndfeb-magnet'],
    ['t/yr sintered NdFeB magnet (single shift; >300 t/yr with extended operation)', 'ndfeb-magnet'],
    ['t/yr TREO (initial stage)', 'reo'],
    ['t/yr REO (up to; Kallanish 2024)', 'reo'],
    ['t/yr NdPr oxide (approx.)', 'ndpr-oxide'],
    ['t/yr NdPr metal (when fully operational)', 'ndpr-metal'],
    ['t/yr lithium hydroxide monohydrate', 'lithium-hydroxide-monohydrate'],
  ])('%s -> %s', (unit, kind) => {
    expect(capacityKind(unit)).toEqual({ kind });
  });

  test('units that measure no comparable product say why; unknown units say they are not in the table', () => {
    expect(capacityKind('t/yr NdPr (light-RE plant as planned in 2021)')).toEqual({
      kind: null,
      why: 'NdPr without its form (oxide or metal)',
    });
    expect(capacityKind('t/day mud lifting rate (planned full-scale test, Feb 2027)').kind).toBeNull();
    expect(capacityKind('kg/day magnets')).toEqual({
      kind: null,
      why: 'unit "kg/day magnets" is not in the unit table',
    });
  });

  test('every unit of the real table is in the unit table', () => {
    const file = projectsFileSchema.parse(JSON.parse(readFileSync('public/data/projects.json', 'utf8')));
    const units = file.projects.flatMap((p) => (p.capacity ? [p.capacity.unit] : []));
    expect(units.length).toBeGreaterThan(30);
    for (const u of units)
      expect(capacityKind(u), u).not.toHaveProperty('why', expect.stringMatching(/not in/));
    expect(Object.keys(CAPACITY_UNITS).every((head) => !head.includes(' ('))).toBe(true);
  });
});

describe('start and delay', () => {
  test.each<[string, Partial<Project>, number | null, number | null, number]>([
    // [case, change, start as announced, start delayed (default slip 2), slip]
    ['announced only: default slip', { startYear: start(2027) }, 2027, 2029, 2],
    ['revised later: its own slip', { startYear: start(2024, 2026) }, 2026, 2028, 2],
    ['revised three years later', { startYear: start(2025, 2028) }, 2028, 2031, 3],
    ['revised earlier: never brought forward', { startYear: start(2030, 2028) }, 2028, 2028, 0],
    ['operating: not shifted', { stage: 'operating', startYear: start(2025) }, 2025, 2025, 0],
    ['operating, no year: from its vintage', { stage: 'operating', startYear: start(null) }, 2025, 2025, 0],
    ['no year, not operating: unknown', { startYear: start(null) }, null, null, 0],
  ])('%s', (_, change, announced, delayed, slip) => {
    const p = project('x', change);
    expect(startOf(p, 'announced')?.start ?? null).toBe(announced);
    expect(startOf(p, 'delayed')?.start ?? null).toBe(delayed);
    if (delayed !== null) expect(startOf(p, 'delayed')?.slip).toBe(slip);
  });

  test('the default slip is 2 years and is a parameter', () => {
    expect(DEFAULT_SLIP_YEARS).toBe(2);
    expect(startOf(project('x', { startYear: start(2027) }), 'delayed', 1)?.start).toBe(2028);
    expect(startOf(project('x', { startYear: start(2026, 2027) }), 'delayed', 5)?.start).toBe(2028);
  });
});

describe('sums on the fixture', () => {
  test('as announced, by country, 2026-2030', () => {
    const r = capacityByYear(FIXTURE, query());
    expect(r.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(r.groups).toEqual([
      { key: 'DEU', values: [0, 0, 0, 250, 250] },
      { key: 'JPN', values: [1000, 1000, 1000, 1000, 1000] },
      { key: 'USA', values: [0, 1000, 1500, 1500, 1500] },
    ]);
    expect(r.total).toEqual([1000, 2000, 2500, 2750, 2750]);
    expect(r.counted.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.excluded.map((e) => `${e.id}:${e.reason}`)).toEqual([
      'e:stage',
      'f:stage',
      'g:unknown-capacity',
      'h:unknown-start',
      'i:unit-not-comparable',
      'j:unit-not-comparable',
      'k:china',
    ]);
  });

  test('delayed, by stage', () => {
    const r = capacityByYear(FIXTURE, query({ reading: 'delayed', groupBy: 'stage' }));
    expect(r.groups).toEqual([
      { key: 'construction', values: [0, 0, 0, 1250, 1750] },
      { key: 'operating', values: [1000, 1000, 1000, 1000, 1000] },
    ]);
    expect(r.total).toEqual([1000, 1000, 1000, 2250, 2750]);
  });

  test('other years and another kind', () => {
    expect(capacityByYear(FIXTURE, query({ years: [2024, 2025] })).total).toEqual([1000, 1000]);
    const oxide = capacityByYear(FIXTURE, query({ kind: 'ndpr-oxide', years: [2027] }));
    expect(oxide.counted).toEqual([{ id: 'i', value: 9, start: 2027, basis: 'announced', slip: 0 }]);
  });
});

describe('sums on the real projects (hand counts from data/curated/projects.csv)', () => {
  const projects = projectsFileSchema.parse(
    JSON.parse(readFileSync('public/data/projects.json', 'utf8')),
  ).projects;
  const years = [2025, 2026, 2027, 2028, 2029, 2030];

  // Noveon 2,000 (operating at vintage 2025), Neo Narva 2,000 (2025), Stillwater 10,000 (2026), 10X 10,000 (2028).
  test('NdFeB magnets, by country, as announced and delayed', () => {
    const r = capacityByYear(projects, query({ years }));
    expect(r.total).toEqual([4000, 14000, 14000, 24000, 24000, 24000]);
    expect(r.groups).toEqual([
      { key: 'EST', values: [2000, 2000, 2000, 2000, 2000, 2000] },
      { key: 'USA', values: [2000, 12000, 12000, 22000, 22000, 22000] },
    ]);
    expect(r.excluded.map((e) => `${e.id}:${e.reason}`)).toEqual([
      'prj-vulcan-elements-benson:unknown-start',
      'prj-evac-sumter:unknown-capacity',
    ]);
    // Delayed: Stillwater 2026 + (2026 - 2024) = 2028; 10X 2028 + 2 = 2030; the operating plants stay.
    expect(capacityByYear(projects, query({ years, reading: 'delayed' })).total).toEqual([
      4000, 4000, 4000, 14000, 14000, 24000,
    ]);
  });

  test('separated NdPr oxide: Arafura Nolans 4,400 (2025, no revision), Mkango Pulawy 2,000 (2028)', () => {
    const q = query({ chainStage: 'separation', kind: 'ndpr-oxide', years });
    expect(capacityByYear(projects, q).total).toEqual([4400, 4400, 4400, 6400, 6400, 6400]);
    expect(capacityByYear(projects, { ...q, reading: 'delayed' }).total).toEqual([
      0, 0, 4400, 4400, 4400, 6400,
    ]);
  });

  test('separation, total rare-earth oxide: Ucore 2,000 TREO (2026), Iluka Eneabba 23,000 REO (revised 2027)', () => {
    const r = capacityByYear(projects, query({ chainStage: 'separation', kind: 'reo', years }));
    expect(r.total).toEqual([0, 2000, 25000, 25000, 25000, 25000]);
    expect(r.excluded.find((e) => e.id === 'prj-lynas-seadrift')?.reason).toBe('stage');
    expect(r.excluded.find((e) => e.id === 'prj-reelement-marion')?.reason).toBe('unknown-start');
  });
});
