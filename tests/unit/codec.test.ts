// Unit tests for the URL codec: valid links round-trip, bad values are dropped or clamped with a reason.
import { MIGRATIONS, URL_VERSION } from '../../src/url/versions';
import { DEFAULT_REASONS, RISK_REASONS } from '../../src/model/filters';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseUrl, serializeUrl, type UrlState } from '../../src/url/codec';
import { SITE_KINDS, SITE_STATUSES } from '../../src/model/types';

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
    ['?site=%3Cimg%20src%3Dx%3E', /site id/, {}],
    ['?foo=bar', /unknown setting "foo"/, {}],
    ['?v=9', /unknown link version/, {}],
    ['?v=0', /unknown link version/, {}],
  ] as const)('%s', (query, reason, state) => {
    const r = parseUrl(query, MINERALS);
    if (reason) expect(r.ignored.map((x) => x.text).join(' ')).toMatch(reason);
    else expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });
  test.each([
    ['?kind=mine,castle', /unknown site kind "castle"/, { kinds: ['mine'] }],
    ['?status=dreaming', /unknown site status/, {}],
    ['?focus=japan', /not a country code/, {}],
    ['?role=buyer', /role "buyer"/, {}],
    ['?min=-5', /not a plain positive number/, {}],
    ['?reasons=origin,weather', /unknown risk reason "weather"/, { reasons: ['origin'] }],
    ['?reasons=', null, { reasons: [] }],
    ['?color=green', /colour "green"/, {}],
    ['?lanes=yes', /lanes "yes"/, {}],
    ['?table=1', null, { table: true }],
    ['?table=0', null, { table: false }],
    ['?table=open', /table "open" is not 0 or 1/, {}],
  ] as const)('filter key %s', (query, reason, state) => {
    const r = parseUrl(query, MINERALS);
    if (reason) expect(r.ignored.map((x) => x.text).join(' ')).toMatch(reason);
    else expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });
  // Every clamped or dropped value is said, and only plain decimal numbers are read (a hostile review found these
  // changed silently).
  test.each([
    ['?view=0,95,0', /latitude 95 is outside -85 to 85; showing 85/, { view: { lng: 0, lat: 85, zoom: 0 } }],
    ['?view=0,0,20', /zoom 20 is outside 0 to 12; showing 12/, { view: { lng: 0, lat: 0, zoom: 12 } }],
    ['?view=200,0,0', /longitude 200 read as -160/, { view: { lng: -160, lat: 0, zoom: 0 } }],
    ['?view=,,', /view ",," is not lng,lat,zoom/, {}],
    ['?view=0b1,0o7,0x3', /is not lng,lat,zoom in plain decimal numbers/, {}],
    ['?view=1e2,0,0', /plain decimal/, {}],
    ['?view=139.65,-35.5,4.25', null, { view: { lng: 139.65, lat: -35.5, zoom: 4.25 } }],
    ['?min=1e13', /not a plain positive number/, {}],
    ['?min=10000000000000', /above 1000000000000; showing 1000000000000/, { min: 1e12 }],
    ['?min=0x10', /not a plain positive number/, {}],
    ['?min=2500000', null, { min: 2500000 }],
    ['?stop=AUS', /stop is read only with scenario=custom/, {}],
    ['?scenario=custom&stop=AUS', null, { scenario: 'custom', stop: ['AUS'] }],
    ['?role=importer', /role is read only with a focus country/, {}],
    ['?focus=JPN&role=importer', null, { focus: 'JPN', role: 'importer' }],
  ] as const)('no silent change: %s', (query, reason, state) => {
    const r = parseUrl(query, MINERALS);
    if (reason) expect(r.ignored.map((x) => x.text).join(' ')).toMatch(reason);
    else expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });

  test('long and control characters from the link are never echoed in full', () => {
    const r = parseUrl(`?mineral=${'x'.repeat(500)}%0A%3Cscript%3E`, MINERALS);
    const text = r.ignored.map((x) => x.text).join(' ');
    expect(text.length).toBeLessThan(60);
    expect(text).not.toMatch(/\n/);
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
      table: true,
    },
  ])('round-trips %j', (state) => {
    const r = parseUrl(serializeUrl(state), MINERALS);
    expect(r.ignored).toEqual([]);
    expect(r.state).toEqual(state);
  });
  test('keys are short and readable', () => {
    expect(serializeUrl({ minerals: ['rare-earths', 'lithium'], year: 2024 })).toBe(
      'v=2&mineral=rare-earths,lithium&year=2024',
    );
  });
});

describe('versions', () => {
  test('a version 1 link is migrated: the flow id loses its year, which becomes the year key', () => {
    const r = parseUrl('?v=1&mineral=rare-earths&flow=2024-rare-earths-850511-CHN-DEU', MINERALS);
    expect(r.ignored).toEqual([]);
    expect(r.state).toEqual({ minerals: ['rare-earths'], year: 2024, flow: 'rare-earths-850511-CHN-DEU' });
  });
  test('a version 1 link with its own year keeps it', () => {
    const r = parseUrl('?v=1&year=2022&flow=2022-rare-earths-850511-CHN-DEU', MINERALS);
    expect(r.state).toEqual({ year: 2022, flow: 'rare-earths-850511-CHN-DEU' });
  });
  test('a link without a version is read as the current one', () => {
    expect(parseUrl('?flow=rare-earths-850511-CHN-DEU', MINERALS).state).toEqual({
      flow: 'rare-earths-850511-CHN-DEU',
    });
  });
  test('every version below the current one has a migration step', () => {
    for (let v = 1; v < URL_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });
});

// ---------------------------------------------------------------- property-based tests (fast-check, seeded)

const ALL_MINERALS = [...MINERALS];
const properSubset = <T>(all: readonly T[]) =>
  fc.subarray([...all], { minLength: 1, maxLength: all.length - 1 });
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const iso3 = fc.stringMatching(/^[A-Z]{3}$/);

/** Valid, canonical URL states (defaults left out, as serializeUrl leaves them out). */
const validState: fc.Arbitrary<UrlState> = fc
  .record(
    {
      minerals: fc.subarray(ALL_MINERALS, { minLength: 1 }),
      year: fc.constantFrom(2018, 2019, 2020, 2021, 2022, 2023, 2024),
      risk: fc.constantFrom('china', 'no-china'),
      view: fc.record({
        lng: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => round(x, 3) || 0),
        lat: fc.double({ min: -85, max: 85, noNaN: true }).map((x) => round(x, 3) || 0),
        zoom: fc.double({ min: 0, max: 12, noNaN: true }).map((x) => round(x, 2) || 0),
      }),
      embed: fc.constant(true),
      site: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
      flow: fc
        .tuple(fc.constantFrom(...ALL_MINERALS), fc.stringMatching(/^\d{6}$/), iso3, iso3)
        .map(([m, hs, a, b]) => `${m}-${hs}-${a}-${b}`),
      kinds: properSubset(SITE_KINDS),
      statuses: properSubset(SITE_STATUSES),
      focus: iso3,
      min: fc.integer({ min: 1, max: 1e9 }),
      // Any set but the default (a link leaves the default out).
      reasons: fc
        .subarray([...RISK_REASONS])
        .filter((r) => !(r.length === DEFAULT_REASONS.length && DEFAULT_REASONS.every((x) => r.includes(x)))),
      controls: fc.constant('flow-year'),
      measure: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
      color: fc.constant('importer-dependence'),
      width: fc.constant('tonnes'),
      lanes: fc.constant(true),
      all: fc.constant(true),
      table: fc.constant(true),
      scenario: fc.constantFrom('china-stop', 'route-block', 'controls'),
      fit: fc.constant(true),
    },
    { requiredKeys: [] },
  )
  .map((s) => {
    const out = { ...s } as UrlState;
    if (out.focus) out.role = 'importer';
    return out;
  });

/** What any parse result must satisfy, whatever the input. */
function assertValid(state: UrlState): void {
  if (state.minerals) expect(state.minerals.every((m) => MINERALS.has(m))).toBe(true);
  if (state.year !== undefined) expect(state.year >= 2018 && state.year <= 2024).toBe(true);
  if (state.view) {
    expect(Math.abs(state.view.lng) <= 180 && Math.abs(state.view.lat) <= 85).toBe(true);
    expect(state.view.zoom >= 0 && state.view.zoom <= 12).toBe(true);
  }
  if (state.kinds) expect(state.kinds.every((k) => (SITE_KINDS as readonly string[]).includes(k))).toBe(true);
  if (state.min !== undefined) expect(Number.isFinite(state.min) && state.min >= 0).toBe(true);
  if (state.focus) expect(state.focus).toMatch(/^[A-Z]{3}$/);
  if (state.site) expect(state.site).toMatch(/^[a-z0-9][a-z0-9-]*$/);
}

describe('codec properties', () => {
  test('every valid state survives state -> URL -> state', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const r = parseUrl(serializeUrl(state), MINERALS);
        expect(r.ignored).toEqual([]);
        expect(r.state).toEqual(state);
      }),
      { seed: 1234, numRuns: 400 },
    );
  });
  test('random strings never throw and always give a valid state', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const r = parseUrl(junk, MINERALS);
        assertValid(r.state);
      }),
      { seed: 99, numRuns: 1000 },
    );
  });
  test('mangled real links never throw and always give a valid state', () => {
    const real = serializeUrl({
      minerals: ['rare-earths', 'lithium'],
      year: 2024,
      risk: 'china',
      view: { lng: 139.65, lat: 35.45, zoom: 4 },
      focus: 'JPN',
      role: 'importer',
      flow: 'rare-earths-850511-CHN-DEU',
      scenario: 'china-stop',
    });
    const mangle = fc.array(
      fc.tuple(
        fc.nat(real.length),
        fc.constantFrom('', '%', '&', '=', ',', 'x', '9', '\u0000', '%ZZ', '<script>'),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(mangle, (edits) => {
        let link = real;
        for (const [at, insert] of edits) link = link.slice(0, at) + insert + link.slice(at + 1);
        const r = parseUrl(`?${link}`, MINERALS);
        assertValid(r.state);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});
