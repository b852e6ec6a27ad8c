// Every published site (public/data/sites.geojson) carries a source, a location precision and a vintage.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PRECISIONS } from '../../src/model/types';

interface SiteFeature {
  properties: {
    id: string;
    precision?: unknown;
    vintage?: unknown;
    sources?: { publisher?: unknown; title?: unknown; year?: unknown }[];
  };
}

const features = (
  JSON.parse(readFileSync('public/data/sites.geojson', 'utf8')) as { features: SiteFeature[] }
).features;
const precisions: readonly unknown[] = PRECISIONS;
const isYear = (y: unknown) => Number.isInteger(y) && (y as number) >= 1800 && (y as number) <= 2100;

describe('published sites: provenance on every feature', () => {
  test('the file holds the published sites', () => {
    expect(features.length).toBeGreaterThan(3000);
  });
  test.each([
    [
      'a source with publisher, title and year',
      (p: SiteFeature['properties']) =>
        (p.sources ?? []).length > 0 &&
        (p.sources ?? []).every(
          (s) =>
            typeof s.publisher === 'string' &&
            s.publisher !== '' &&
            typeof s.title === 'string' &&
            s.title !== '' &&
            isYear(s.year),
        ),
    ],
    ['a precision from the closed list', (p: SiteFeature['properties']) => precisions.includes(p.precision)],
    ['a vintage year', (p: SiteFeature['properties']) => isYear(p.vintage)],
  ])('no site lacks %s', (_what, ok) => {
    expect(features.filter((f) => !ok(f.properties)).map((f) => f.properties.id)).toEqual([]);
  });
});
