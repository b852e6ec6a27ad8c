// The reader's data after reading: filters on their sites and flows, flows summed into arcs, kept files, CSV out.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { makeLookup, readUserFile, type ReadResult } from '../../src/derive/user-data';
import { userFileCsv } from '../../src/derive/user-data/export';
import { toUserFile } from '../../src/derive/user-data/file';
import {
  USER_HS,
  keepUserData,
  userArcs,
  userFlowPasses,
  userSitePasses,
} from '../../src/derive/user-filter';
import {
  selectScenarioFlows,
  selectScenarioHasUserFlows,
  selectScenarioResults,
} from '../../src/state/scenario';
import type { FilterSpec } from '../../src/model/filters';
import { MAX_KEPT_REJECTIONS, type UserFlow, type UserSite } from '../../src/model/user-data';
import { createAppStore, defaultFilters } from '../../src/state/store';

const json = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const minerals = (json('public/data/minerals.json') as { minerals: { id: string; name: string }[] }).minerals;
const countries = (json('public/data/countries.json') as { countries: { iso3: string; name: string }[] })
  .countries;
const reference = makeLookup({ minerals, countries });
const read = (text: string): Extract<ReadResult, { ok: true }> => {
  const r = readUserFile(new TextEncoder().encode(text), 'f.csv', undefined, { reference });
  if (!r.ok) throw new Error(r.message);
  return r;
};

const spec = (patch: Partial<FilterSpec> = {}): FilterSpec => ({
  ...defaultFilters(),
  minerals: ['rare-earths'],
  ...patch,
});
const site = (patch: Partial<UserSite> = {}): UserSite => ({
  id: 's',
  origin: 'user',
  name: 'S',
  position: [0, 0],
  minerals: ['rare-earths'],
  status: 'operating',
  row: 2,
  ...patch,
});
const flow = (patch: Partial<UserFlow> = {}): UserFlow => ({
  id: 'f',
  origin: 'user',
  year: 2024,
  exporter: 'AUS',
  importer: 'JPN',
  mineral: 'rare-earths',
  valueUsd: 1000,
  tonnes: null,
  row: 2,
  ...patch,
});

describe("filters on the reader's sites", () => {
  test.each([
    ['kept: mineral, kind and status pass', site({ kind: 'mine' }), spec(), true],
    ['another mineral', site({ minerals: ['lithium'] }), spec(), false],
    ['no mineral named: kept under every mineral', site({ minerals: [] }), spec(), true],
    ['kind filtered out', site({ kind: 'mine' }), spec({ kinds: ['refinery'] }), false],
    ['no kind named: kept under every kind', site({}), spec({ kinds: ['refinery'] }), true],
    ['status filtered out', site({ status: 'closed' }), spec({ statuses: ['operating'] }), false],
    ['focus country matches', site({ country: 'AUS' }), spec({ focus: 'AUS' }), true],
    ['focus country: a site without a country is not in it', site({}), spec({ focus: 'AUS' }), false],
  ] as const)('%s', (_, s, f, want) => {
    expect(userSitePasses(s, f)).toBe(want);
  });
});

describe("filters on the reader's flows", () => {
  test.each([
    ['kept', flow(), spec(), 2024, true],
    ['another year', flow(), spec(), 2023, false],
    ['another mineral', flow({ mineral: 'lithium' }), spec(), 2024, false],
    ['below the smallest value', flow({ valueUsd: 10 }), spec({ minValueUsd: 100 }), 2024, false],
    ['focus as exporter', flow(), spec({ focus: 'AUS', role: 'exporter' }), 2024, true],
    ['focus as importer only', flow(), spec({ focus: 'AUS', role: 'importer' }), 2024, false],
    ['focus either side', flow(), spec({ focus: 'JPN', role: 'either' }), 2024, true],
    ['China-exposed only: from China', flow({ exporter: 'CHN' }), spec({ risk: 'china' }), 2024, true],
    [
      'China-exposed only: Hong Kong counts as China',
      flow({ importer: 'HKG' }),
      spec({ risk: 'china' }),
      2024,
      true,
    ],
    ['China-exposed only: AUS to JPN is not', flow(), spec({ risk: 'china' }), 2024, false],
    ['avoid China: AUS to JPN passes', flow(), spec({ risk: 'no-china' }), 2024, true],
    [
      'origin reason off: a flow from China is not exposed by origin',
      flow({ exporter: 'CHN' }),
      spec({ risk: 'china', reasons: ['destination', 'transit'] }),
      2024,
      false,
    ],
  ] as const)('%s', (_, fl, f, year, want) => {
    expect(userFlowPasses(fl, f, year)).toBe(want);
  });

  test('keepUserData goes through every file in order', () => {
    const file = toUserFile('a.csv', read('name,lat,lng,mineral\nA,1,2,rare-earths\nB,3,4,lithium\n'));
    const kept = keepUserData([file], spec(), 2024);
    expect(kept.sites.map((s) => s.name)).toEqual(['A']);
    expect(kept.flows).toEqual([]);
  });
});

describe("the reader's flows as arcs", () => {
  const anchors: Record<string, [number, number]> = { AUS: [150, -33], JPN: [139, 35], USA: [-95, 38] };
  const anchor = (iso3: string) => anchors[iso3];

  test('rows of one exporter, importer and mineral are summed into one arc; largest first', () => {
    const { arcs, hidden, undrawable } = userArcs(
      [
        flow({ valueUsd: 100, tonnes: 2 }),
        flow({ valueUsd: 50, tonnes: null }),
        flow({ importer: 'USA', valueUsd: 500 }),
        flow({ importer: 'DEU', valueUsd: 5 }),
        flow({ importer: 'AUS', valueUsd: 5 }),
      ],
      anchor,
    );
    expect(arcs.map((a) => [a.exporter, a.importer, a.valueUsd, a.tonnes, a.rows])).toEqual([
      ['AUS', 'USA', 500, null, 1],
      ['AUS', 'JPN', 150, 2, 2],
    ]);
    expect(arcs[1]?.from).toEqual([150, -33]);
    expect(hidden).toBe(0);
    expect(undrawable).toBe(2); // DEU has no anchor here; AUS -> AUS is no arc
  });

  test('at most `max` arcs, the smallest left out and counted', () => {
    const r = userArcs([flow({ valueUsd: 1 }), flow({ importer: 'USA', valueUsd: 2 })], anchor, 1);
    expect(r.arcs.map((a) => a.importer)).toEqual(['USA']);
    expect(r.hidden).toBe(1);
  });
});

describe('a file as the app keeps it', () => {
  test('ids are unique across files, rejections are capped and counted', () => {
    const rows = ['name,lat,lng', 'Good,1,2'];
    for (let i = 0; i < MAX_KEPT_REJECTIONS + 20; i++) rows.push(`Bad ${i},x,2`);
    const result = read(rows.join('\n'));
    const a = toUserFile('a.csv', result);
    const b = toUserFile('a.csv', result);
    expect(a.id).not.toBe(b.id);
    expect(a.sites[0]?.id).toBe(`${a.id}:user-1`);
    expect(a.rejected).toHaveLength(MAX_KEPT_REJECTIONS);
    expect(a.rejectedCount).toBe(MAX_KEPT_REJECTIONS + 20);
  });

  test('the CSV of a file reads back as the same rows; formula cells are made text', () => {
    const text = [
      'name,lat,lng,kind,mineral,country,status,notes,source',
      '"=HYPERLINK(""http://x"")",-30.5,121.5,mine,rare-earths;lithium,Australia,operating,"a, b",@me',
    ].join('\n');
    const file = toUserFile('s.csv', read(text));
    const csv = userFileCsv(file);
    expect(csv.split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://x"")",-30.5,121.5,mine,rare-earths;lithium,AUS,operating,"a, b",'@me`,
    );
    const again = read(csv);
    expect(again.kind).toBe('sites');
    expect(again.items[0]).toMatchObject({ position: [121.5, -30.5], minerals: ['rare-earths', 'lithium'] });
  });

  test('flows CSV: numbers as numbers, unknown tonnes empty', () => {
    const file = toUserFile(
      'f.csv',
      read('exporter,importer,mineral,year,value,tonnes\nAUS,JPN,rare-earths,2024,1500.5,\n'),
    );
    expect(userFileCsv(file)).toBe(
      'exporter,importer,mineral,year,value,tonnes\r\nAUS,JPN,rare-earths,2024,1500.5,\r\n',
    );
  });
});

describe("the reader's flows in the scenario and allied figures", () => {
  const base = () => {
    const s = createAppStore().getState();
    const file = toUserFile(
      'f.csv',
      read(
        'exporter,importer,mineral,year,value\nCHN,JPN,rare-earths,2024,1000\nAUS,JPN,rare-earths,2023,5\n',
      ),
    );
    return {
      ...s,
      data: { sites: [], countries: new Map(), minerals: [], manifest: null },
      filters: { ...s.filters, minerals: ['rare-earths'], year: 2024 },
      userData: { files: [file], combine: false, storage: 'ready' as const },
    };
  };

  test('only when the reader combines them, only the mineral and year, marked by their product code', () => {
    const off = base();
    expect(selectScenarioFlows(off).filter((f) => f.hs === USER_HS)).toEqual([]);
    expect(selectScenarioHasUserFlows(off)).toBe(false);
    const on = { ...off, userData: { ...off.userData, combine: true } };
    const theirs = selectScenarioFlows(on).filter((f) => f.hs === USER_HS);
    expect(theirs.map((f) => [f.exporter, f.importer, f.valueUsd, f.risk])).toEqual([
      ['CHN', 'JPN', 1000, 1],
    ]);
    expect(selectScenarioHasUserFlows(on)).toBe(true);
  });

  test("a China stop cuts their flow from China (origin); its share of the importer's loss counts it", () => {
    const on = { ...base(), scenario: { id: 'china-stop' as const, exporters: [] } };
    on.userData = { ...on.userData, combine: true };
    const jpn = selectScenarioResults(on).find((r) => r.importer === 'JPN');
    expect(jpn?.lostUsd).toBe(1000);
    expect(jpn?.lossShare).toBe(1);
  });
});
