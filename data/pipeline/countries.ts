// Country table for the pipeline: ISO codes and names (BACI + aliases), Natural Earth shapes, point-in-country tests.
import { repairMojibake } from './text';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import { pointOnFeature } from '@turf/point-on-feature';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import { unwrapPolygonal } from '../../src/derive/antimeridian';
import { normaliseLng } from '../../src/derive/geo';
import { PipelineError, readCsvRows } from './read';

const require = createRequire(import.meta.url);

/**
 * BACI uses its own numeric codes for a few countries; ISO 3166-1 numeric (used by Natural Earth /
 * world-atlas) differs. 490 "Other Asia, nes" is how BACI (from UN Comtrade) reports Taiwan.
 */
const BACI_ISO3_FIXES: Record<string, string> = { S19: 'TWN' };
const ISO_NUMERIC_FIXES: Record<string, string> = {
  '840': 'USA',
  '250': 'FRA',
  '578': 'NOR',
  '356': 'IND',
  '756': 'CHE',
  '158': 'TWN',
};

const codeRow = z.object({
  country_code: z.string().regex(/^\d+$/),
  country_name: z.string().min(1),
  country_iso2: z.string(),
  country_iso3: z.string().regex(/^[A-Z0-9]{3}$/),
});
const aliasRow = z.object({
  alias: z.string().min(1),
  iso3: z.string().regex(/^[A-Z]{3}$/),
  /** "1" marks the name shown in the app for that country. */
  display: z.enum(['', '1']),
});

type Shape = Feature<Polygon | MultiPolygon, { name: string }>;

interface ShapeEntry {
  iso3: string;
  shape: Shape;
  bbox: [number, number, number, number];
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The largest polygon of a shape, for label and centroid placement. */
function largestPart(shape: Shape): Feature<Polygon> {
  const g = shape.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coordinates of polys) {
    const f: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates },
    };
    const a = area(f);
    if (a > bestArea) {
      bestArea = a;
      best = f;
    }
  }
  if (!best) throw new Error(`empty shape ${shape.properties.name}`);
  return best;
}

export interface CountryIndex {
  /** ISO3 -> display name. */
  names: Map<string, string>;
  /** ISO2 -> ISO3 (BACI table). */
  iso3ByIso2: Map<string, string>;
  /** Resolve a country name as written in a raw dataset; null when unknown. */
  resolve(name: string): string | null;
  /** Is [lng, lat] inside the country's shape? Longitudes are normalised. False for countries without a shape. */
  contains(iso3: string, lng: number, lat: number): boolean;
  /** Which country's shape holds [lng, lat]; null for sea or unmapped land. */
  locate(lng: number, lat: number): string | null;
  /** Distance in km from [lng, lat] to the country's outline (0 inside; Infinity when far or without a shape). */
  distanceKm(iso3: string, lng: number, lat: number): number;
  hasShape(iso3: string): boolean;
  /** [lng, lat] inside the country's largest polygon, for labels and centroid anchors. */
  labelPoint(iso3: string): [number, number] | null;
}

/** Build the country index from BACI's code table, curated aliases and Natural Earth 1:50m shapes. */
export function loadCountryIndex(rawDir: string, curatedDir: string): CountryIndex {
  const codesFile = join(
    rawDir,
    'critical-materials-atlas-baci/baci_full_fixtures/country_codes_V202601.csv',
  );
  const names = new Map<string, string>();
  const iso3ByIso2 = new Map<string, string>();
  const byName = new Map<string, string>();
  const iso3ByNumeric = new Map<string, string>();
  for (const row of readCsvRows(codesFile, codeRow)) {
    const iso3 = BACI_ISO3_FIXES[row.country_iso3] ?? row.country_iso3;
    if (!/^[A-Z]{3}$/.test(iso3)) continue;
    // The BACI table's names were decoded as Latin-1 once upstream ("CuraÃ§ao"): shown and matched repaired.
    const name = repairMojibake(row.country_name);
    if (!names.has(iso3)) names.set(iso3, name);
    if (row.country_iso2) iso3ByIso2.set(row.country_iso2, iso3);
    byName.set(normaliseName(name), iso3);
    iso3ByNumeric.set(row.country_code.padStart(3, '0'), iso3);
  }
  if (!iso3ByIso2.has('TW')) iso3ByIso2.set('TW', 'TWN');
  for (const [numeric, iso3] of Object.entries(ISO_NUMERIC_FIXES)) iso3ByNumeric.set(numeric, iso3);

  const aliasFile = join(curatedDir, 'country-aliases.csv');
  const displayNames = new Map<string, string>();
  for (const row of readCsvRows(aliasFile, aliasRow)) {
    byName.set(normaliseName(row.alias), row.iso3);
    if (row.display === '1') displayNames.set(row.iso3, row.alias);
  }

  const topology = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const shapes = feature(topology, topology.objects.countries).features as Shape[];
  const entries: ShapeEntry[] = [];
  const byIso3 = new Map<string, ShapeEntry[]>();
  for (const shape of shapes) {
    const id = shape.id === undefined ? undefined : String(shape.id);
    const iso3 = (id && iso3ByNumeric.get(id)) ?? byName.get(normaliseName(shape.properties.name));
    if (!iso3) continue; // e.g. Siachen Glacier, Indian Ocean Ter.: no ISO code, no trade.
    byName.set(normaliseName(shape.properties.name), iso3);
    const geometry = unwrapPolygonal(shape.geometry);
    const entry: ShapeEntry = { iso3, shape: { ...shape, geometry }, bbox: bboxOf(geometry) };
    entries.push(entry);
    byIso3.set(iso3, [...(byIso3.get(iso3) ?? []), entry]);
    if (!names.has(iso3)) names.set(iso3, shape.properties.name);
  }
  // Prefer readable display names: curated alias first (e.g. "United States" over BACI's "USA").
  for (const [iso3, name] of displayNames) names.set(iso3, name);

  const inEntry = (e: ShapeEntry, lng: number, lat: number): boolean => {
    for (const x of [lng, lng + 360, lng - 360]) {
      const [minX, minY, maxX, maxY] = e.bbox;
      if (x < minX || x > maxX || lat < minY || lat > maxY) continue;
      if (booleanPointInPolygon([x, lat], e.shape)) return true;
    }
    return false;
  };

  const labelCache = new Map<string, [number, number] | null>();

  return {
    names,
    iso3ByIso2,
    resolve(name) {
      return byName.get(normaliseName(name)) ?? null;
    },
    contains(iso3, lng, lat) {
      const x = normaliseLng(lng);
      return (byIso3.get(iso3) ?? []).some((e) => inEntry(e, x, lat));
    },
    locate(lng, lat) {
      const x = normaliseLng(lng);
      return entries.find((e) => inEntry(e, x, lat))?.iso3 ?? null;
    },
    distanceKm(iso3, lng, lat) {
      let best = Infinity;
      const x = normaliseLng(lng);
      for (const e of byIso3.get(iso3) ?? []) {
        const [minX, minY, maxX, maxY] = e.bbox;
        // Cheap reject: more than ~3 degrees outside the bounding box is far beyond any tolerance we use.
        if (lat < minY - 3 || lat > maxY + 3 || x < minX - 3 || x > maxX + 3) continue;
        const d = pointToPolygonDistance([x, lat], e.shape, { units: 'kilometers' });
        best = Math.min(best, Math.max(0, d));
      }
      return best;
    },
    hasShape(iso3) {
      return byIso3.has(iso3);
    },
    labelPoint(iso3) {
      if (labelCache.has(iso3)) return labelCache.get(iso3) ?? null;
      const list = byIso3.get(iso3);
      let result: [number, number] | null = null;
      if (list && list.length > 0) {
        // The largest polygon among all of the country's features.
        let best: Feature<Polygon> | null = null;
        let bestArea = -1;
        for (const e of list) {
          const part = largestPart(e.shape);
          const a = area(part);
          if (a > bestArea) {
            bestArea = a;
            best = part;
          }
        }
        if (best) {
          let c = centroid(best).geometry.coordinates;
          if (!booleanPointInPolygon(c, best)) c = pointOnFeature(best).geometry.coordinates;
          result = [round(normaliseLng(c[0] ?? 0), 3), round(c[1] ?? 0, 3)];
        }
      }
      labelCache.set(iso3, result);
      return result;
    },
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Fail loudly when a name cannot be resolved: the caller names the file and row. */
export function requireIso3(index: CountryIndex, name: string, file: string, row: number): string {
  const iso3 = index.resolve(name);
  if (!iso3)
    throw new PipelineError(
      file,
      `unknown country "${name}" (add it to data/curated/country-aliases.csv)`,
      row,
    );
  return iso3;
}
