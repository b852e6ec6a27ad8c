// Adapter for USGS Rare Earth Element Mines, Deposits, and Occurrences (Orris and Grauch 2002, ree_main.csv).
import { join } from 'node:path';
import type { Precision, SiteStatus, Source } from '../../../src/model/types';
import { PipelineError, parseNumber, readCsv } from '../read';
import { clean, type RawSite } from '../sites-raw';

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
