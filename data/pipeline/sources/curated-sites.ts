// Adapter for the curated site tables (data/curated/sites.csv and the processing-plant tables; one citation per row).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../../../src/model/types';
import { PRECISIONS, SITE_KINDS, SITE_STATUSES } from '../../../src/model/types';
import { z } from 'zod';
import { PipelineError, parseNumber, readCsvRows } from '../read';
import { clean, type RawSite } from '../sites-raw';

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
  /** Only in the processing-plant tables: the quoted source sentence, for reviewers; not published. */
  evidence: z.string().optional(),
});

/**
 * The curated site tables, read in this order; ids are unique across all of them. `sites.csv` holds the original
 * hand-curated sites and mines; the two processing tables (issue 15) hold rare-earth plants and the plants of the
 * other China-concentrated chains (gallium, germanium, graphite anode, lithium, cobalt), with an `evidence` column.
 */
export const CURATED_SITE_FILES = [
  'sites.csv',
  'sites-processing.csv',
  'sites-processing-other.csv',
] as const;

export function loadCurated(curatedDir: string, mineralIds: Set<string>): RawSite[] {
  const seen = new Map<string, string>();
  return CURATED_SITE_FILES.flatMap((name) => {
    const file = join(curatedDir, name);
    if (!existsSync(file)) return [];
    return readCsvRows(file, curatedRow).map((r, i) => {
      const earlier = seen.get(r.id);
      if (earlier) throw new PipelineError(file, `duplicate id "${r.id}" (also in ${earlier})`, i + 1);
      seen.set(r.id, name);
      return toRawSite(r, file, name, i + 1, mineralIds);
    });
  });
}

function toRawSite(
  r: z.infer<typeof curatedRow>,
  file: string,
  name: string,
  row: number,
  mineralIds: Set<string>,
): RawSite {
  const minerals = r.minerals.split(';').map((m) => m.trim());
  const unknown = minerals.find((m) => !mineralIds.has(m));
  if (unknown) throw new PipelineError(file, `unknown mineral id "${unknown}"`, row);
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
    ref: `data/curated/${name} id ${r.id}`,
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
}
