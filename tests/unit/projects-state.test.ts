// The projects panel's state: which projects the filters keep, permit waits, marker sizes, and the link keys.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Project, ProjectsFile } from '../../src/model/projects';
import { defaultProjectsView, type ProjectsView } from '../../src/model/projects-view';
import { permitWaitDays, projectPasses, projectRadius, selectProjectMarkers } from '../../src/state/projects';
import { createAppStore } from '../../src/state/store';
import { parseUrl, serializeUrl } from '../../src/url/codec';
import { projectsViewFromUrl, stockpileFromUrl, urlStateFromApp } from '../../src/url/state';

const FILE = JSON.parse(readFileSync('public/data/projects.json', 'utf8')) as ProjectsFile;
const byId = (id: string) => FILE.projects.find((p) => p.id === id) as Project;
const view = (patch: Partial<ProjectsView> = {}): ProjectsView => ({ ...defaultProjectsView(), ...patch });

describe('the panel filters', () => {
  test.each<[string, Partial<ProjectsView>, string[], boolean]>([
    ['no filter', {}, ['rare-earths'], true],
    ['another mineral', {}, ['lithium'], false],
    ['its stage', { stages: ['construction'] }, ['rare-earths'], true],
    ['another stage', { stages: ['operating'] }, ['rare-earths'], false],
    ['supported by the United States', { government: 'USA' }, ['rare-earths'], true],
    ['Japan does not support it', { government: 'JPN' }, ['rare-earths'], false],
  ])('MP 10X, %s', (_, patch, minerals, kept) => {
    expect(projectPasses(byId('prj-mp-10x-northlake'), view(patch), minerals)).toBe(kept);
  });
  test('an arrangement keeps only the projects tagged with it', () => {
    const eu = FILE.projects.filter((p) =>
      projectPasses(p, view({ arrangement: 'eu-strategic' }), p.minerals),
    );
    expect(eu.length).toBeGreaterThan(0);
    for (const p of eu) expect(p.arrangements).toContain('eu-strategic');
  });
});

describe('permit waits', () => {
  const p = (applied: string | null, granted: string | null): Project => ({
    ...byId('prj-mp-10x-northlake'),
    permit: { applied, granted, note: null },
  });
  test.each<[string | null, string | null, { days: number; pending: boolean } | null]>([
    ['2023-01-10', '2024-01-10', { days: 365, pending: false }],
    ['2026-11-03', null, { days: 30, pending: true }],
    ['2023-01', '2024-01-10', null], // month only: not to the day
    [null, '2024-10', null],
  ])('applied %s, granted %s', (applied, granted, wait) => {
    expect(permitWaitDays(p(applied, granted), '2026-12-03')).toEqual(wait);
  });
});

describe('the layer', () => {
  test.each<[number | null, number]>([
    [null, 5],
    [10, 8],
    [10_000, 14],
    [1e9, 16],
  ])('capacity %s -> radius %i px', (value, radius) => {
    const p = { ...byId('prj-mp-10x-northlake'), capacity: value === null ? null : { value, unit: 't/yr' } };
    expect(projectRadius(p)).toBeCloseTo(radius, 6);
  });
  test('markers only while the layer is open, the selected one marked', () => {
    const store = createAppStore({ projects: FILE, projectsStatus: 'ready' });
    expect(selectProjectMarkers(store.getState())).toBeNull();
    store.setState({ projectsView: view({ open: true, selected: 'prj-mp-10x-northlake' }) });
    const markers = selectProjectMarkers(store.getState()) ?? [];
    expect(markers.length).toBeGreaterThan(10);
    expect(markers.filter((m) => m.selected).map((m) => m.id)).toEqual(['prj-mp-10x-northlake']);
  });
});

describe('links', () => {
  test('projects keys round-trip; defaults stay out of the link', () => {
    const store = createAppStore();
    expect(serializeUrl(urlStateFromApp(store.getState()))).not.toMatch(
      /projects|pstage|pgov|parr|project=|cap|stock/,
    );
    store.setState({
      projectsView: view({
        open: true,
        stages: ['construction', 'operating'],
        government: 'JPN',
        arrangement: 'bilateral',
        selected: 'prj-mp-10x-northlake',
        capacityBy: 'stage',
        capacityReading: 'delayed',
      }),
      scenario: { id: 'china-stop', exporters: [] },
      stockpile: { months: 3, tonnes: 500 },
    });
    const link = serializeUrl(urlStateFromApp(store.getState()));
    const back = parseUrl(`?${link}`, new Set(['rare-earths']));
    expect(back.ignored).toEqual([]);
    expect(projectsViewFromUrl(back.state)).toEqual(store.getState().projectsView);
    expect(stockpileFromUrl(back.state)).toEqual({ months: 3, tonnes: 500 });
  });
  test.each([
    ['?pstage=building', 'unknown project stage "building"'],
    ['?pgov=japan', 'pgov "japan" is not a country code or EU'],
    ['?parr=nato', 'parr "nato" is not'],
    ['?stock=-1', 'stock "-1" is not a plain positive number'],
    ['?stock=999', 'stock 999 is above 120; showing 120'],
    ['?cap=late', 'cap "late" is not'],
  ])('%s is dropped and said', (query, why) => {
    expect(
      parseUrl(query, new Set())
        .ignored.map((x) => x.text)
        .join(' '),
    ).toContain(why);
  });
  test('a selected project opens the layer', () => {
    expect(projectsViewFromUrl(parseUrl('?project=prj-x', new Set()).state).open).toBe(true);
  });
});
