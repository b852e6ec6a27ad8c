// Geometry for the China route-risk rules: China's land and coastline (world-atlas) and two documented sea areas.
import { feature, mesh } from 'topojson-client';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/** A TopoJSON topology as topojson-client reads it (e.g. world-atlas `countries-50m.json`). */
export type Topology = Parameters<typeof mesh>[0];

/** Everything routeRiskReasons needs. Coordinates are [lng, lat] degrees (WGS84), longitudes in [-180, 180]. */
export interface RiskGeometry {
  /** China's land: mainland, Hainan and small coastal islands (world-atlas id "156"); not Taiwan, Hong Kong, Macao. */
  chinaCoast: Polygon | MultiPolygon;
  /**
   * The sea-facing part of chinaCoast's boundary: land borders (Russia, North Korea, Vietnam, Hong Kong, Macao,
   * ...) removed, so a route past Vladivostok is not "near China's coast" just because the Tumen border is close.
   */
  chinaCoastline: MultiLineString;
  /** EAST_CHINA_SEAS_POLYGON: Bohai, Yellow Sea and East China Sea. */
  eastChinaSeas: Polygon;
  /** TAIWAN_STRAIT_POLYGON. */
  taiwanStrait: Polygon;
  /** SOUTH_CHINA_SEA_POLYGON. */
  southChinaSea: Polygon;
}

/** world-atlas ids (ISO 3166-1 numeric, as strings). Taiwan is "158", Hong Kong "344", Macao "446". */
export const CHINA_ATLAS_ID = '156';

/**
 * The Bohai, the Yellow Sea and the East China Sea, coarse, after IHO S-23 (1953): the East China Sea's limits
 * along the Ryukyu chain (Fuki Kaku, the northern tip of Taiwan -> Yonaguni -> Hateruma -> Miyako -> Okinawa ->
 * Amami -> the Tokara islands -> Sata Misaki, the southern tip of Kyushu) and across the south-western approach
 * to the Korea Strait (Nomo Saki, Kyushu -> the Goto islands -> Jeju -> the south-west tip of Korea); the
 * western limit is the Taiwan Strait's northern limit. Elsewhere vertices sit inland (Kyushu, Korea, China), so
 * the Sea of Japan and the Philippine Sea east of Taiwan are outside. Used with the Taiwan Strait and South China
 * Sea polygons as "China's marginal seas", where distance to China's coast can make a route `transit`.
 * Ring is closed; [lng, lat].
 */
export const EAST_CHINA_SEAS_POLYGON: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      // Ryukyu chain, from the northern tip of Taiwan to Kyushu.
      [121.54, 25.3],
      [122.93, 24.43],
      [123.78, 24.05],
      [125.3, 24.75],
      [127.65, 26.1],
      [128.3, 26.9],
      [129.7, 28.4],
      [129.9, 29.8],
      [130.67, 31.0],
      // Kyushu (inland), then Nomo Saki -> Goto -> Jeju -> south-west Korea.
      [130.7, 32.0],
      [129.75, 32.58],
      [128.7, 32.65],
      [126.95, 33.45],
      [126.15, 33.3],
      [126.3, 34.4],
      // West coast of Korea (inland), Incheon and Nampo inside.
      [126.9, 35.0],
      [127.0, 36.5],
      [127.0, 37.6],
      [126.0, 38.3],
      [125.8, 39.0],
      [125.0, 40.0],
      // China (inland): Liaoning, the Bohai, Shandong, Jiangsu, Shanghai, Zhejiang, Fujian.
      [124.0, 40.9],
      [122.5, 41.3],
      [121.0, 41.3],
      [119.5, 40.3],
      [117.0, 39.3],
      [117.0, 37.5],
      [118.5, 35.5],
      [119.8, 33.5],
      [120.5, 31.3],
      [120.2, 30.0],
      [120.3, 28.5],
      [119.3, 26.5],
      // The Taiwan Strait's northern limit back to Fuki Kaku.
      [119.5, 25.7],
      [121.54, 25.3],
    ],
  ],
};

/**
 * The Taiwan Strait, coarse. Limits:
 * - north: the IHO S-23 (1953) northern limit of the South China Sea, from Fuki Kaku (Fugui Cape, the northern
 *   tip of Taiwan, 25.30N 121.54E) to the Fujian coast off Haitan (Pingtan) Island;
 * - south: from the Guangdong-Fujian border near Nan'ao Island (23.6N 117.2E) to Cape Eluanbi (Garan Bi, the
 *   southern tip of Taiwan, 21.90N 120.85E), our approximation of the strait's southern entrance;
 * - west and east: vertices placed on land (Fujian; the spine of Taiwan), so the polygon's sea part is the strait
 *   and a route along Taiwan's east coast stays outside.
 * Ring is closed; [lng, lat].
 */
export const TAIWAN_STRAIT_POLYGON: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117.2, 23.6],
      [120.85, 21.9],
      [120.7, 22.8],
      [121.0, 24.0],
      [121.5, 25.0],
      [121.54, 25.3],
      [119.5, 25.7],
      [119.05, 25.5],
      [118.5, 25.1],
      [117.9, 24.6],
      [117.2, 23.6],
    ],
  ],
};

/**
 * The South China Sea, coarse, after the IHO "Limits of Oceans and Seas" S-23 (3rd edition, 1953), with the
 * Taiwan Strait (TAIWAN_STRAIT_POLYGON) taken out at its northern end. Sea limits followed across open water:
 * - Luzon Strait: Cape Eluanbi (Taiwan) -> Y'Ami Island (21.1N 121.95E) -> Cape Bojeador (Luzon, 18.5N 120.6E);
 * - Mindoro and Balabac: Cape Santiago (Luzon) -> Cape Calavite (Mindoro) -> Busuanga -> west coast of Palawan ->
 *   Cape Buliluyan -> Balabac Island -> Tanjung Sampanmangio (the northern tip of Borneo), which excludes the
 *   Sulu Sea;
 * - south (towards the Java Sea, across the Karimata and Gaspar straits): Tanjung Sambar (Borneo, 3.0S 110.35E)
 *   -> south of Belitung and Bangka -> Lucipara Point (Sumatra, 3.25S 106.1E);
 * - west: the east coasts of Sumatra, Lingga and Bintan, then the eastern limit of the Singapore Strait
 *   (Bintan -> Horsburgh lighthouse 1.33N 104.41E -> Johor), which excludes the Singapore and Malacca straits;
 * - Gulf of Thailand excluded by its IHO limit, the Kelantan river mouth (6.23N 102.25E) -> Cape Ca Mau
 *   (8.6N 104.72E).
 * Along the coasts (Philippines, Borneo, Malay Peninsula, Viet Nam, China) vertices sit a little inland, so the
 * sea next to the coast, the Gulf of Tonkin (Beibu Gulf) and ports such as Hong Kong, Kuantan and Manila fall
 * inside. Ring is closed; [lng, lat].
 */
export const SOUTH_CHINA_SEA_POLYGON: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      // Southern entrance of the Taiwan Strait, then the Luzon Strait.
      [117.2, 23.6],
      [120.85, 21.9],
      [121.95, 21.1],
      [120.6, 18.5],
      // West coast of Luzon (inland), Manila Bay inside.
      [120.7, 17.0],
      [120.45, 15.9],
      [121.1, 14.5],
      [120.65, 13.77],
      // Mindoro, Busuanga and the west coast of Palawan, then Balabac to Borneo.
      [120.3, 13.45],
      [120.0, 12.25],
      [119.55, 11.2],
      [118.95, 10.0],
      [118.05, 9.0],
      [117.25, 8.35],
      [116.95, 7.95],
      [116.75, 7.05],
      // North-west coast of Borneo (inland).
      [116.2, 5.9],
      [115.3, 4.7],
      [114.1, 4.2],
      [113.2, 3.0],
      [112.2, 2.6],
      [111.5, 2.2],
      [110.4, 1.35],
      [109.8, 1.8],
      [109.2, 0.9],
      [109.5, 0.0],
      [110.15, -1.8],
      [110.35, -3.0],
      // Southern limit across the Karimata and Gaspar straits to Sumatra.
      [108.2, -3.25],
      [107.6, -3.25],
      [106.8, -3.05],
      [106.1, -3.25],
      // East coasts of Sumatra, Lingga and Bintan, then the eastern limit of the Singapore Strait.
      [104.8, -2.5],
      [104.3, -1.05],
      [104.6, -0.55],
      [104.75, 0.0],
      [104.6, 0.8],
      [104.6, 1.1],
      [104.41, 1.33],
      [104.27, 1.42],
      // East coast of the Malay Peninsula (inland), then the Gulf of Thailand limit.
      [104.15, 1.6],
      [103.75, 2.4],
      [103.25, 3.9],
      [103.0, 5.3],
      [102.25, 6.23],
      [104.72, 8.6],
      // Viet Nam (inland): Mekong delta to the Gulf of Tonkin.
      [105.0, 8.9],
      [105.7, 9.4],
      [106.3, 9.75],
      [106.6, 10.3],
      [107.1, 10.6],
      [108.0, 11.15],
      [108.9, 11.75],
      [109.1, 12.4],
      [109.15, 13.5],
      [108.75, 15.2],
      [108.1, 16.0],
      [107.5, 16.5],
      [106.5, 17.4],
      [105.6, 18.7],
      [105.7, 19.8],
      [106.2, 20.3],
      [106.55, 20.95],
      [107.9, 21.6],
      // China (inland): Beibu Gulf, Leizhou, Pearl River Delta, eastern Guangdong.
      [108.5, 21.9],
      [109.1, 21.7],
      [110.3, 21.4],
      [111.0, 21.7],
      [112.0, 22.0],
      [113.5, 22.45],
      [114.2, 22.55],
      [115.4, 23.0],
      [116.7, 23.55],
      [117.2, 23.6],
    ],
  ],
};

function isPolygonal(g: { type: string }): g is Polygon | MultiPolygon {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

/**
 * Builds the RiskGeometry from a world-atlas countries topology (`countries-50m.json` recommended; 110m works but
 * is coarser). Throws an Error if the topology has no `countries` object or no China (id "156").
 */
export function buildRiskGeometry(topology: Topology): RiskGeometry {
  const countries = topology.objects['countries'];
  if (countries === undefined || countries.type !== 'GeometryCollection') {
    throw new Error(
      'buildRiskGeometry: the topology has no "countries" GeometryCollection (expected world-atlas)',
    );
  }
  const china = countries.geometries.find((g) => g.id === CHINA_ATLAS_ID);
  if (china === undefined)
    throw new Error(`buildRiskGeometry: no country with id "${CHINA_ATLAS_ID}" (China)`);
  const land = feature(topology, china);
  if (!('geometry' in land) || land.geometry === null || !isPolygonal(land.geometry)) {
    throw new Error('buildRiskGeometry: China is not a Polygon or MultiPolygon');
  }
  // Arcs used by China alone (a === b) are its coastline; arcs shared with a neighbour are land borders.
  const meshObject = countries as Parameters<typeof mesh>[1];
  const coastline = mesh(topology, meshObject, (a, b) => a === b && a.id === CHINA_ATLAS_ID);
  if (coastline.coordinates.length === 0) throw new Error('buildRiskGeometry: China has no coastline arcs');
  const round = (p: Position): Position => [
    Math.round((p[0] as number) * 1e5) / 1e5,
    Math.round((p[1] as number) * 1e5) / 1e5,
  ];
  return {
    chinaCoast: land.geometry,
    chinaCoastline: {
      type: 'MultiLineString',
      coordinates: coastline.coordinates.map((line) => line.map(round)),
    },
    eastChinaSeas: EAST_CHINA_SEAS_POLYGON,
    taiwanStrait: TAIWAN_STRAIT_POLYGON,
    southChinaSea: SOUTH_CHINA_SEA_POLYGON,
  };
}
