// Adapter for the Critical Materials Atlas reference shares (data.json, refining.json): approximate refining shares.
import { join } from 'node:path';
import { z } from 'zod';
import type { ShareRow } from '../../../src/data/shares-schema';
import { PipelineError, readJsonAs } from '../read';
import { byShare, emptyStages, roundShare, type StageTables } from '../shares-tables';

/** Raw inputs, relative to the raw data folder. */
export const ATLAS_DATA_JSON = 'critical-materials-atlas-baci/reference_shares/data.json';
export const ATLAS_REFINING_JSON = 'critical-materials-atlas-baci/reference_shares/refining.json';

const ATLAS_URL = 'https://criticalmaterialsatlas.org/';

const atlasDataSchema = z.object({
  dataUpdated: z.string().regex(/\b(19|20)\d{2}$/, 'a date ending in a year'),
  materials: z.array(
    z.object({
      label: z.string().min(1),
      year: z.number().int().min(1900).max(2100),
      refined: z
        .array(z.object({ c: z.string().regex(/^[A-Z]{2}$/, 'ISO2 code'), v: z.number().min(0).max(100) }))
        .nullable(),
      refined_source: z.string().min(1).nullable().exactOptional(),
    }),
  ),
});

const atlasRefiningSchema = z.object({
  capacity_source: z.string().min(1),
  capacity_wedge: z.array(
    z.object({ material: z.string(), refining: z.object({ iso3: z.string(), top1: z.number() }) }),
  ),
  rows: z.array(
    z.object({
      material: z.string(),
      reported: z
        .object({ iso3: z.string(), pct: z.number(), form: z.string(), computed: z.boolean() })
        .nullable(),
    }),
  ),
});

/** Atlas material labels that differ from the canonical mineral id. */
const ATLAS_LABEL_TO_MINERAL: Record<string, string> = { magnets: 'rare-earths' };

/** Atlas labels deliberately not used, with the reason, shown as a gap on the mineral. */
const ATLAS_LEFT_OUT: Record<string, { mineral: string; reason: string }> = {
  platinum: {
    mineral: 'platinum-group',
    reason:
      'The atlas gives leading-refiner figures for platinum and for palladium separately; two metals cannot be ' +
      'combined into one platinum-group share without tonnages, so no refining share is given.',
  },
  palladium: {
    mineral: 'platinum-group',
    reason:
      'The atlas gives leading-refiner figures for platinum and for palladium separately; two metals cannot be ' +
      'combined into one platinum-group share without tonnages, so no refining share is given.',
  },
};

/** What the atlas's "refined" layer counts, where it is narrower than generic refining. */
const ATLAS_MEASURE: Record<string, string> = {
  magnets: 'rare-earth refining',
  titanium: 'titanium sponge (metal) production',
};

const ATLAS_NOTES: Record<string, readonly string[]> = {
  magnets: [
    'The atlas files these under "magnets" (its trade layer is HS 850511, permanent magnets), but they are ' +
      'IEA rare-earth refining shares, not magnet manufacture (Japan, a large magnet maker, is absent).',
    'The atlas\'s "magnets" mine shares are USGS rare-earth mine production (the atlas labels them "USGS 2024, ' +
      '2023 production") and are not used: mining comes from MCS 2026.',
  ],
  titanium: ['Titanium sponge (metal), not titanium mineral concentrates.'],
};

/** The atlas's per-material `refined_source` strings, resolved to a citation. An unknown string stops the run. */
const ATLAS_SOURCES: Record<
  string,
  { publisher: string; title: string; year: number; notes: readonly string[] }
> = {
  'IEA 2026': {
    publisher: 'International Energy Agency (IEA)',
    title: 'Refining shares cited as "IEA 2026" by the Critical Materials Atlas (reference_shares/data.json)',
    year: 2026,
    notes: [],
  },
  'BGS World Mineral Statistics 2024': {
    publisher: 'British Geological Survey (BGS)',
    title:
      'World Mineral Statistics, 2024 figures, via the Critical Materials Atlas (reference_shares/data.json)',
    year: 2024,
    notes: [],
  },
  'EU CRM 2023': {
    publisher: 'European Commission',
    title:
      'Study on the Critical Raw Materials for the EU 2023, via the Critical Materials Atlas (reference_shares/data.json)',
    year: 2023,
    notes: ['The EU CRM 2023 study reports figures for years before 2023, not for 2024.'],
  },
  'USGS MCS 2024': {
    publisher: 'U.S. Geological Survey',
    title: 'Mineral Commodity Summaries 2024, via the Critical Materials Atlas (reference_shares/data.json)',
    year: 2024,
    notes: ['USGS MCS 2024 reports 2023 production.'],
  },
};

/** Approximate refining shares per mineral from the atlas's "refined" layer, into `out`; left-out labels into `gaps`. */
export function readAtlas(
  rawDir: string,
  mineralIds: ReadonlySet<string>,
  iso3ByIso2: ReadonlyMap<string, string>,
  out: Map<string, StageTables>,
  gaps: Map<string, string[]>,
): void {
  const dataFile = join(rawDir, ATLAS_DATA_JSON);
  const refiningFile = join(rawDir, ATLAS_REFINING_JSON);
  const data = readJsonAs(dataFile, atlasDataSchema);
  const refining = readJsonAs(refiningFile, atlasRefiningSchema);
  const atlasYear = Number(/(\d{4})$/.exec(data.dataUpdated)?.[1]);

  for (const material of data.materials) {
    const leftOut = ATLAS_LEFT_OUT[material.label];
    if (leftOut !== undefined) {
      if (mineralIds.has(leftOut.mineral)) {
        const list = gaps.get(leftOut.mineral) ?? [];
        if (!list.includes(leftOut.reason)) list.push(leftOut.reason);
        gaps.set(leftOut.mineral, list);
      }
      continue;
    }
    const mineral = ATLAS_LABEL_TO_MINERAL[material.label] ?? material.label;
    if (!mineralIds.has(mineral) || material.refined === null || material.refined.length === 0) continue;
    const key = String(material.year);
    const stages = out.get(mineral) ?? emptyStages();
    const existing = stages.refining.get(key);
    if (existing !== undefined) {
      // A reported tonnage (USGS) beats a rounded percentage: keep it and say what was set aside.
      const shown = material.refined.map((r) => `${r.c} ${r.v}%`).join(', ');
      existing.notes.push(
        `The Critical Materials Atlas's rounded figure (${shown}) is not used: USGS has tonnages.`,
      );
      continue;
    }

    const where = `${material.label} refined`;
    const rows: ShareRow[] = material.refined.map((r) => {
      const country = iso3ByIso2.get(r.c);
      if (country === undefined) throw new PipelineError(dataFile, `${where}: unknown ISO2 code "${r.c}"`);
      return { country, label: r.c, value: r.v, share: roundShare(r.v / 100) };
    });
    if (new Set(rows.map((r) => r.country)).size !== rows.length)
      throw new PipelineError(dataFile, `${where}: a country appears twice`);
    const sum = material.refined.reduce((s, r) => s + r.v, 0);
    // Each percentage is rounded to a whole number: the sum may exceed 100 by at most 0.5 per row.
    if (sum > 100 + 0.5 * rows.length)
      throw new PipelineError(dataFile, `${where}: percentages add up to ${sum}, more than 100`);
    const rest = Math.round((100 - sum) * 100) / 100;
    if (rest > 0)
      rows.push({
        country: null,
        label: 'Rest of world (remainder)',
        value: rest,
        share: roundShare(rest / 100),
      });

    const citation =
      material.refined_source === undefined || material.refined_source === null
        ? null
        : ATLAS_SOURCES[material.refined_source];
    if (citation === undefined)
      throw new PipelineError(
        dataFile,
        `${where}: unknown refined_source "${material.refined_source ?? ''}"`,
      );
    const notes = [
      'Rounded percentages from the Critical Materials Atlas (GitHub Varcolacus/critical-materials-atlas, no ' +
        'licence file); the year is the one the atlas gives, the cited source may refer to another period.',
    ];
    if (citation === null)
      notes.push('The atlas does not name the source of this figure, nor the processed form it counts.');
    if (material.refined.length === 1)
      notes.push('Only the leading refiner is given; the rest of the world is not broken down by country.');
    notes.push(...(citation?.notes ?? []), ...(ATLAS_NOTES[material.label] ?? []));

    // Cross-references from the same atlas's refining.json, so that disagreements are visible, not hidden.
    const capacity = refining.capacity_wedge.find((w) => w.material === material.label);
    const reported = refining.rows.find((r) => r.material === material.label)?.reported ?? null;
    const leader = rows[0];
    if (capacity !== undefined) {
      notes.push(
        `For comparison, the atlas's refining.json puts the leading refiner at ${capacity.refining.iso3} ` +
          `${capacity.refining.top1}% (${refining.capacity_source}).`,
      );
    } else if (
      reported !== null &&
      !reported.computed &&
      (reported.iso3 !== leader?.country || reported.pct !== leader?.value)
    ) {
      notes.push(
        `The atlas's refining.json gives a different leading-refiner figure: ${reported.iso3} ${reported.pct}% ` +
          `(${reported.form}; curated from IEA GCMO 2025 and USGS MCS 2024/25).`,
      );
    }

    stages.refining.set(key, {
      measure: ATLAS_MEASURE[material.label] ?? 'refining / processing',
      estimated: false,
      unit: 'percent of world total (rounded)',
      worldTotal: null,
      shareBasis: 'source-percent',
      approximate: true,
      source:
        citation === null
          ? {
              publisher: 'Critical Materials Atlas',
              title: 'Leading-refiner share, reference_shares/data.json (underlying source not stated)',
              year: atlasYear,
              url: ATLAS_URL,
            }
          : { publisher: citation.publisher, title: citation.title, year: citation.year },
      notes,
      rows: rows.sort(byShare),
    });
    out.set(mineral, stages);
  }
}
