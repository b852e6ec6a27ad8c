// Unit tests for the site facet counts: the typed pass against the rule written plainly, on the real sites and on edge cases.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSites } from '../../src/data/load';
import { siteCodes, siteFacets } from '../../src/derive/site-facets';
import { SITE_KINDS, SITE_STATUSES, type Site, type SiteKind, type SiteStatus } from '../../src/model/types';

const sites = await parseSites(JSON.parse(readFileSync('public/data/sites.geojson', 'utf8')), 'sites', []);

type Spec = { minerals: string[]; kinds: SiteKind[]; statuses: SiteStatus[]; focus: string | null };

/** The rule as the panel states it, one site at a time with Maps (the implementation before the typed pass). */
function plain(list: readonly Site[], f: Spec) {
  const minerals = new Map<string, number>();
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const x of list) {
    if (f.focus !== null && x.country !== f.focus) continue;
    const mineralOk = x.minerals.some((m) => f.minerals.includes(m));
    const kindOk = f.kinds.includes(x.kind);
    const statusOk = f.statuses.includes(x.status);
    if (kindOk && statusOk) for (const m of x.minerals) minerals.set(m, (minerals.get(m) ?? 0) + 1);
    if (mineralOk && statusOk) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
    if (mineralOk && kindOk) statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
  }
  return { minerals, kinds, statuses };
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
const asLists = (x: ReturnType<typeof plain>) => ({
  minerals: sorted(x.minerals),
  kinds: sorted(x.kinds),
  statuses: sorted(x.statuses),
});

describe('siteFacets', () => {
  const allMinerals = [...new Set(sites.flatMap((s) => s.minerals))];
  const countries = [...new Set(sites.map((s) => s.country))];
  const codes = siteCodes(sites);

  test("the real sites: random filter states give the plain rule's counts", () => {
    expect(sites.length).toBeGreaterThan(1000);
    fc.assert(
      fc.property(
        fc.record({
          minerals: fc.subarray(allMinerals),
          kinds: fc.subarray([...SITE_KINDS]),
          statuses: fc.subarray([...SITE_STATUSES]),
          focus: fc.option(fc.constantFrom(...countries, 'ATA'), { nil: null }),
        }),
        (f) => {
          expect(asLists(siteFacets(codes, f))).toEqual(asLists(plain(sites, f)));
        },
      ),
      { seed: 20261208, numRuns: 300 },
    );
  });

  const site = (id: string, country: string, kind: SiteKind, status: SiteStatus, minerals: string[]) =>
    ({ ...(sites[0] as Site), id, country, kind, status, minerals }) as Site;
  const mine = SITE_KINDS[0];
  const open = SITE_STATUSES[0];
  const few = [
    site('a', 'AUS', mine, open, ['lithium', 'cobalt']),
    site('b', 'CHN', mine, open, ['rare-earths', 'rare-earths']),
    site('c', 'AUS', SITE_KINDS[1], SITE_STATUSES[1], ['lithium']),
  ];
  test.each<[string, Spec, ReturnType<typeof asLists>]>([
    [
      'every option chosen: each listing counts',
      {
        minerals: ['lithium', 'cobalt', 'rare-earths'],
        kinds: [...SITE_KINDS],
        statuses: [...SITE_STATUSES],
        focus: null,
      },
      {
        minerals: [
          ['cobalt', 1],
          ['lithium', 2],
          ['rare-earths', 2],
        ],
        kinds: sorted(
          new Map([
            [mine, 2],
            [SITE_KINDS[1], 1],
          ]),
        ),
        statuses: sorted(
          new Map([
            [open, 2],
            [SITE_STATUSES[1], 1],
          ]),
        ),
      },
    ],
    [
      'a focus country with no site keeps none',
      { minerals: ['lithium'], kinds: [...SITE_KINDS], statuses: [...SITE_STATUSES], focus: 'ATA' },
      { minerals: [], kinds: [], statuses: [] },
    ],
    [
      "a mineral's count ignores the mineral filter; kinds and statuses need one chosen mineral",
      { minerals: ['cobalt'], kinds: [mine], statuses: [open], focus: 'AUS' },
      {
        minerals: [
          ['cobalt', 1],
          ['lithium', 1],
        ],
        kinds: [[mine, 1]],
        statuses: [[open, 1]],
      },
    ],
  ])('%s', (_, f, expected) => {
    expect(asLists(siteFacets(siteCodes(few), f))).toEqual(expected);
    expect(asLists(plain(few, f))).toEqual(expected);
  });
});
