// Capacity outside China by year (projects chunk): a stacked bar chart per measure and a table of the same numbers.
import { CHINA_ISO3 } from '../config/china';
import { PROJECT_STAGE_COLORS } from '../config/ramps';
import type { CapacityResult } from '../derive/capacity';
import { rgbCss } from '../derive/ramp';
import { isOneOf } from '../model/filters';
import { PROJECT_STAGES } from '../model/projects';
import { selectCapacity, selectCapacityMeasures, type CapacityMeasure } from '../state/capacity';
import type { AppState } from '../state/store';
import { LOCALES, kindLabel, type Lang } from '../i18n';
import { more } from '../i18n/more';
import { el } from './dom';

const PALETTE: [number, number, number][] = [
  [37, 99, 235],
  [22, 163, 74],
  [234, 88, 12],
  [124, 58, 237],
  [219, 39, 119],
  [13, 148, 136],
  [202, 138, 4],
  [100, 116, 139],
];

/** Whole tonnes in the language: "1,234 t" / "1,234トン". */
const tonnes = (lang: Lang, x: number) =>
  more(lang).capacity.tonnes(Math.round(x).toLocaleString(LOCALES[lang]));

/** A capacity measure in words: "separation: NdPr oxide". */
const measureText = (lang: Lang, m: CapacityMeasure): string => {
  const msg = more(lang).capacity;
  const kinds: Readonly<Record<string, string>> = msg.kinds;
  return msg.measure(lang === 'en' ? m.chainStage : kindLabel(lang, m.chainStage), kinds[m.kind] ?? m.kind);
};

function colour(key: string, i: number): string {
  return rgbCss(
    isOneOf(PROJECT_STAGES, key) ? PROJECT_STAGE_COLORS[key] : (PALETTE[i % PALETTE.length] ?? [0, 0, 0]),
  );
}

/** China's figure next to the chart, where this map has a sourced one; otherwise it says so. */
function chinaNote(s: AppState, m: CapacityMeasure): string {
  const lang = s.lang;
  const msg = more(lang).capacity;
  if (m.kind === 'reo') {
    const byYear = s.shares?.minerals['rare-earths']?.mining ?? {};
    const year = Object.keys(byYear).sort().pop();
    const last = year === undefined ? undefined : byYear[year];
    const china = last?.rows.find((r) => r.country !== null && CHINA_ISO3.has(r.country));
    if (last && year && china?.value != null)
      return msg.chinaReo(tonnes(lang, china.value), year, last.source.publisher, last.source.title);
  }
  return msg.chinaNone;
}

function chart(r: CapacityResult, title: string, lang: Lang): SVGSVGElement {
  const W = 260;
  const H = 90;
  const max = Math.max(1, ...r.total);
  const bw = W / r.years.length;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H + 14}`);
  svg.setAttribute('class', 'monthly-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `${title}: ${r.years.map((y, i) => `${y} ${tonnes(lang, r.total[i] ?? 0)}`).join(', ')}`,
  );
  r.years.forEach((y, i) => {
    let top = H;
    r.groups.forEach((g, k) => {
      const h = ((g.values[i] ?? 0) / max) * H;
      if (h <= 0) return;
      top -= h;
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      for (const [a, v] of Object.entries({ x: i * bw + 4, y: top, width: bw - 8, height: h }))
        rect.setAttribute(a, v.toFixed(1));
      rect.setAttribute('fill', colour(g.key, k));
      svg.append(rect);
    });
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', (i * bw + bw / 2).toFixed(1));
    t.setAttribute('y', String(H + 12));
    t.setAttribute('class', 'tick middle');
    t.textContent = String(y);
    svg.append(t);
  });
  return svg;
}

function table(r: CapacityResult, label: (k: string) => string, lang: Lang): HTMLElement {
  const msg = more(lang).capacity;
  return el(
    'table',
    { class: 'results', 'data-testid': 'capacity-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, msg.perYear),
        ...r.years.map((y) => el('th', { scope: 'col' }, String(y))),
      ),
    ),
    el(
      'tbody',
      {},
      ...r.groups.map((g, k) =>
        el(
          'tr',
          { 'data-key': g.key },
          el(
            'th',
            { scope: 'row' },
            el('span', { class: 'dot', '--swatch': colour(g.key, k) }),
            label(g.key),
          ),
          ...g.values.map((v) => el('td', {}, Math.round(v).toLocaleString(LOCALES[lang]))),
        ),
      ),
      el(
        'tr',
        { class: 'total', 'data-key': 'total' },
        el('th', { scope: 'row' }, msg.total),
        ...r.total.map((v) =>
          el('td', { 'data-testid': 'capacity-total' }, Math.round(v).toLocaleString(LOCALES[lang])),
        ),
      ),
    ),
  );
}

/** Measures shown first when the user has not chosen one: rare-earth magnets, then separated oxides. */
const PREFERRED = ['magnet|ndfeb-magnet', 'separation|ndpr-oxide', 'separation|reo'];
const keyOf = (m: CapacityMeasure) => `${m.chainStage}|${m.kind}`;

/**
 * The capacity section: a chart and a table for one measure (`chosen`, `chain|kind`, else a rare-earth default) of
 * those the kept projects have figures for; a select offers the others.
 */
export function capacitySection(
  s: AppState,
  names: (c: string) => string,
  chosen: string | null,
): HTMLElement {
  const lang = s.lang;
  const msg = more(lang).capacity;
  const v = s.projectsView;
  const all = selectCapacityMeasures(s);
  const pick =
    all.find((m) => keyOf(m) === chosen) ??
    PREFERRED.map((k) => all.find((m) => keyOf(m) === k)).find(Boolean) ??
    all[0];
  const measures = pick ? [pick] : [];
  const which = el(
    'select',
    { name: 'capmeasure', 'aria-label': msg.of, 'data-testid': 'capacity-measure' },
    ...all.map((m) => el('option', { value: keyOf(m) }, measureText(lang, m))),
  );
  if (pick) which.value = keyOf(pick);
  const by = el(
    'select',
    { name: 'capby', 'aria-label': msg.stackBy },
    el('option', { value: 'country' }, msg.byCountry),
    el('option', { value: 'stage' }, msg.byStage),
  );
  by.value = v.capacityBy;
  const reading = el(
    'select',
    { name: 'cap', 'aria-label': msg.startYears },
    el('option', { value: 'announced' }, msg.asAnnounced),
    el('option', { value: 'delayed' }, msg.delayed),
  );
  reading.value = v.capacityReading;
  const stages = more(lang).projects.stages;
  const label = (k: string) =>
    v.capacityBy === 'country' ? names(k) : isOneOf(PROJECT_STAGES, k) ? stages[k] : k;
  return el(
    'section',
    { class: 'capacity', 'data-testid': 'capacity' },
    el('h3', {}, msg.title),
    el('p', {}, which),
    el('p', {}, by, ' ', reading),
    el('p', { class: 'muted' }, msg.method),
    ...(measures.length === 0
      ? [el('p', { class: 'muted' }, msg.none)]
      : measures.map((m) => {
          const r = selectCapacity(s, m);
          const title = msg.chartTitle(measureText(lang, m));
          return el(
            'figure',
            { class: 'capacity-measure', 'data-chain': m.chainStage, 'data-kind': m.kind },
            el('figcaption', {}, title),
            chart(r, title, lang),
            el('div', { class: 'table-wrap' }, table(r, label, lang)),
            el('p', { class: 'muted' }, chinaNote(s, m)),
            r.excluded.length > 0
              ? el(
                  'details',
                  { class: 'muted' },
                  el('summary', {}, msg.leftOut(r.excluded.length)),
                  el(
                    'ul',
                    { lang: lang === 'en' ? undefined : 'en' },
                    ...r.excluded.map((x) => el('li', {}, `${x.id}: ${x.detail}`)),
                  ),
                )
              : null,
          );
        })),
  );
}
