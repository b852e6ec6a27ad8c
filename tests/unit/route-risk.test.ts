// China route-risk reasons: synthetic routes (each rule and edge case), the golden route fixtures, malformed input.
import { RISK_REASONS, type RiskReason } from '../../src/model/filters';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRiskGeometry } from '../../data/pipeline/risk-geometry-build';
import {
  buildRiskGeometry,
  EAST_CHINA_SEAS_POLYGON,
  SOUTH_CHINA_SEA_POLYGON,
  TAIWAN_STRAIT_POLYGON,
  type Topology,
} from '../../src/derive/risk-geometry';
import { isChineseIso3, routeRiskReasons, TRANSIT_DISTANCE_KM } from '../../src/derive/route-risk';

type LngLat = [number, number];

const geo = loadRiskGeometry();
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'routes');

interface Case {
  title: string;
  exporter: string;
  importer: string;
  route: LngLat[] | null;
  reasons: RiskReason[];
}

const SHANGHAI_EAST: LngLat[] = [
  [121.9, 31.2],
  [130, 31.2],
  [140, 31.2],
];

const CASES: Case[] = [
  // origin / destination only (no sea route)
  { title: 'overland from China', exporter: 'CHN', importer: 'KAZ', route: null, reasons: ['origin'] },
  {
    title: 'overland into Hong Kong',
    exporter: 'DEU',
    importer: 'HKG',
    route: null,
    reasons: ['destination'],
  },
  {
    title: 'overland Macao to China',
    exporter: 'MAC',
    importer: 'CHN',
    route: null,
    reasons: ['origin', 'destination'],
  },
  { title: 'overland, no China', exporter: 'DEU', importer: 'FRA', route: null, reasons: [] },
  { title: 'empty route', exporter: 'DEU', importer: 'CHN', route: [], reasons: ['destination'] },
  { title: 'Taiwan is not China', exporter: 'TWN', importer: 'USA', route: null, reasons: [] },
  // far from China
  {
    title: 'mid Pacific',
    exporter: 'USA',
    importer: 'CHL',
    route: [
      [-150, 0],
      [-140, -5],
    ],
    reasons: [],
  },
  {
    title: 'across the antimeridian',
    exporter: 'FJI',
    importer: 'USA',
    route: [
      [170, 0],
      [190, 0],
      [200, 5],
    ],
    reasons: [],
  },
  { title: 'single point at sea', exporter: 'USA', importer: 'JPN', route: [[-150, 20]], reasons: [] },
  // departure / approach exemptions for Chinese end points
  {
    title: 'leaving Shanghai eastward',
    exporter: 'CHN',
    importer: 'USA',
    route: SHANGHAI_EAST,
    reasons: ['origin'],
  },
  {
    title: 'arriving at Shanghai from the east',
    exporter: 'USA',
    importer: 'CHN',
    route: [...SHANGHAI_EAST].reverse(),
    reasons: ['destination'],
  },
  {
    title: 'the same line from a non-Chinese exporter starts near China',
    exporter: 'KOR',
    importer: 'USA',
    route: SHANGHAI_EAST,
    reasons: ['transit'],
  },
  {
    title: 'leaving China, going out, coming back near the coast',
    exporter: 'CHN',
    importer: 'PHL',
    route: [
      [121.9, 31.2],
      [128.5, 31.2],
      [123.0, 28.0],
      [130.0, 24.0],
    ],
    reasons: ['origin', 'transit'],
  },
  // transit by distance, and where it does not count
  {
    title: 'Yellow Sea past Shandong (about 150 km off)',
    exporter: 'KOR',
    importer: 'JPN',
    route: [
      [124.5, 38.5],
      [124.0, 36.0],
      [125.0, 34.0],
    ],
    reasons: ['transit'],
  },
  {
    title: 'East China Sea 500 km off Zhejiang',
    exporter: 'KOR',
    importer: 'PHL',
    route: [
      [126.5, 31.0],
      [126.0, 27.5],
    ],
    reasons: [],
  },
  {
    title: 'Sea of Japan, near the Yalu mouth only across North Korea',
    exporter: 'RUS',
    importer: 'KOR',
    route: [
      [131.8, 42.5],
      [128.5, 39.5],
      [129.6, 36.0],
    ],
    reasons: [],
  },
  {
    title: 'east of Taiwan, near Fujian only across Taiwan',
    exporter: 'JPN',
    importer: 'PHL',
    route: [
      [122.3, 24.8],
      [121.9, 22.5],
    ],
    reasons: [],
  },
  // Taiwan Strait
  {
    title: 'through the Taiwan Strait',
    exporter: 'JPN',
    importer: 'VNM',
    route: [
      [120.6, 25.6],
      [119.2, 24.2],
      [118.6, 23.6],
    ],
    reasons: ['transit'],
  },
  {
    title: 'Chinese exporter through the Taiwan Strait (strait always counts)',
    exporter: 'CHN',
    importer: 'SGP',
    route: [
      [121.9, 31.2],
      [121.0, 27.0],
      [119.2, 24.2],
      [117.0, 22.5],
    ],
    reasons: ['origin', 'transit', 'south-china-sea'],
  },
  // South China Sea polygon
  {
    title: 'central South China Sea, far from China',
    exporter: 'SGP',
    importer: 'PHL',
    route: [
      [110, 10],
      [112, 12],
    ],
    reasons: ['south-china-sea'],
  },
  {
    title: 'unwrapped longitudes (-360)',
    exporter: 'SGP',
    importer: 'PHL',
    route: [
      [-250, 10],
      [-248, 12],
    ],
    reasons: ['south-china-sea'],
  },
  {
    title: 'unwrapped longitudes (+360)',
    exporter: 'SGP',
    importer: 'PHL',
    route: [
      [470, 10],
      [472, 12],
    ],
    reasons: ['south-china-sea'],
  },
  {
    title: 'off Hainan: South China Sea and transit',
    exporter: 'SGP',
    importer: 'JPN',
    route: [
      [110.5, 16.5],
      [112.5, 19.0],
    ],
    reasons: ['transit', 'south-china-sea'],
  },
  {
    title: 'Hong Kong departure south-west along Hainan',
    exporter: 'HKG',
    importer: 'SGP',
    route: [
      [114.2, 22.2],
      [111.5, 18.0],
      [109.0, 12.0],
      [105.0, 3.0],
    ],
    reasons: ['origin', 'south-china-sea'],
  },
  {
    title: 'Gulf of Thailand',
    exporter: 'THA',
    importer: 'KHM',
    route: [
      [101, 11],
      [102, 9.5],
    ],
    reasons: [],
  },
  {
    title: 'Java Sea',
    exporter: 'IDN',
    importer: 'IDN',
    route: [
      [108, -5],
      [112, -5],
    ],
    reasons: [],
  },
  {
    title: 'Sulu Sea',
    exporter: 'PHL',
    importer: 'MYS',
    route: [
      [121, 9],
      [120, 7.5],
    ],
    reasons: [],
  },
  {
    title: 'Strait of Malacca',
    exporter: 'MYS',
    importer: 'IND',
    route: [
      [101.4, 3.0],
      [98.0, 5.5],
    ],
    reasons: [],
  },
  {
    title: 'Singapore Strait east exit into the sea',
    exporter: 'SGP',
    importer: 'VNM',
    route: [
      [103.85, 1.25],
      [104.3, 1.3],
      [105.0, 2.5],
    ],
    reasons: ['south-china-sea'],
  },
];

describe('RISK_REASONS and China codes', () => {
  it('lists the five reasons in a fixed order (controlled last)', () => {
    expect(RISK_REASONS).toEqual(['origin', 'destination', 'transit', 'south-china-sea', 'controlled']);
  });

  it.each([
    ['CHN', true],
    ['HKG', true],
    ['MAC', true],
    ['TWN', false],
    ['chn', false],
  ] as const)('isChineseIso3(%s) is %s', (code, expected) => {
    expect(isChineseIso3(code)).toBe(expected);
  });

  it('the transit distance is 200 nautical miles in km', () => {
    expect(TRANSIT_DISTANCE_KM).toBeCloseTo(370.4, 9);
  });
});

describe('routeRiskReasons on synthetic routes', () => {
  it.each(CASES)('$title', ({ exporter, importer, route, reasons }) => {
    expect(routeRiskReasons({ exporter, importer }, route, geo)).toEqual(reasons);
  });

  it('gives the same answer for a route and its copy shifted by 360 degrees', () => {
    const route: LngLat[] = [
      [124.5, 38.5],
      [124.0, 36.0],
      [125.0, 34.0],
    ];
    const shifted = route.map((c): LngLat => [c[0] - 360, c[1]]);
    const flow = { exporter: 'KOR', importer: 'JPN' };
    expect(routeRiskReasons(flow, shifted, geo)).toEqual(routeRiskReasons(flow, route, geo));
  });
});

describe('routeRiskReasons on the golden route fixtures', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.geojson'));

  it('has the golden fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s', (file) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as {
      properties: { from: { iso3: string }; to: { iso3: string }; reasons: RiskReason[] };
      geometry: { coordinates: LngLat[] };
    };
    const flow = { exporter: fixture.properties.from.iso3, importer: fixture.properties.to.iso3 };
    expect(routeRiskReasons(flow, fixture.geometry.coordinates, geo)).toEqual(fixture.properties.reasons);
  });
});

describe('malformed input', () => {
  it.each([
    {
      title: 'NaN longitude',
      route: [
        [0, 0],
        [Number.NaN, 1],
      ] as LngLat[],
      error: /route\[1\] is not a finite/,
    },
    { title: 'latitude beyond 90', route: [[0, 95]] as LngLat[], error: /route\[0\]/ },
    { title: 'infinite latitude', route: [[0, Number.NEGATIVE_INFINITY]] as LngLat[], error: /route\[0\]/ },
  ])('throws for $title', ({ route, error }) => {
    expect(() => routeRiskReasons({ exporter: 'USA', importer: 'JPN' }, route, geo)).toThrow(error);
  });

  it.each([
    {
      title: 'no countries object',
      topology: { type: 'Topology', objects: {}, arcs: [] },
      error: /no "countries"/,
    },
    {
      title: 'no China',
      topology: {
        type: 'Topology',
        objects: { countries: { type: 'GeometryCollection', geometries: [] } },
        arcs: [],
      },
      error: /no country with id "156"/,
    },
  ])('buildRiskGeometry throws for $title', ({ topology, error }) => {
    expect(() => buildRiskGeometry(topology as unknown as Topology)).toThrow(error);
  });
});

describe('risk geometry', () => {
  it('has China (not Taiwan) and a sea-facing coastline', () => {
    expect(geo.chinaCoast.type).toBe('MultiPolygon');
    const coast = geo.chinaCoastline.coordinates.flat();
    expect(coast.length).toBeGreaterThan(500);
    // No coastline on Taiwan (lng 120-122, lat 22-25.3 east of the strait) nor on the Tumen / Sea of Japan side.
    expect(
      coast.some(
        (p) =>
          (p[0] as number) > 120.2 &&
          (p[0] as number) < 122 &&
          (p[1] as number) < 25.3 &&
          (p[1] as number) > 22,
      ),
    ).toBe(false);
    expect(coast.some((p) => (p[0] as number) > 126)).toBe(false);
  });

  it.each([
    { name: 'South China Sea', polygon: SOUTH_CHINA_SEA_POLYGON },
    { name: 'Taiwan Strait', polygon: TAIWAN_STRAIT_POLYGON },
    { name: 'East China Seas', polygon: EAST_CHINA_SEAS_POLYGON },
  ])('the $name polygon is a closed ring in [-180, 180]', ({ polygon }) => {
    const ring = polygon.coordinates[0] as number[][];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const p of ring) {
      expect(Math.abs(p[0] as number)).toBeLessThanOrEqual(180);
      expect(Math.abs(p[1] as number)).toBeLessThanOrEqual(90);
    }
  });
});
