// Unit tests for antimeridian handling: unwrapped rings, polar rings, longitude helpers.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shortWayLng, unwrapRing } from '../../src/derive/antimeridian';
import { normaliseLng } from '../../src/derive/geo';

describe('unwrapRing', () => {
  test('a ring crossing +180 (Fiji-like) becomes continuous', () => {
    const ring = [
      [179, -16],
      [-179.5, -16],
      [-179.5, -17],
      [179, -17],
      [179, -16],
    ];
    const out = unwrapRing(ring);
    for (let i = 1; i < out.length; i++)
      expect(Math.abs((out[i]?.[0] ?? 0) - (out[i - 1]?.[0] ?? 0))).toBeLessThan(180);
    expect(out[1]?.[0]).toBeCloseTo(180.5);
  });
  test('a polar ring (Antarctica-like) is closed through the pole, not across the map', () => {
    const ring = [
      [-180, -70],
      [-90, -72],
      [0, -69],
      [90, -70],
      [180, -70],
      [-180, -70],
    ];
    const out = unwrapRing(ring);
    expect(out.some((p) => p[1] === -90)).toBe(true);
    for (let i = 1; i < out.length; i++)
      expect(Math.abs((out[i]?.[0] ?? 0) - (out[i - 1]?.[0] ?? 0))).toBeLessThanOrEqual(360);
  });
  test('an ordinary ring is unchanged', () => {
    const ring = [
      [10, 10],
      [20, 10],
      [20, 20],
      [10, 10],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });
  test('the no-copy path for ordinary rings gives what the full unwrapping gives', () => {
    // A third coordinate sends a ring down the full path (which keeps [lng, lat] only): both must agree.
    const lng = fc.double({ min: -200, max: 200, noNaN: true }).map((x) => x + 0); // no -0: the full path adds 0
    const lat = fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0);
    const ring = fc.array(fc.tuple(lng, lat), { minLength: 1, maxLength: 12 });
    const closed = ring.map((r) => [...r, r[0] as [number, number]]);
    fc.assert(
      fc.property(fc.oneof(ring, closed), (r) => {
        const full = unwrapRing(r.map(([x, y]) => [x, y, 0]));
        expect(unwrapRing(r)).toEqual(full);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('longitudes', () => {
  test.each([
    [190, -170],
    [-190, 170],
    [540, -180],
    [0, 0],
  ])('normaliseLng(%d) = %d', (a, b) => {
    expect(normaliseLng(a)).toBeCloseTo(b);
  });
  test('shortWayLng picks the nearer copy', () => {
    expect(shortWayLng(170, -170)).toBe(190);
    expect(shortWayLng(-170, 170)).toBe(-190);
    expect(shortWayLng(10, 20)).toBe(20);
  });
});
