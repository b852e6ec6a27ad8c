// The "mine to magnet" view: per chain stage, the latest cited figure up to a year (China's share, the leaders).
import type { ShareBound, ChainStage } from '../model/chain';
import { STAGE_KINDS, stagesOf } from '../model/chain';
import type { SharesFile } from '../data/shares-schema';
import type { Site, Source } from '../model/types';
import { keyYear } from './share-year';

/** One stage's figure: the year it describes, China's share (null when the source names no figure for China). */
export interface StageFigureView {
  year: number;
  /** The table key as the source labels it ("2024e"), or the year. */
  label: string;
  bound: ShareBound;
  china: number | null;
  /** The countries with a share, largest first (at most `top`). */
  leaders: { iso3: string; share: number }[];
  measure: string;
  source: Source;
  approximate: boolean;
}

export interface StageCell {
  stage: ChainStage;
  label: string;
  /** The latest figure up to the year; null when none is cited. */
  figure: StageFigureView | null;
  /** Plants of the stage's kinds that the filters keep, for this mineral. */
  plants: number;
}

/**
 * Every stage of `mineral` (model/chain.ts stagesOf) with its latest figure at or before `year`: a yearly share
 * table (USGS, atlas) or a cited stage figure (data/curated/stage-shares.csv); on the same year the yearly table
 * wins. `sites` are the sites the filters keep.
 */
export function stageView(
  shares: SharesFile | null,
  mineral: string,
  year: number,
  sites: readonly Site[],
  top = 3,
): StageCell[] {
  return stagesOf(mineral).map(({ stage, label }) => {
    const candidates: StageFigureView[] = [];
    const tables =
      stage === 'mining' || stage === 'refining' ? shares?.minerals[mineral]?.[stage] : undefined;
    for (const [key, t] of Object.entries(tables ?? {})) {
      const rows = t.rows.filter(
        (r): r is typeof r & { country: string; share: number } => r.country !== null && r.share !== null,
      );
      candidates.push({
        year: keyYear(key),
        label: key,
        bound: 'about',
        china: rows.find((r) => r.country === 'CHN')?.share ?? null,
        leaders: rows.slice(0, top).map((r) => ({ iso3: r.country, share: r.share })),
        measure: t.measure,
        source: t.source,
        approximate: t.approximate,
      });
    }
    for (const f of shares?.stages ?? []) {
      if (f.mineral !== mineral || f.stage !== stage) continue;
      candidates.push({
        year: f.year,
        label: String(f.year),
        bound: f.bound,
        china: f.rows.find((r) => r.country === 'CHN')?.share ?? null,
        leaders: f.rows.slice(0, top).map((r) => ({ iso3: r.country, share: r.share })),
        measure: f.measure,
        source: f.source,
        approximate: false,
      });
    }
    // Latest year first; on a tie the yearly table (added first) stays first: sort is stable.
    const figure = candidates.filter((c) => c.year <= year).sort((a, b) => b.year - a.year)[0] ?? null;
    const kinds: readonly string[] = STAGE_KINDS[stage];
    const plants = sites.filter((s) => s.minerals.includes(mineral) && kinds.includes(s.kind)).length;
    return { stage, label, figure, plants };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

/** The words of the stage view in English (src/i18n/messages-en.ts `stages`). */
export const STAGES_EN = {
  label: (label: string) => `${label}`,
  aria: (mineral: string) => `${mineral}: mine to magnet`,
  heading: (mineral: string, year: number) =>
    `${mineral}: stage by stage (latest cited figure up to ${year})`,
  chinaNotNamed: 'China: not named',
  china: (share: string) => `China ${share}`,
  noFigure: (year: number) => `No cited figure up to ${year}.`,
  noOther: 'No other country named.',
  plants: (n: number, mining: boolean) => `${n} ${mining ? 'mine' : 'plant'}${n === 1 ? '' : 's'} on the map`,
  approximate: ', approximate',
  bound: (share: string, bound: string) =>
    bound === 'at-least' ? `over ${share}` : bound === 'at-most' ? `under ${share}` : `${share}`,
  line: (label: string, key: string, leaders: string, china: string, publisher: string, year: string) =>
    `${label} ${key}: ${leaders}${china} (${publisher}, ${year})`,
  lineNone: (label: string, year: number) => `${label}: no cited figure up to ${year}`,
  sep: ', ',
  lineChinaNotNamed: '; China not named',
  lineChina: (share: string) => `; China ${share}`,
} as const;

/** A words catalogue's type: every string widened to `string` (another language's catalogue fills the same keys). */
type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };
export type StageWords = Words<typeof STAGES_EN>;

/** How stages are said in a language: its words and percentages (English by default). */
export interface StageLocale {
  words: StageWords;
  percent: (share: number) => string;
}
export const STAGE_LOCALE_EN: StageLocale = { words: STAGES_EN, percent: pct };

/** A share as the figure states it: "92%", "over 90%" (Japanese "90%超"). */
export const boundShare = (share: number, bound: ShareBound, locale: StageLocale = STAGE_LOCALE_EN): string =>
  locale.words.bound(locale.percent(share), bound);

/**
 * One line per stage, for people (the PNG and the stage view's text): "Magnets 2025: China 94% (Rare Earth
 * Exchanges, reporting an IEA commentary, 2025)", or "Metal and alloy: no cited figure up to 2024".
 */
export function stageLines(
  cells: readonly StageCell[],
  year: number,
  name: (iso3: string) => string,
  locale: StageLocale = STAGE_LOCALE_EN,
): string[] {
  const m = locale.words;
  return cells.map(({ label, figure: f }) => {
    if (!f) return m.lineNone(m.label(label), year);
    const leaders = f.leaders
      .map((l) => `${name(l.iso3)} ${boundShare(l.share, f.bound, locale)}`)
      .join(m.sep);
    const china = f.leaders.some((l) => l.iso3 === 'CHN')
      ? ''
      : f.china === null
        ? m.lineChinaNotNamed
        : m.lineChina(boundShare(f.china, f.bound, locale));
    return m.line(m.label(label), f.label, leaders, china, f.source.publisher, String(f.source.year));
  });
}
