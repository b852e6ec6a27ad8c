// Merging curated plants with nearby records: two curated rows never merge; the processing tables merge last and
// never take a mine or deposit record.
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
const ground = (id: string, name: string, kind: 'mine' | 'deposit') =>
  record(id, name, {
    dataset: kind === 'mine' ? 'usgs' : 'usgs-pp1802',
    kind,
    rank: kind === 'mine' ? 2 : 1,
  });

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
    [
      'a processing-table plant does not take the mine and deposit named after its town (Mutoshi / Kolwezi)',
      [
        record('cur-chemaf-mutoshi', 'Chemaf Mutoshi copper-cobalt processing plant, Kolwezi', {
          kind: 'refinery',
        }),
        ground('usgs-cod022', 'Kolwezi Copper Mine (COMMUS)', 'mine'),
        ground('dep-2228', 'Kolwezi', 'deposit'),
      ],
      new Set(['cur-chemaf-mutoshi']),
      [['cur-chemaf-mutoshi'], ['dep-2228', 'usgs-cod022']],
    ],
    [
      'a processing-table plant does not take a deposit record (Tsumeb smelter / Tsumeb deposit)',
      [
        record('cur-sinomine-tsumeb', 'Sinomine Tsumeb smelter germanium-zinc line, Tsumeb'),
        ground('pp-1031', 'Tsumeb', 'deposit'),
      ],
      new Set(['cur-sinomine-tsumeb']),
      [['cur-sinomine-tsumeb'], ['pp-1031']],
    ],
    [
      'a separation plant does not take the REE occurrence of its town (Dingnan Dahua / Dingnan)',
      [
        record('cur-dingnan-dahua', 'Dingnan Dahua rare-earth separation plant, Dingnan', {
          kind: 'separation',
        }),
        ground('ree-315', 'Dingnan', 'deposit'),
      ],
      new Set(['cur-dingnan-dahua']),
      [['cur-dingnan-dahua'], ['ree-315']],
    ],
    [
      'a processing-table plant still takes the plant record of another layer (Big Hill)',
      [
        record('cur-stl-big-hill', 'STL Big Hill germanium hydrometallurgical plant, Lubumbashi'),
        usgs('usgs-cod001', 'Big Hill Tailings Treatment Plant'),
      ],
      new Set(['cur-stl-big-hill']),
      [['cur-stl-big-hill', 'usgs-cod001']],
    ],
    [
      'a plant does not join a group that already holds a deposit, even through a plant record',
      [
        usgs('usgs-plant', 'Ruashi Plant'),
        ground('usgs-mine', 'Ruashi Mine', 'mine'),
        record('cur-ruashi', 'Ruashi cobalt plant'),
      ],
      new Set(['cur-ruashi']),
      [['cur-ruashi'], ['usgs-mine', 'usgs-plant']],
    ],
    [
      'a sites.csv complex (mines and plants) still takes the deposit of its name (Panzhihua)',
      [
        record('cur-panzhihua', 'Pangang vanadium-titanium complex, Panzhihua'),
        ground('pp-1600', 'Panzhihua', 'deposit'),
      ],
      new Set<string>(),
      [['cur-panzhihua', 'pp-1600']],
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
