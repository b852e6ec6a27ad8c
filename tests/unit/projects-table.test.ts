// Unit tests for the project tables: validation failures naming the row, id and field; the real tables' counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { loadProjects, parseProjectTables, type CuratedProject } from '../../data/pipeline/projects';
import { PipelineError } from '../../data/pipeline/read';

const CURATED = 'data/curated';
const mineralIds = new Set(
  (
    JSON.parse(readFileSync(join(CURATED, 'minerals.json'), 'utf8')) as { minerals: { id: string }[] }
  ).minerals.map((m) => m.id),
);

/** One valid project and one valid support row, in the real tables' columns; each case changes one field. */
const PROJECT: Record<string, string> = {
  id: 'prj-test',
  name: 'Test separation plant',
  operator: 'Test Co',
  country: 'AUS',
  minerals: 'rare-earths',
  chain_stage: 'separation',
  project_stage: 'construction',
  lat: '-30.00',
  lng: '120.00',
  precision: 'approximate',
  product: 'NdPr oxide',
  capacity_value: '1000',
  capacity_unit: 't/yr NdPr oxide',
  start_year_announced: '2026',
  start_year_revised: '2027',
  start_year_revision_note: 'slipped a year',
  permit_applied: '2024-03',
  permit_granted: '2025',
  permit_note: 'works approval',
  fast_track: '',
  arrangements: 'none-stated',
  site_hint: 'Test Town',
  source_publisher: 'Test Publisher',
  source_title: 'Test title',
  source_year: '2025',
  source_url: 'https://example.org/a',
  vintage: '2025',
  notes: '',
};
const SUPPORT: Record<string, string> = {
  project_id: 'prj-test',
  agency: 'Test Agency',
  country: 'AUS',
  instrument: 'loan',
  amount: '5000000',
  currency: 'AUD',
  date: '2024-02-29',
  status: 'announced',
  source_publisher: 'Test Publisher',
  source_title: 'Test title',
  source_year: '2024',
  source_url: '',
  notes: '',
};

const csv = (rows: Record<string, string>[]) => Papa.unparse(rows, { newline: '\r\n' });
function parse(projects: Record<string, string>[], support: Record<string, string>[]): CuratedProject[] {
  return parseProjectTables(
    {
      projects: { file: 'projects.csv', text: csv(projects) },
      support: { file: 'project-support.csv', text: csv(support) },
    },
    mineralIds,
  );
}

describe('validation', () => {
  test('the valid fixture parses, with nulls for empty fields and support joined', () => {
    const [p] = parse([PROJECT], [SUPPORT]);
    expect(p).toMatchObject({
      id: 'prj-test',
      position: [120, -30],
      capacity: { value: 1000, unit: 't/yr NdPr oxide' },
      startYear: { announced: 2026, revised: 2027, note: 'slipped a year' },
      permit: { applied: '2024-03', granted: '2025', note: 'works approval' },
      fastTrack: null,
      arrangements: [],
      sources: [
        { publisher: 'Test Publisher', title: 'Test title', year: 2025, url: 'https://example.org/a' },
      ],
    });
    expect(p?.support).toEqual([
      {
        agency: 'Test Agency',
        country: 'AUS',
        instrument: 'loan',
        amount: 5000000,
        currency: 'AUD',
        date: '2024-02-29',
        status: 'announced',
        source: { publisher: 'Test Publisher', title: 'Test title', year: 2024 },
        notes: '',
      },
    ]);
  });

  const P = (change: Record<string, string>) => ({ ...PROJECT, ...change });
  const S = (change: Record<string, string>) => ({ ...SUPPORT, ...change });
  /** [what is wrong, the project row's changed fields, the error]: every message names row, id and field. */
  const projectCases: [string, Record<string, string>, RegExp][] = [
    ['unknown stage', { project_stage: 'planned' }, /field project_stage: unknown stage "planned"/],
    ['unknown chain stage', { chain_stage: 'smelter' }, /field chain_stage: unknown chain stage "smelter"/],
    [
      'unknown arrangement',
      { arrangements: 'bilateral;quad' },
      /field arrangements: unknown arrangement "quad"/,
    ],
    ['none-stated with a tag', { arrangements: 'msp;none-stated' }, /field arrangements: none-stated cannot/],
    ['empty arrangements', { arrangements: '' }, /field arrangements: arrangements \(write none-stated/],
    [
      'unknown mineral',
      { minerals: 'rare-earths;unobtainium' },
      /field minerals: unknown mineral "unobtainium"/,
    ],
    ['no source publisher', { source_publisher: '' }, /field source_publisher: .*needs its source/],
    ['no source title', { source_title: ' ' }, /field source_title: .*needs its source/],
    ['no source year', { source_year: '' }, /field source_year: .*needs its source/],
    ['source address not http(s)', { source_url: 'javascript:alert(1)' }, /field source_url: an http\(s\)/],
    ['bad permit date', { permit_granted: '2021-1' }, /field permit_granted: a date YYYY, YYYY-MM or/],
    ['capacity without unit', { capacity_unit: '' }, /field capacity_value: a capacity needs both/],
    ['revised start alone', { start_year_announced: '' }, /field start_year_revised: a revised start year/],
    ['start year not a year', { start_year_announced: '2026e' }, /field start_year_announced: a year YYYY/],
    ['in China', { country: 'CHN' }, /field country: CHN: the table is for projects outside China/],
    ['latitude out of range', { lat: '95' }, /field lat: /],
    ['unknown precision', { precision: 'exactish' }, /field precision: unknown precision "exactish"/],
  ];
  test.each(projectCases)('project: %s fails, naming row, id and field', (_, change, error) => {
    const run = () => parse([P(change)], [SUPPORT]);
    expect(run).toThrow(PipelineError);
    expect(run).toThrow(/projects\.csv row 1: id prj-test, /);
    expect(run).toThrow(error);
  });

  const supportCases: [string, Record<string, string>, RegExp][] = [
    ['unknown instrument', { instrument: 'subsidy' }, /field instrument: unknown instrument "subsidy"/],
    ['no date', { date: '' }, /field date: date \(every support row needs one\) is empty/],
    [
      'a day that does not exist',
      { date: '2023-02-29' },
      /field date: a date .* that exists, not "2023-02-29"/,
    ],
    ['a date in another format', { date: '12/03/2024' }, /field date: a date YYYY/],
    ['month 13', { date: '2024-13' }, /field date: a date YYYY/],
    ['amount without currency', { currency: '' }, /field currency: an amount needs its currency/],
    ['amount with separators', { amount: '5,000,000' }, /field amount: a plain number/],
    ['no source title', { source_title: ' ' }, /field source_title: .*needs its source/],
    ['country not ISO3 or EU', { country: 'Europe' }, /field country: country must be an ISO3 code or EU/],
  ];
  test.each(supportCases)('support: %s fails, naming row, project and field', (_, change, error) => {
    const run = () => parse([PROJECT], [S(change)]);
    expect(run).toThrow(PipelineError);
    expect(run).toThrow(/project-support\.csv row 1: project prj-test, /);
    expect(run).toThrow(error);
  });

  const tableCases: [string, Record<string, string>[], Record<string, string>[], RegExp][] = [
    [
      'support for an unknown project',
      [PROJECT],
      [S({ project_id: 'prj-no' })],
      /row 1: project prj-no, field project_id: no such/,
    ],
    [
      'a duplicate id',
      [PROJECT, P({ name: 'Again' })],
      [SUPPORT],
      /projects\.csv row 2: id prj-test, field id: duplicate id/,
    ],
    [
      'a project without support',
      [PROJECT, P({ id: 'prj-lonely' })],
      [SUPPORT],
      /id prj-lonely: no support row/,
    ],
    [
      'an unknown column',
      [{ ...PROJECT, extra: 'x' }],
      [SUPPORT],
      /projects\.csv row 1: id prj-test, columns: /,
    ],
  ];
  test.each(tableCases)('tables: %s fails', (_, projects, support, error) => {
    expect(() => parse(projects, support)).toThrow(error);
  });

  test('an amount may be empty with or without a currency; dates of year or month precision are kept', () => {
    const [p] = parse(
      [PROJECT],
      [S({ amount: '', currency: 'USD', date: '2023' }), S({ amount: '', currency: '' })],
    );
    expect(p?.support.map((s) => [s.amount, s.currency, s.date])).toEqual([
      [null, 'USD', '2023'],
      [null, null, '2024-02-29'],
    ]);
  });
});

describe('the real tables', () => {
  const projects = loadProjects(CURATED, mineralIds);
  const support = projects.flatMap((p) => p.support);
  /** "key n, key n, ...": most first, then by key. */
  function tally<T>(items: readonly T[], key: (x: T) => string): string {
    const m = new Map<string, number>();
    for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return [...m]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  }

  test('67 projects in 19 countries with 140 support rows, as projects.md counts them', () => {
    expect(projects.length).toBeGreaterThanOrEqual(60);
    expect(new Set(projects.map((p) => p.country)).size).toBeGreaterThanOrEqual(12);
    expect(projects.length).toBe(67);
    expect(support.length).toBe(140);
    // projects.md "Counts" (by hand from the table).
    expect(tally(projects, (p) => p.country)).toBe(
      'USA 28, AUS 10, CAN 7, BRA 3, GBR 2, GRL 2, SWE 2, ZAF 2, DEU 1, EST 1, FIN 1, FRA 1, JPN 1, KAZ 1, KOR 1, ' +
        'MOZ 1, MWI 1, POL 1, PRT 1',
    );
    expect(tally(projects, (p) => p.stage)).toBe(
      'feasibility 18, financing 15, construction 12, operating 9, cancelled 3, commissioning 3, permitting 3, ' +
        'exploration 2, stalled 2',
    );
    expect(tally(projects, (p) => p.chainStage)).toBe(
      'mine 29, refinery 14, separation 12, magnet 6, battery-materials 5, recycling 1',
    );
    expect(projects.filter((p) => p.minerals.includes('rare-earths'))).toHaveLength(37);
  });

  test('every project and support row has a source; every project has support, oldest first', () => {
    for (const p of projects) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.support.length, p.id).toBeGreaterThan(0);
      const dates = p.support.map((s) => s.date);
      expect(dates, p.id).toEqual([...dates].sort());
      for (const s of p.support) expect(s.source.publisher.length, p.id).toBeGreaterThan(0);
    }
  });

  test('support: instruments, date precision and missing amounts as projects.md counts them', () => {
    expect(tally(support, (s) => s.instrument)).toBe(
      'grant 54, loan 31, other 21, equity 15, letter-of-interest 15, offtake 2, guarantee 1, price-floor 1',
    );
    expect(tally(support, (s) => `${s.date.length}`)).toBe('10 109, 7 29, 4 2');
    expect(support.filter((s) => s.amount === null)).toHaveLength(27);
  });
});
