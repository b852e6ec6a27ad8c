// Country-share chart for the chosen mineral: mining, refining and exports in view side by side; China marked. Lazy chunk.
import { CHINA_ISO3 } from '../config/china';
import type { SharesFile } from '../data/shares-schema';
import { formatShare } from '../derive/format';
import { countryName, selectPassingFlows } from '../state/selectors';
import type { AppState } from '../state/store';
import { el, setChildren } from './dom';

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
}

/** Top countries plus an "others" bar, by share (0..1), China always shown. */
export function topWithOthers(bars: Bar[], top = TOP): Bar[] {
  const sorted = [...bars].sort((a, b) => b.share - a.share || a.label.localeCompare(b.label));
  const head = sorted.slice(0, top);
  const china = sorted.find((b) => b.iso3 === 'CHN');
  if (china && !head.includes(china)) head.push(china);
  const rest = sorted.filter((b) => !head.includes(b)).reduce((s, b) => s + b.share, 0);
  return rest > 0.0005 ? [...head, { iso3: null, label: 'Others', share: rest }] : head;
}

function table(
  shares: SharesFile | null,
  mineral: string,
  stage: 'mining' | 'refining',
  names: (iso3: string) => string,
): Column | null {
  const byYear = shares?.minerals[mineral]?.[stage];
  if (!byYear) return null;
  const year =
    Object.keys(byYear)
      .filter((y) => !y.endsWith('e'))
      .sort()
      .pop() ?? Object.keys(byYear).sort().pop();
  const t = year ? byYear[year] : undefined;
  if (!t) return null;
  const bars = t.rows
    .filter((r) => r.share !== null)
    .map((r) => ({ iso3: r.country, label: r.country ? names(r.country) : r.label, share: r.share ?? 0 }));
  return {
    title: `${stage === 'mining' ? 'Mining' : 'Refining'} ${year}`,
    note: `${t.source.publisher}, ${t.source.title} (${t.source.year})${t.approximate ? ', approximate' : ''}`,
    bars: topWithOthers(bars),
  };
}

function exportsColumn(s: AppState, mineral: string, names: (iso3: string) => string): Column | null {
  // The flows the filters keep (already computed for the map), of this mineral.
  const flows = selectPassingFlows(s).filter((f) => f.mineral === mineral);
  const total = flows.reduce((sum, f) => sum + f.valueUsd, 0);
  if (total <= 0) return null;
  const by = new Map<string, number>();
  for (const f of flows) by.set(f.exporter, (by.get(f.exporter) ?? 0) + f.valueUsd);
  return {
    title: `Exports in view ${s.filters.year}`,
    note: 'CEPII BACI, share of the value of the flows the filters keep',
    bars: topWithOthers([...by].map(([iso3, v]) => ({ iso3, label: names(iso3), share: v / total }))),
  };
}

export function renderChart(root: HTMLElement, s: AppState): void {
  if (!s.data) return;
  const mineralId = s.filters.minerals[0];
  const mineral = s.data.minerals.find((m) => m.id === mineralId);
  if (!mineral || !mineralId) return void setChildren(root);
  const names = countryName(s);
  const columns = [
    table(s.shares, mineralId, 'mining', names),
    table(s.shares, mineralId, 'refining', names),
    exportsColumn(s, mineralId, names),
  ];
  const refining = s.shares?.minerals[mineralId]?.refining;
  const refYear = refining ? Object.keys(refining).sort().pop() : undefined;
  const chinaRefining = refYear
    ? refining?.[refYear]?.rows.find((r) => r.country === 'CHN')?.share
    : undefined;
  setChildren(
    root,
    el('h2', {}, `Who supplies ${mineral.name.toLowerCase()}`),
    el(
      'p',
      { class: 'china-refining', 'data-testid': 'china-refining' },
      chinaRefining === undefined || chinaRefining === null
        ? `China's share of world refining: not in the data for ${mineral.name.toLowerCase()}.`
        : `China's share of world refining: ${formatShare(chinaRefining)} (${refYear}, approximate).`,
    ),
    s.filters.minerals.length > 1
      ? el('p', { class: 'muted' }, `Showing the first selected mineral, ${mineral.name}.`)
      : null,
    el(
      'div',
      { class: 'share-columns' },
      ...columns.map((c, i) =>
        c
          ? el(
              'div',
              { class: 'share-column', 'data-stage': ['mining', 'refining', 'exports'][i] },
              el('h3', {}, c.title),
              el(
                'ol',
                { class: 'bars' },
                ...c.bars.map((b) =>
                  el(
                    'li',
                    {
                      class: b.iso3 && CHINA_ISO3.has(b.iso3) ? 'china' : '',
                      title: `${b.label}: ${formatShare(b.share)}`,
                    },
                    el('span', { class: 'bar-label' }, b.label),
                    el(
                      'span',
                      { class: 'bar-track' },
                      el('span', { class: 'bar-fill', '--w': `${(b.share * 100).toFixed(1)}%` }),
                    ),
                    el('span', { class: 'bar-value' }, formatShare(b.share)),
                  ),
                ),
              ),
              el('p', { class: 'muted source' }, c.note),
            )
          : el(
              'div',
              { class: 'share-column empty', 'data-stage': ['mining', 'refining', 'exports'][i] },
              el('h3', {}, ['Mining', 'Refining', 'Exports'][i] ?? ''),
              el('p', { class: 'muted' }, 'No data for this mineral.'),
            ),
      ),
    ),
  );
}
