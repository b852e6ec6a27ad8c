// Adapters from each raw site dataset to one RawSite shape: names, kinds, statuses, minerals, precision, source.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Capacity, Precision, SiteKind, SiteStatus, Source } from '../../src/model/types';
import { PRECISIONS, SITE_KINDS, SITE_STATUSES } from '../../src/model/types';
import { z } from 'zod';
import { PipelineError, parseNumber, readCsv, readCsvRows } from './read';

/** One site row from one dataset, before country checks and de-duplication. */
export interface RawSite {
  /** Stable, URL-safe id derived from the dataset and its row key. */
  id: string;
  dataset: string;
  /** Human pointer to the row, for the report: "ree_main.csv rec_id 9". */
  ref: string;
  name: string;
  kind: SiteKind;
  minerals: string[];
  countryName: string;
  lng: number;
  lat: number;
  status: SiteStatus;
  operator: string | null;
  capacity: Capacity | null;
  precision: Precision;
  source: Source;
  vintage: number;
  notes: string | null;
  /** Higher wins when merging duplicates: curated > facility layers > deposit layers. */
  rank: number;
}

/** Maps raw commodity text to canonical mineral ids, using each mineral's `commodities` list. */
export class CommodityMap {
  private readonly byName = new Map<string, string[]>();
  constructor(minerals: { id: string; commodities: string[] }[]) {
    for (const m of minerals) {
      for (const c of m.commodities) this.byName.set(c, [...(this.byName.get(c) ?? []), m.id]);
    }
  }
  /** Minerals for one commodity term, e.g. "Niobium (columbium)" -> ["niobium"]; [] when not covered. */
  term(raw: string): string[] {
    const t = raw.trim().toLowerCase();
    if (!t || t === '<null>') return [];
    const direct = this.byName.get(t);
    if (direct) return direct;
    const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(t);
    if (paren) {
      const out = [...this.term(paren[1] ?? ''), ...this.term(paren[2] ?? '')];
      if (out.length > 0) return [...new Set(out)];
    }
    if (t.includes('-')) return [...new Set(t.split('-').flatMap((x) => this.byName.get(x.trim()) ?? []))];
    return [];
  }
  /** Minerals for a list of terms (split on the given separators). Sorted, unique. */
  list(raw: string, separators: RegExp): string[] {
    return [...new Set(raw.split(separators).flatMap((t) => this.term(t)))].sort();
  }
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' || t === '<null>' ? null : t;
}

// ---------------------------------------------------------------- USGS REE (Orris & Grauch 2002)

const ORRIS_SOURCE: Source = {
  publisher: 'U.S. Geological Survey',
  title: 'Rare Earth Element Mines, Deposits, and Occurrences (Orris and Grauch, Open-File Report 02-189)',
  year: 2002,
  url: 'https://mrdata.usgs.gov/ree/',
};

/** Status words of the 2002 compilation -> status as of 2002, and whether the record is a mine. */
function orrisStatus(raw: string): { status: SiteStatus; mine: boolean } {
  const s = raw.toLowerCase();
  if (/closed|exhausted|ceased/.test(s)) return { status: 'closed', mine: true };
  if (/past/.test(s) && !/current|active/.test(s)) return { status: 'historic', mine: true };
  if (/under development|in development/.test(s)) return { status: 'construction', mine: true };
  if (
    /(current|active|^producer|byproduct producer|small producer|intermittent|^p producer| producer)/.test(
      s,
    ) &&
    !/potential|prospect|occurrence|resource/.test(s.split(';')[0] ?? '')
  )
    return { status: 'operating', mine: true };
  return { status: 'unknown', mine: false };
}

/** Precision from the DMS text: seconds -> exact, minutes -> approximate, degrees only -> region. */
function dmsPrecision(latDms: string): Precision {
  const parts = latDms.split('-').length;
  if (!latDms.trim()) return 'approximate';
  return parts >= 3 ? 'exact' : parts === 2 ? 'approximate' : 'region';
}

export function loadOrris(rawDir: string): RawSite[] {
  const file = join(rawDir, 'usgs-ree-orris-grauch-2002/ree_main.csv');
  const out: RawSite[] = [];
  readCsv(file).forEach((r, i) => {
    const lat = parseNumber(r.latitude);
    const lng = parseNumber(r.longitude);
    if (lat === null || lng === null) return; // 222 records have no coordinates: reported as a count.
    const recId = clean(r.rec_id);
    if (!recId) throw new PipelineError(file, 'missing rec_id', i + 1);
    const name = clean(r.depname) ?? `Unnamed REE occurrence ${recId}`;
    const rawStatus = clean(r.status) ?? '';
    const { status, mine } = orrisStatus(rawStatus);
    const notes = [
      rawStatus && `Status in 2002 compilation: ${rawStatus}.`,
      clean(r.deptype) && `Deposit type: ${clean(r.deptype)}.`,
      clean(r.company) && `Company (as of compilation): ${clean(r.company)}.`,
      clean(r.comments),
    ]
      .filter(Boolean)
      .join(' ');
    out.push({
      id: `ree-${recId}`,
      dataset: 'usgs-ree-orris-grauch-2002',
      ref: `ree_main.csv rec_id ${recId}`,
      name,
      kind: mine ? 'mine' : 'deposit',
      minerals: ['rare-earths'],
      countryName: clean(r.country) ?? '',
      lng,
      lat,
      status,
      operator: null,
      capacity: null,
      precision: dmsPrecision(r.lat_dms ?? ''),
      source: ORRIS_SOURCE,
      vintage: 2002,
      notes: notes || null,
      rank: 1,
    });
  });
  return out;
}

// ---------------------------------------------------------------- USGS PP1802 critical minerals (2017)

const PP1802_SOURCE: Source = {
  publisher: 'U.S. Geological Survey',
  title:
    'Global Distribution of Selected Mines, Deposits, and Districts of Critical Minerals (Labay and others, PP1802 data release)',
  year: 2017,
  url: 'https://doi.org/10.5066/F7GH9GQR',
};

export function loadPp1802(rawDir: string, commodities: CommodityMap): RawSite[] {
  const file = join(rawDir, 'usgs-pp1802-critical-minerals/PP1802_CritMin_pts.csv');
  const out: RawSite[] = [];
  readCsv(file).forEach((r, i) => {
    const minerals = commodities.list(r.CRITICAL_MINERAL ?? '', /;/);
    if (minerals.length === 0) return;
    const lat = parseNumber(r.LATITUDE);
    const lng = parseNumber(r.LONGITUDE);
    if (lat === null || lng === null) throw new PipelineError(file, 'missing LATITUDE/LONGITUDE', i + 1);
    const name = clean(r.DEPOSIT_NAME);
    if (!name) throw new PipelineError(file, 'missing DEPOSIT_NAME', i + 1);
    const district = /district|region|belt|province|field/i.test(name);
    out.push({
      id: `pp1802-${i + 1}`,
      dataset: 'usgs-pp1802-critical-minerals',
      ref: `PP1802_CritMin_pts.csv row ${i + 1}`,
      name,
      kind: 'deposit',
      minerals,
      countryName: clean(r.LOCATION) ?? '',
      lng,
      lat,
      status: 'unknown',
      operator: null,
      capacity: null,
      precision: district ? 'region' : 'approximate',
      source: PP1802_SOURCE,
      vintage: 2017,
      notes:
        [clean(r.DEPOSIT_TYPE) && `Deposit type: ${clean(r.DEPOSIT_TYPE)}.`, clean(r.LOC_DETAIL)]
          .filter(Boolean)
          .join(' ') || null,
      rank: 1,
    });
  });
  return out;
}

// ---------------------------------------------------------------- USGS major deposits (OFR 2005-1294)

const OFR_SOURCE: Source = {
  publisher: 'U.S. Geological Survey',
  title: 'Major Mineral Deposits of the World (companion database to Open-File Report 2005-1294)',
  year: 2005,
  url: 'https://mrdata.usgs.gov/major-deposits/',
};

export function loadOfr2005(rawDir: string, commodities: CommodityMap): RawSite[] {
  const file = join(rawDir, 'usgs-major-mineral-deposits-ofr2005-1294/deposit.csv');
  const out: RawSite[] = [];
  readCsv(file).forEach((r, i) => {
    const minerals = commodities.list(r.commodity ?? '', /,/);
    if (minerals.length === 0) return;
    const lat = parseNumber(r.latitude);
    const lng = parseNumber(r.longitude);
    const gid = clean(r.gid);
    if (lat === null || lng === null || !gid)
      throw new PipelineError(file, 'missing gid/latitude/longitude', i + 1);
    out.push({
      id: `ofr-${gid}`,
      dataset: 'usgs-major-mineral-deposits-ofr2005-1294',
      ref: `deposit.csv gid ${gid}`,
      name: clean(r.dep_name) ?? `Deposit ${gid}`,
      kind: 'deposit',
      minerals,
      countryName: clean(r.country) ?? '',
      lng,
      lat,
      status: 'unknown',
      operator: null,
      capacity: null,
      precision: 'approximate',
      source: OFR_SOURCE,
      vintage: 2005,
      notes: [
        `Commodities: ${clean(r.commodity) ?? ''}.`,
        clean(r.dep_type) && `Deposit type: ${clean(r.dep_type)}.`,
        clean(r.citation) && `Cited: ${clean(r.citation)}.`,
      ]
        .filter(Boolean)
        .join(' '),
      rank: 1,
    });
  });
  return out;
}

// ---------------------------------------------------------------- USGS facility layers (Africa 2021, Indo-Pacific)

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
  if (!existsSync(file))
    throw new PipelineError(file, 'file not found (is the raw data folder right? set RAW_DATA_DIR)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PipelineError(file, `malformed JSON: ${(error as Error).message}`);
  }
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

// ---------------------------------------------------------------- Curated table (data/curated/sites.csv)

const curatedRow = z.object({
  id: z.string().regex(/^cur-[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(SITE_KINDS),
  minerals: z.string().min(1),
  country: z.string().regex(/^[A-Z]{3}$/),
  status: z.enum(SITE_STATUSES),
  operator: z.string(),
  capacity_value: z.string(),
  capacity_unit: z.string(),
  lat: z.string().regex(/^-?\d+(\.\d+)?$/),
  lng: z.string().regex(/^-?\d+(\.\d+)?$/),
  precision: z.enum(PRECISIONS),
  source_publisher: z.string().min(1),
  source_title: z.string().min(1),
  source_year: z.string().regex(/^\d{4}$/),
  source_url: z.string(),
  vintage: z.string().regex(/^\d{4}$/),
  notes: z.string(),
});

export function loadCurated(curatedDir: string, mineralIds: Set<string>): RawSite[] {
  const file = join(curatedDir, 'sites.csv');
  if (!existsSync(file)) return [];
  return readCsvRows(file, curatedRow).map((r, i) => {
    const minerals = r.minerals.split(';').map((m) => m.trim());
    const unknown = minerals.find((m) => !mineralIds.has(m));
    if (unknown) throw new PipelineError(file, `unknown mineral id "${unknown}"`, i + 1);
    const capValue = parseNumber(r.capacity_value);
    const source: Source = {
      publisher: r.source_publisher,
      title: r.source_title,
      year: Number(r.source_year),
    };
    if (r.source_url.trim()) source.url = r.source_url.trim();
    return {
      id: r.id,
      dataset: 'curated',
      ref: `data/curated/sites.csv id ${r.id}`,
      name: r.name,
      kind: r.kind,
      minerals: [...new Set(minerals)].sort(),
      countryName: r.country,
      lng: Number(r.lng),
      lat: Number(r.lat),
      status: r.status,
      operator: clean(r.operator),
      capacity:
        capValue !== null && capValue > 0 && r.capacity_unit.trim()
          ? { value: capValue, unit: r.capacity_unit.trim() }
          : null,
      precision: r.precision,
      source,
      vintage: Number(r.vintage),
      notes: clean(r.notes),
      rank: 3,
    };
  });
}
