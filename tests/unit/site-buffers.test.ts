// Unit tests for the sites' typed attributes: one instance per (site, mineral), colours, radii, selection.
import { describe, expect, test } from 'vitest';
import { KIND_COLORS, KIND_RADIUS_PX } from '../../src/config/app';
import { buildFilterIndex } from '../../src/derive/filter';
import { buildSiteBuffers, siteRadii, UNKNOWN_MINERAL_CATEGORY } from '../../src/derive/site-buffers';
import type { Site } from '../../src/model/types';

const site = (id: string, kind: Site['kind'], minerals: string[], position: [number, number]): Site =>
  ({
    id,
    name: id,
    kind,
    minerals,
    country: 'USA',
    status: 'operating',
    precision: 'exact',
    sources: [{ publisher: 'P', title: 'T', year: 2020 }],
    vintage: 2020,
    position,
  }) as Site;

const index = buildFilterIndex(['AUS', 'USA'], ['lithium', 'rare-earths']);
const sites = [
  site('a', 'mine', ['rare-earths', 'lithium'], [-115.5, 35.5]),
  site('b', 'deposit', ['unobtainium'], [120, -30]),
];
const b = buildSiteBuffers(sites, index);

describe('buildSiteBuffers', () => {
  test('one instance per site and mineral, with position, colour, radius and filter values', () => {
    expect(b.length).toBe(3);
    expect(b.site.map((s) => s.id)).toEqual(['a', 'a', 'b']);
    expect([...b.positions]).toEqual([-115.5, 35.5, -115.5, 35.5, 120, -30]);
    expect([...b.fillColors.subarray(0, 4)]).toEqual([...KIND_COLORS.mine, 235]);
    expect([...b.fillColors.subarray(8, 12)]).toEqual([...KIND_COLORS.deposit, 170]);
    expect([...b.radii]).toEqual([KIND_RADIUS_PX.mine, KIND_RADIUS_PX.mine, KIND_RADIUS_PX.deposit]);
    expect([...b.filterValues]).toEqual([1, 1, 1]);
    // [mineral, kind, status]: rare earths 1, lithium 0; an unknown mineral gets the bit no filter selects.
    expect([b.categories[0], b.categories[3], b.categories[6]]).toEqual([1, 0, UNKNOWN_MINERAL_CATEGORY]);
    expect([...b.mineral]).toEqual([1, 0, -1]);
  });
  test('the selected site is drawn larger; without a selection the radii are the shared array', () => {
    expect(siteRadii(b, null)).toBe(b.radii);
    expect(siteRadii(b, 'nope')).toBe(b.radii);
    const r = siteRadii(b, 'a');
    expect([...r]).toEqual(
      [KIND_RADIUS_PX.mine * 1.8, KIND_RADIUS_PX.mine * 1.8, KIND_RADIUS_PX.deposit].map(Math.fround),
    );
    expect([...b.radii]).toEqual([KIND_RADIUS_PX.mine, KIND_RADIUS_PX.mine, KIND_RADIUS_PX.deposit]);
  });
});
