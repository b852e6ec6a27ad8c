// Merging curated plants with nearby records: two curated rows never merge; the processing tables merge last.
import { describe, expect, test } from 'vitest';
import { mergeDuplicates, type CheckedSite, type ReportEntry } from '../../data/pipeline/sites';

/** A record at Kwinana (115.79 E, 32.23 S); each case changes what it needs. */
const record = (id: string, name: string, change: Partial<CheckedSite> = {}): CheckedSite => ({
  id,
  ref: id,
  dataset: 'curated',
  name,
  kind: 'refinery',
  minerals: ['lithium'],
  countryName: 'AUS',
  country: 'AUS',
  lng: 115.79,
  lat: -32.23,
  status: 'operating',
  operator: null,
  capacity: null,
  precision: 'approximate',
  source: { publisher: id, title: id, year: 2025 },
  vintage: 2025,
  notes: null,
  rank: 3,
  ...change,
});
const usgs = (id: string, name: string) => record(id, name, { dataset: 'usgs', rank: 2 });

describe('mergeDuplicates with curated plants', () => {
  test.each([
    [
      'two curated plants of one town with similar names stay two sites',
      [
        record('cur-covalent', 'Covalent Lithium hydroxide refinery, Kwinana'),
        record('cur-tianqi', 'Tianqi Lithium hydroxide refinery, Kwinana'),
      ],
      new Set<string>(),
      [['cur-covalent'], ['cur-tianqi']],
    ],
    [
      'a USGS record joins the one curated plant it matches',
      [
        record('cur-tianqi', 'Tianqi Lithium hydroxide refinery, Kwinana'),
        usgs('usgs-1', 'Kwinana Lithium Refinery'),
      ],
      new Set<string>(),
      [['cur-tianqi', 'usgs-1']],
    ],
    [
      'a record chained to an earlier curated site stays with it when a later-table plant also matches',
      [
        record('cur-b-old', 'Onsan smelter'),
        usgs('usgs-1', 'Onsan Refinery'),
        record('cur-a-new', 'Onsan nickel refinery'),
      ],
      new Set(['cur-a-new']),
      [['cur-a-new'], ['cur-b-old', 'usgs-1']],
    ],
  ])('%s', (_title, records, late, groups) => {
    const report: ReportEntry[] = [];
    const sites = mergeDuplicates(records, report, late);
    const merged = report.filter((r) => r.action === 'merged').map((r) => r.detail);
    const got = sites.map((s) =>
      [
        s.id,
        ...records
          .filter(
            (r) =>
              r.id !== s.id && merged.some((d) => d.startsWith(`"${s.name}"`) && d.includes(`${r.ref} (`)),
          )
          .map((r) => r.id),
      ].sort(),
    );
    expect(got).toEqual(groups);
  });
});
