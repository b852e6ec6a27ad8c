// Country shares of world mining and refining per mineral: USGS MCS 2026 tonnages plus the atlas's refining shares.
import {
  sharesFileSchema,
  type MineralShares,
  type ShareTable,
  type SharesFile,
} from '../../src/data/shares-schema';
import { PipelineError } from './read';
import { emptyStages, type StageTables } from './shares-tables';
import { ATLAS_DATA_JSON, ATLAS_REFINING_JSON, readAtlas } from './sources/atlas-shares';
import { MCS_LEFT_OUT, MCS_WORLD_CSVS, readMcsWorld } from './sources/usgs-mcs-world';
import { USGS_PRODUCTION_CSV, readUsgs } from './sources/usgs-mcs2026';

export type { SharesFile } from '../../src/data/shares-schema';
export { halfUnitOfSecondFigure, sumTolerance } from './shares-tables';
/** Raw inputs, relative to the raw data folder (read by the adapters in sources/). */
export { ATLAS_DATA_JSON, ATLAS_REFINING_JSON, MCS_WORLD_CSVS, USGS_PRODUCTION_CSV };

/** Plain-language gaps for minerals a source does not cover. */
const EXTRA_GAPS: Record<string, readonly string[]> = {
  gallium: ['Gallium is not mined for itself: its USGS primary production is given under refining.'],
  germanium: [
    'USGS MCS 2026 has no world germanium production table: germanium refinery production stops at 2023 (MCS 2024).',
  ],
};

/**
 * Build shares.json: for every mineral id, country shares (fractions 0..1) of world mine production per data year
 * (USGS MCS 2026 for 2024 and 2025e; the MCS 2022, 2023 and 2024 world tables for 2020-2023, the latest edition
 * winning a year two editions give; in the USGS unit) and of refining (USGS gallium and germanium production;
 * otherwise the Critical Materials Atlas's rounded percentages, approximate).
 *
 * @param rawDir the raw data folder (see raw-dir.ts).
 * @param resolveCountry USGS country name -> ISO3, or null when unknown (an unknown country stops the run).
 * @param mineralIds the canonical mineral ids; every one gets an entry, USGS commodities must be among them.
 * @param iso3ByIso2 ISO2 -> ISO3 (the atlas writes ISO2 codes), e.g. CountryIndex.iso3ByIso2.
 * @throws PipelineError naming the file (and the 1-based data row for the CSV) on any bad input.
 */
export function buildShares(
  rawDir: string,
  resolveCountry: (name: string) => string | null,
  mineralIds: ReadonlySet<string>,
  iso3ByIso2: ReadonlyMap<string, string>,
): SharesFile {
  const tables = new Map<string, StageTables>();
  const gaps = new Map<string, string[]>();
  readUsgs(rawDir, resolveCountry, mineralIds, tables);
  readMcsWorld(rawDir, resolveCountry, mineralIds, tables, gaps);
  readAtlas(rawDir, mineralIds, iso3ByIso2, tables, gaps);

  const withMining = [...tables].filter(([, s]) => s.mining.size > 0).map(([id]) => id);
  const minerals: Record<string, MineralShares> = {};
  for (const id of [...mineralIds].sort()) {
    const stages = tables.get(id) ?? emptyStages();
    const list: string[] = [];
    if (stages.mining.size === 0)
      list.push(
        `No mine-production shares: the USGS MCS 2022-2024 world tables and MCS 2026 extract used here have ` +
          `mine-production tables only for ${withMining.sort().join(', ')}.`,
      );
    const leftOut = MCS_LEFT_OUT[id];
    if (leftOut !== undefined) list.push(leftOut);
    if (stages.refining.size === 0) list.push('No refining / processing shares in the sources used.');
    list.push(...(EXTRA_GAPS[id] ?? []), ...(gaps.get(id) ?? []));
    const sortedRecord = (m: Map<string, ShareTable>): Record<string, ShareTable> =>
      Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    minerals[id] = {
      mining: sortedRecord(stages.mining),
      refining: sortedRecord(stages.refining),
      gaps: list,
    };
  }

  const file: SharesFile = {
    about: [
      'Country shares of world mine production and of refining, per mineral, stage and data year. share is a ' +
        'fraction of the world (0.71 = 71%); value is in the table unit; "e" years are estimates.',
      'Mining, and gallium primary production: USGS Mineral Commodity Summaries 2026 world production tables, ' +
        'transcribed by hand from a third-party extraction of the USGS PDFs (GitHub ' +
        'pranava0x0/usgs-mineral-commodity-summaries). Shares are of the rounded USGS world total. Withheld ("W") ' +
        'and unavailable ("NA") figures stay null.',
      'Mining 2020-2023, and gallium and germanium refinery production for those years: the USGS Mineral Commodity ' +
        'Summaries 2022, 2023 and 2024 data releases (world production CSVs, two years per edition). Where two ' +
        "editions give the same year, the later edition's figure is used (it revises the earlier estimate); the " +
        "table's notes say so.",
      'Refining: the Critical Materials Atlas reference shares (reference_shares/data.json, "refined" layer, with ' +
        'the source it names per material); rounded percentages, approximate. The per-country rows of its ' +
        'refining.json are trade (BACI export value) shares, not refining, and are only cited in notes.',
      'Stages (mine to magnet): cited figures from data/curated/stage-shares.csv, one per mineral, stage, year and ' +
        'source, with the sentence that gives them (data/curated/stage-shares.md says how each was checked).',
    ],
    stages: [],
    minerals,
  };
  const result = sharesFileSchema.safeParse(file);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PipelineError('shares.json', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
