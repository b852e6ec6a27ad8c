// Unit tests for the URL codec: valid links round-trip, bad values are dropped or clamped with a reason.
import { describe, expect, test } from 'vitest';
import { parseUrl, serializeUrl, type UrlState } from '../../src/url/codec';

const MINERALS = new Set(['rare-earths', 'lithium', 'cobalt']);

describe('parseUrl', () => {
  test('reads the stable keys', () => {
    const r = parseUrl(
      '?v=1&mineral=rare-earths,lithium&year=2022&risk=no-china&view=139.65,35.45,4&embed=1',
      MINERALS,
    );
    expect(r.ignored).toEqual([]);
    expect(r.state).toEqual({
      minerals: ['rare-earths', 'lithium'],
      year: 2022,
      risk: 'no-china',
      view: { lng: 139.65, lat: 35.45, zoom: 4 },
      embed: true,
    });
  });
  test.each([
    ['?mineral=unobtainium', /unknown mineral "unobtainium"/, {}],
    ['?year=1999', /outside 2018-2024; showing 2018/, { year: 2018 }],
    ['?year=3000', /showing 2024/, { year: 2024 }],
    ['?year=abcd', /not a year/, {}],
    ['?risk=maybe', /risk "maybe"/, {}],
    ['?view=1,2', /not lng,lat,zoom/, {}],
    ['?view=200,95,40', null, { view: { lng: -160, lat: 85, zoom: 12 } }],
    ['?site=%3Cimg%20src%3Dx%3E', /site id/, {}],
    ['?foo=bar', /unknown setting "foo"/, {}],
    ['?v=9', /unknown link version/, {}],
  ] as const)('%s', (query, reason, state) => {
    const r = parseUrl(query, MINERALS);
    if (reason) expect(r.ignored.join(' ')).toMatch(reason);
    else expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });
  test.each([
    ['?kind=mine,castle', /unknown site kind "castle"/, { kinds: ['mine'] }],
    ['?status=dreaming', /unknown site status/, {}],
    ['?focus=japan', /not a country code/, {}],
    ['?role=buyer', /role "buyer"/, {}],
    ['?min=-5', /not a positive number/, {}],
    ['?reasons=origin,weather', /unknown risk reason "weather"/, { reasons: ['origin'] }],
    ['?reasons=', null, { reasons: [] }],
    ['?color=green', /colour "green"/, {}],
    ['?lanes=yes', /lanes "yes"/, {}],
  ] as const)('filter key %s', (query, reason, state) => {
    const r = parseUrl(query, MINERALS);
    if (reason) expect(r.ignored.join(' ')).toMatch(reason);
    else expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });
  test('never throws on garbage', () => {
    for (const q of [
      '%',
      '?%E0%A4%A',
      '?&&&==',
      '?mineral=,,,',
      `?${'x'.repeat(5000)}`,
      '?view=NaN,Infinity,-0',
    ]) {
      expect(() => parseUrl(q, MINERALS)).not.toThrow();
    }
  });
});

describe('serializeUrl', () => {
  test.each<UrlState>([
    { minerals: ['rare-earths'], year: 2024 },
    {
      minerals: ['lithium', 'cobalt'],
      year: 2019,
      risk: 'china',
      view: { lng: 10.5, lat: -3.25, zoom: 2.5 },
    },
    { minerals: ['rare-earths'], year: 2022, site: 'cur-mountain-pass', embed: true },
    {
      minerals: ['cobalt'],
      year: 2024,
      kinds: ['mine', 'refinery'],
      statuses: ['operating'],
      focus: 'JPN',
      role: 'importer',
    },
    {
      minerals: ['rare-earths'],
      year: 2024,
      risk: 'no-china',
      reasons: ['transit', 'south-china-sea'],
      min: 1000000,
      color: 'importer-dependence',
      width: 'tonnes',
      lanes: true,
      all: true,
    },
  ])('round-trips %j', (state) => {
    const r = parseUrl(serializeUrl(state), MINERALS);
    expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });
  test('keys are short and readable', () => {
    expect(serializeUrl({ minerals: ['rare-earths', 'lithium'], year: 2024 })).toBe(
      'v=1&mineral=rare-earths,lithium&year=2024',
    );
  });
});
