// Small hand-made data for state, link and description tests: a few countries, two minerals, sites and flows.
import type { StaticData, YearData } from '../../../src/state/store';
import type { CountryInfo, Flow, Mineral, Site } from '../../../src/model/types';

const ISO2: Record<string, string> = {
  CHN: 'CN',
  JPN: 'JP',
  USA: 'US',
  AUS: 'AU',
  DEU: 'DE',
  KOR: 'KR',
  HKG: 'HK',
};

const country = (iso3: string, name: string, anchor: [number, number]): CountryInfo => ({
  iso3,
  iso2: ISO2[iso3] ?? null,
  name,
  anchor,
  anchorKind: 'centroid',
  anchorName: null,
  ports: [],
  label: anchor,
});

export const COUNTRIES = new Map(
  [
    country('CHN', 'China', [116, 40]),
    country('JPN', 'Japan', [139.7, 35.7]),
    country('USA', 'United States', [-98, 39]),
    country('AUS', 'Australia', [134, -25]),
    country('DEU', 'Germany', [10, 51]),
  ].map((c) => [c.iso3, c]),
);

const mineral = (id: string, name: string): Mineral => ({
  id,
  name,
  color: '#000000',
  products: [],
  commodities: [],
  coverage: [],
});
export const MINERALS = [mineral('rare-earths', 'Rare earths'), mineral('lithium', 'Lithium')];

const site = (id: string, country: string, position: [number, number]): Site => ({
  id,
  name: id,
  kind: 'mine',
  minerals: ['rare-earths'],
  country,
  status: 'operating',
  precision: 'exact',
  sources: [{ publisher: 'USGS', title: 't', year: 2020 }],
  vintage: 2020,
  position,
});

export function staticData(): StaticData {
  return {
    sites: [site('cur-a', 'AUS', [122, -28]), site('cur-b', 'USA', [-115.5, 35.5])],
    countries: COUNTRIES,
    minerals: MINERALS,
    manifest: null,
  };
}

export function flow(exporter: string, importer: string, valueUsd: number, year = 2024): Flow {
  return {
    id: `${year}-rare-earths-850511-${exporter}-${importer}`,
    year,
    exporter,
    importer,
    mineral: 'rare-earths',
    hs: '850511',
    valueUsd,
    tonnes: null,
    risk: 0,
  };
}

export function yearData(year: number, flows: Flow[]): YearData {
  return { year, flows, complete: { 'rare-earths': true }, sources: [] };
}
