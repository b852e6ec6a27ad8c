// Country-share chart for the chosen mineral: mining, refining and exports in view side by side; China marked. Lazy chunk.
import { CHINA_ISO3 } from '../config/china';
import type { SharesFile } from '../data/shares-schema';
import { formatPercent, mineralName, t as messagesOf, type Lang } from '../i18n';
import { productOf } from '../derive/products';
import type { Flow } from '../model/types';
import { chooseShareYear, missingYearMessage } from '../derive/share-year';
import { countryNameIn, selectPassingFlows, selectVisibleSites } from '../state/selectors';
import { stageView, type StageCell } from '../derive/stages';
import { stageViewSection } from './stage-view';
import type { AppState } from '../state/store';
import { el } from './dom';
import { morphChildren } from './morph';

const TOP = 5;

interface Bar {
  iso3: string | null;
  label: string;
  share: number;
}

interface Column {
  title: string;
  note: string;
  bars: Bar[];
  /** Said instead of bars when the slider's year has no table (never another year's figures). */
  message?: string;
}

/** Top countries plus an "others" bar, by share (0..1), China always shown. */
export function topWithOthers(bars: Bar[], top = TOP, others = 'Others'): Bar[] {
  const sorted = [...bars].sort((a, b) => b.share - a.share || a.label.localeCompare(b.label));
  const head = sorted.slice(0, top);
  const china = sorted.find((b) => b.iso3 === 'CHN');
  if (china && !head.includes(china)) head.push(china);
  const rest = sorted.filter((b) => !head.includes(b)).reduce((s, b) => s + b.share, 0);
  return rest > 0.0005 ? [...head, { iso3: null, label: others, share: rest }] : head;
}

/** The stage's table of the slider's year, or a column saying that year has no figure. */
function table(
  shares: SharesFile | null,
  mineral: string,
  stage: 'mining' | 'refining',
  year: number,
  names: (iso3: string) => string,
  lang: Lang,
): Column | null {
  const msg = messagesOf(lang).chart;
  const byYear = shares?.minerals[mineral]?.[stage];
  if (!byYear || Object.keys(byYear).length === 0) return null;
  const stageName = stage === 'mining' ? msg.mining : msg.refining;
  const choice = chooseShareYear(Object.keys(byYear), year);
  if (choice.kind === 'missing') {
    const allUsgs = Object.values(byYear).every((t) => t.source.publisher === 'U.S. Geological Survey');
    return {
      title: msg.stageYear(stageName, String(year)),
      note: '',
      bars: [],
      message:
        lang === 'en'
          ? missingYearMessage(allUsgs ? 'USGS' : 'source', year, choice)
          : choice.available.length === 0
            ? msg.noFigure(allUsgs ? 'USGS' : '出典', year)
            : msg.nearest(
                allUsgs ? 'USGS' : '出典',
                year,
                choice.nearest.join('・'),
                choice.available.join(', '),
              ),
    };
  }
  const t = byYear[choice.key];
  if (!t) return null;
  const bars = t.rows
    .filter((r) => r.share !== null)
    .map((r) => ({ iso3: r.country, label: r.country ? names(r.country) : r.label, share: r.share ?? 0 }));
  return {
    title: msg.stageYear(stageName, choice.key),
    note: msg.note(t.source.publisher, t.source.title, String(t.source.year), t.approximate),
    bars: topWithOthers(bars, TOP, msg.others),
  };
}

function exportsColumn(s: AppState, mineral: string, names: (iso3: string) => string): Column | null {
  const msg = messagesOf(s.lang).chart;
  // The flows the filters keep (already computed for the map), of this mineral. Every-reporter trade and one
  // reporter's imports are never added up: the column uses the first, or the second when it is all there is.
  const minerals = s.data?.minerals ?? [];
  const all = selectPassingFlows(s).filter((f) => f.mineral === mineral);
  const reporterOf = (f: Flow) => productOf(minerals, f.mineral, f.hs)?.reportedBy;
  const world = all.filter((f) => reporterOf(f) === undefined);
  const flows = world.length > 0 ? world : all;
  const reporter = world.length > 0 ? undefined : flows.map(reporterOf)[0];
  const total = flows.reduce((sum, f) => sum + f.valueUsd, 0);
  if (total <= 0) return null;
  const by = new Map<string, number>();
  for (const f of flows) by.set(f.exporter, (by.get(f.exporter) ?? 0) + f.valueUsd);
  const left = all.length - flows.length;
  return {
    title: reporter ? msg.reporterTitle(names(reporter), s.filters.year) : msg.exportsTitle(s.filters.year),
    note: reporter ? msg.reporterNote(names(reporter)) : msg.worldNote(left),
    bars: topWithOthers(
      [...by].map(([iso3, v]) => ({ iso3, label: names(iso3), share: v / total })),
      TOP,
      msg.others,
    ),
  };
}

/** The stage view of the first selected mineral for the slider's year and the sites the filters keep. */
export function selectStageView(s: AppState): { mineral: string; cells: StageCell[] } | null {
  const id = s.filters.minerals[0];
  const mineral = s.data?.minerals.find((m) => m.id === id);
  if (!mineral || !id || !s.shares) return null;
  return { mineral: mineral.name, cells: stageView(s.shares, id, s.filters.year, selectVisibleSites(s)) };
}

export function renderChart(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const mineralId = s.filters.minerals[0];
  const mineral = s.data.minerals.find((m) => m.id === mineralId);
  if (!mineral || !mineralId) return void morphChildren(root);
  const lang = s.lang;
  const msg = messagesOf(lang).chart;
  const names = countryNameIn(s);
  const mName = mineralName(lang, mineralId, mineral.name);
  const columns = [
    table(s.shares, mineralId, 'mining', s.filters.year, names, lang),
    table(s.shares, mineralId, 'refining', s.filters.year, names, lang),
    exportsColumn(s, mineralId, names),
  ];
  // China's refining share: the slider's year where the data has it, otherwise the latest year, named.
  const refining = s.shares?.minerals[mineralId]?.refining ?? {};
  const refChoice = chooseShareYear(Object.keys(refining), s.filters.year);
  const refYear = refChoice.kind === 'year' ? refChoice.key : refChoice.available.at(-1);
  const refTable = refYear === undefined ? undefined : refining[refYear];
  const chinaRefining = refTable?.rows.find((r) => r.country === 'CHN')?.share;
  const stages = selectStageView(s);
  morphChildren(
    root,
    // English lowers the name inside the sentence ("Who supplies rare earths").
    el('h2', {}, msg.title(lang === 'en' ? mName.toLowerCase() : mName)),
    el(
      'p',
      { class: 'china-refining', 'data-testid': 'china-refining' },
      chinaRefining === undefined || chinaRefining === null
        ? msg.chinaRefiningNone(lang === 'en' ? mName.toLowerCase() : mName)
        : msg.chinaRefining(
            formatPercent(lang, chinaRefining),
            refYear ?? '',
            refTable?.approximate === true,
          ),
    ),
    s.filters.minerals.length > 1 ? el('p', { class: 'muted' }, msg.firstMineral(mName)) : null,
    el(
      'div',
      { class: 'share-columns' },
      ...columns.map((c, i) =>
        c
          ? el(
              'div',
              { class: 'share-column', 'data-stage': ['mining', 'refining', 'exports'][i] },
              el('h3', {}, c.title),
              c.message === undefined ? null : el('p', { class: 'muted no-year' }, c.message),
              c.bars.length === 0
                ? null
                : el(
                    'ol',
                    { class: 'bars' },
                    ...c.bars.map((b) =>
                      el(
                        'li',
                        {
                          class: b.iso3 && CHINA_ISO3.has(b.iso3) ? 'china' : '',
                          title: `${b.label}: ${formatPercent(lang, b.share)}`,
                        },
                        el('span', { class: 'bar-label' }, b.label),
                        el(
                          'span',
                          { class: 'bar-track' },
                          el('span', { class: 'bar-fill', '--w': `${(b.share * 100).toFixed(1)}%` }),
                        ),
                        el('span', { class: 'bar-value' }, formatPercent(lang, b.share)),
                      ),
                    ),
                  ),
              c.note === '' ? null : el('p', { class: 'muted source' }, c.note),
            )
          : el(
              'div',
              { class: 'share-column empty', 'data-stage': ['mining', 'refining', 'exports'][i] },
              el('h3', {}, [msg.mining, msg.refining, msg.exports][i] ?? ''),
              el('p', { class: 'muted' }, msg.noData),
            ),
      ),
    ),
    stages ? stageViewSection(stages.cells, mName, s.filters.year, names, lang) : null,
  );
}
