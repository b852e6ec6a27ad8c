// The shared sphere geometry: longitude normalisation and distances, against @turf/distance.
import { distance } from '@turf/distance';
import { describe, expect, test } from 'vitest';
import { distanceKm, haversineKm, normaliseLng } from '../../src/derive/geo';

describe('normaliseLng', () => {
  test.each([
    [0, 0],
    [180, 180],
    [-180, -180],
    [190, -170],
    [-190, 170],
    [540, -180],
    [359.5, -0.5],
  ])('normaliseLng(%d) = %d', (a, b) => {
    expect(normaliseLng(a)).toBeCloseTo(b, 9);
  });
});

describe('distances agree with @turf/distance (km)', () => {
  test.each([
    ['Shanghai - Los Angeles', [121.5, 31.2], [-118.25, 33.75]],
    ['Fremantle - Rotterdam', [115.74, -32.05], [4.48, 51.92]],
    ['across the antimeridian', [179.5, -16.5], [-179.5, -16.5]],
    ['same point', [10, 10], [10, 10]],
    ['antipodes', [0, 0], [180, 0]],
  ] as const)('%s', (_name, a, b) => {
    const want = distance([a[0], a[1]], [b[0], b[1]], { units: 'kilometers' });
    expect(distanceKm(a, b)).toBeCloseTo(want, 6);
    expect(haversineKm(a[0], a[1], b[0], b[1])).toBe(distanceKm(a, b));
  });
});
