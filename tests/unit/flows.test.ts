// Unit tests for flow derivations: short-way arcs across the Pacific, legibility cut, shares, widths, colours.
import { SHARE_RAMP } from '../../src/config/ramps';
import { describe, expect, test } from 'vitest';
import { WIDTH_MAX_PX, WIDTH_MIN_PX } from '../../src/config/app';
import { arcEndpoints, closestPair, exporterShares, shareColor, widthPx } from '../../src/derive/flows';
import type { CountryInfo, Flow } from '../../src/model/types';

const PORTS = {
  fremantle: [115.75, -32.05],
  losAngeles: [-118.25, 33.75],
  newYork: [-74.017, 40.7],
  antofagasta: [-70.417, -23.65],
  shanghai: [121.5, 31.217],
  yokohama: [139.65, 35.45],
  hamburg: [9.967, 53.55],
} satisfies Record<string, [number, number]>;

/** Does the flat arc from a to b cross the antimeridian (i.e. go across the Pacific)? */
const crossesPacific = (a: [number, number], b: [number, number]) =>
  (Math.min(a[0], b[0]) < 180 && Math.max(a[0], b[0]) > 180) ||
  (Math.min(a[0], b[0]) < -180 && Math.max(a[0], b[0]) > -180);

describe('arcEndpoints', () => {
  test.each([
    ['Australia -> United States', PORTS.fremantle, PORTS.losAngeles, true],
    ['Chile -> China', PORTS.antofagasta, PORTS.shanghai, true],
    ['Japan -> United States', PORTS.yokohama, PORTS.losAngeles, true],
    ['United States -> Japan', PORTS.losAngeles, PORTS.yokohama, true],
    ['China -> Germany (overland way, not the Pacific)', PORTS.shanghai, PORTS.hamburg, false],
    ['Chile -> United States East (no Pacific crossing)', PORTS.antofagasta, PORTS.newYork, false],
  ] as const)('%s', (_name, from, to, pacific) => {
    const [s, t] = arcEndpoints(from, to);
    expect(s).toEqual(from);
    expect(t[1]).toBe(to[1]);
    expect((((t[0] - to[0]) % 360) + 360) % 360).toBeCloseTo(0, 9); // same meridian, maybe shifted by 360
    expect(Math.abs(t[0] - s[0])).toBeLessThanOrEqual(180 + 1e-9 + (pacific ? 180 : 0));
    expect(crossesPacific(s, t)).toBe(pacific);
  });
});

describe('closestPair', () => {
  const country = (iso3: string, ports: [number, number][]): CountryInfo => ({
    iso3,
    iso2: null,
    name: iso3,
    anchor: ports[0] ?? [0, 0],
    anchorKind: 'port',
    anchorName: null,
    label: null,
    ports: ports.map((position, i) => ({ name: `${iso3}${i}`, position, coast: null })),
  });
  test('picks the Pacific port of the United States for China and the Atlantic one for Germany', () => {
    const usa = country('USA', [PORTS.losAngeles, PORTS.newYork]);
    expect(closestPair(country('CHN', [PORTS.shanghai]), usa)[1]).toEqual(PORTS.losAngeles);
    expect(closestPair(country('DEU', [PORTS.hamburg]), usa)[1]).toEqual(PORTS.newYork);
  });
});

const flow = (id: string, exporter: string, valueUsd: number, hs = '850511'): Flow => ({
  id,
  year: 2024,
  exporter,
  importer: 'DEU',
  mineral: 'rare-earths',
  hs,
  valueUsd,
  tonnes: null,
  risk: 0,
});

describe('exporterShares', () => {
  test('share of world exports per HS code, summing to 1 per product', () => {
    const s = exporterShares([
      flow('a', 'CHN', 75),
      flow('b', 'JPN', 25),
      flow('c', 'CHN', 10, '283691'),
      flow('d', 'CHL', 30, '283691'),
    ]);
    expect(s.get('850511|CHN')).toBeCloseTo(0.75);
    expect(s.get('850511|JPN')).toBeCloseTo(0.25);
    expect(s.get('283691|CHL')).toBeCloseTo(0.75);
  });
});

describe('scales', () => {
  test('width is monotonic and bounded', () => {
    expect(widthPx(0)).toBe(WIDTH_MIN_PX);
    expect(widthPx(1e6)).toBeLessThan(widthPx(1e8));
    expect(widthPx(1e12)).toBe(WIDTH_MAX_PX);
  });
  test('share colour uses the fixed 0-100% domain and clamps', () => {
    expect(shareColor(0)).toEqual(SHARE_RAMP[0]?.[1]);
    expect(shareColor(1)).toEqual(SHARE_RAMP[SHARE_RAMP.length - 1]?.[1]);
    expect(shareColor(2)).toEqual(shareColor(1));
    expect(shareColor(-1)).toEqual(shareColor(0));
  });
});
