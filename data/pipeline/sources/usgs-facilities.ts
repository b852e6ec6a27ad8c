// Adapter for the USGS mineral-industries facility layers: Africa (2021) and Indo-Pacific (about 2024) GeoJSON.
import { join } from 'node:path';
import type { Capacity, SiteKind, SiteStatus, Source } from '../../../src/model/types';
import { z } from 'zod';
import { PipelineError, parseNumber, readJson } from '../read';
import { CommodityMap, clean, slug, type RawSite } from '../sites-raw';

const AFR_SOURCE: Source = {
  publisher: 'U.S. Geological Survey',
  title:
    'Compilation of Geospatial Data (GIS) for the Mineral Industries and Related Infrastructure of Africa',
  year: 2021,
  url: 'https://doi.org/10.5066/P97EQWXP',
};
const INDOPAC_SOURCE: Source = {
  publisher: 'U.S. Geological Survey',
  title:
    'Compilation of Geospatial Data (GIS) for the Mineral Industries and Related Infrastructure of the Indo-Pacific (mineral facilities layer)',
  year: 2024,
};

function facilityStatus(raw: string | null): SiteStatus {
  const s = (raw ?? '').toLowerCase();
  if (s.includes('active')) return 'operating';
  if (s === 'c&m' || s.includes('suspended') || s.includes('care')) return 'care-and-maintenance';
  if (s.includes('closed')) return 'closed';
  if (s.includes('construction') || s.includes('development')) return 'construction';
  return 'unknown';
}

/** Facility kind from the layer's feature type and product text. */
function facilityKind(featureType: string, product: string): SiteKind | null {
  if (/^mines and quarries|^brine/i.test(featureType)) return 'mine';
  if (!/mineral processing plants/i.test(featureType)) return null; // oil and gas: not covered
  const p = product.toLowerCase();
  if (/rare-earth compounds|rare earth oxide|separation/.test(p)) return 'separation';
  if (/ferro|alloy|silicomanganese/.test(p)) return 'metal-alloy';
  if (/refined|metal|smelter|cathode|sulfate|hydroxide|carbonate|chemical|oxide|trimethylgallium/.test(p))
    return 'refinery';
  return 'processing';
}

interface FacilityProps {
  [key: string]: unknown;
}

function readGeoJsonFeatures(
  file: string,
): { properties: FacilityProps; geometry: { coordinates: number[] } }[] {
  const parsed = readJson(file);
  const fc = z
    .object({
      features: z.array(
        z.object({
          properties: z.record(z.string(), z.unknown()),
          geometry: z.object({ coordinates: z.array(z.number()).min(2) }),
        }),
      ),
    })
    .safeParse(parsed);
  if (!fc.success) {
    const issue = fc.error.issues[0];
    const row = typeof issue?.path[1] === 'number' ? issue.path[1] + 1 : undefined;
    throw new PipelineError(file, `not a point FeatureCollection: ${issue?.message ?? ''}`, row);
  }
  return fc.data.features;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? clean(v) : typeof v === 'number' ? String(v) : null;

function facilityCapacity(value: unknown, unit: unknown): Capacity | null {
  const v = typeof value === 'number' ? value : parseNumber(str(value) ?? undefined);
  const u = str(unit);
  if (v === null || !(v > 0) || !u) return null;
  const units: Record<string, string> = {
    kmt: 'thousand t/yr',
    mt: 't/yr',
    'Metric tons': 't/yr',
    'Thousand metric tons': 'thousand t/yr',
    kg: 'kg/yr',
    Kilograms: 'kg/yr',
  };
  return { value: v, unit: units[u] ?? `${u} per year` };
}

export function loadFacilities(
  rawDir: string,
  commodities: CommodityMap,
  which: 'africa' | 'indopac',
): RawSite[] {
  const file =
    which === 'africa'
      ? join(rawDir, 'usgs-africa-mineral-industries/AFR_Mineral_Facilities.geojson')
      : join(rawDir, 'usgs-indopac-mineral-facilities/INDOPAC_Mineral_facilities.geojson');
  const out: RawSite[] = [];
  const byUid = new Map<string, RawSite>();
  readGeoJsonFeatures(file).forEach((f, i) => {
    const p = f.properties;
    const commodityText = (which === 'africa' ? str(p.DsgAttr02) : str(p.DsgAttr01)) ?? '';
    const product = [str(p.DsgAttr03), which === 'indopac' ? str(p.DsgAttr02) : null]
      .filter(Boolean)
      .join(' ');
    let minerals = commodities.list(commodityText, /;/);
    // Indo-Pacific rows name the material form in DsgAttr02/03 (e.g. "Rare-Earth Compounds", "Monazite").
    if (minerals.length === 0) minerals = commodities.list(product, /;|,/);
    if (minerals.length === 0) return;
    const kind = facilityKind(str(p.FeatureTyp) ?? '', `${commodityText} ${product}`);
    if (!kind) return;
    const uid = str(p.FeatureUID);
    if (!uid) throw new PipelineError(file, 'missing FeatureUID', i + 1);
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const conf = str(p.LocConfid) ?? str(p.LocConf);
    const owners = [p.OwnerName1, p.OwnerName2, p.OwnerName3].map(str).filter(Boolean);
    const isAfrica = which === 'africa';
    // The Africa layer repeats a facility once per commodity under the same FeatureUID: fold those rows together.
    const previous = byUid.get(uid);
    if (previous) {
      previous.minerals = [...new Set([...previous.minerals, ...minerals])].sort();
      previous.notes = `${previous.notes ?? ''} Also: ${commodityText}${product ? ` (${product})` : ''}.`;
      // One capacity per row: with several commodities it is no longer one figure for the site.
      if (previous.capacity) {
        previous.notes += ` Capacities per commodity in source; ${previous.capacity.value} ${previous.capacity.unit} was the first.`;
        previous.capacity = null;
      }
      return;
    }
    const site: RawSite = {
      id: `${isAfrica ? 'afr' : 'indopac'}-${slug(uid)}`,
      dataset: isAfrica ? 'usgs-africa-mineral-industries' : 'usgs-indopac-mineral-facilities',
      ref: `${isAfrica ? 'AFR_Mineral_Facilities' : 'INDOPAC_Mineral_facilities'}.geojson FeatureUID ${uid}`,
      name: str(p.FeatureNam) ?? uid,
      kind,
      minerals,
      countryName: str(p.Country) ?? '',
      lng,
      lat,
      status: facilityStatus(str(p.LocOpStat)),
      operator: str(p.OperateNam),
      capacity: isAfrica
        ? facilityCapacity(p.DsgAttr07, p.DsgAttr08)
        : facilityCapacity(p.DsgAttr06, p.DsgAttr07),
      // LocConf(id) "A" = location accurate, "E" = estimated (USGS compilation codes).
      precision: conf === 'A' ? 'exact' : 'approximate',
      source: isAfrica ? AFR_SOURCE : INDOPAC_SOURCE,
      vintage: isAfrica ? 2018 : 2024,
      notes: [
        `Commodity: ${commodityText}${product ? ` (${product})` : ''}.`,
        str(p.LocOpStat) && `Status in source: ${str(p.LocOpStat)}.`,
        owners.length > 0 && `Owners: ${owners.join('; ')}.`,
        str(p.InfSource1) && `Row source: ${str(p.InfSource1)}.`,
      ]
        .filter(Boolean)
        .join(' '),
      rank: 2,
    };
    byUid.set(uid, site);
    out.push(site);
  });
  return out;
}
