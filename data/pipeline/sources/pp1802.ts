// Adapter for USGS PP1802 Global Distribution of Selected Mines, Deposits, and Districts of Critical Minerals (2017).
import { join } from 'node:path';
import type { Source } from '../../../src/model/types';
import { PipelineError, parseNumber, readCsv } from '../read';
import { CommodityMap, clean, type RawSite } from '../sites-raw';

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
