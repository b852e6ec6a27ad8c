// Adapter for USGS Major Mineral Deposits of the World (OFR 2005-1294 companion database, deposit.csv).
import { join } from 'node:path';
import type { Source } from '../../../src/model/types';
import { PipelineError, parseNumber, readCsv } from '../read';
import { CommodityMap, clean, type RawSite } from '../sites-raw';

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
