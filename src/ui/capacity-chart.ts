// Capacity outside China by year (projects chunk): a stacked bar chart per measure and a table of the same numbers.
import { CHINA_ISO3 } from '../config/china';
import { PROJECT_STAGE_COLORS } from '../config/ramps';
import type { CapacityResult } from '../derive/capacity';
import { rgbCss } from '../derive/ramp';
import { isOneOf } from '../model/filters';
import { PROJECT_STAGES } from '../model/projects';
import { selectCapacity, selectCapacityMeasures, type CapacityMeasure } from '../state/capacity';
import type { AppState } from '../state/store';
import { el } from './dom';

/** Plain-language names of the capacity kinds (what the tonnes are of). */
const KIND_TEXT: Record<string, string> = {
  reo: 'rare-earth oxide (REO/TREO)',
  'ndpr-oxide': 'NdPr oxide',
  'dytb-oxide': 'Dy+Tb oxide',
  'ndpr-metal': 'NdPr metal',
  'ndfeb-magnet': 'NdFeB magnets',
  'lithium-carbonate': 'lithium carbonate',
  'lithium-hydroxide': 'lithium hydroxide',
  'lithium-hydroxide-monohydrate': 'lithium hydroxide monohydrate',
  'anode-material': 'graphite anode material',
  'synthetic-graphite': 'synthetic graphite',
  'graphite-concentrate': 'graphite concentrate',
  gallium: 'gallium',
  cobalt: 'cobalt',
  tungsten: 'tungsten',
  hpmsm: 'high-purity manganese sulphate',
  ferroniobium: 'ferroniobium',
};
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

const tonnes = (t: number) => `${Math.round(t).toLocaleString('en-US')} t`;

function colour(key: string, i: number): string {
  return rgbCss(
    isOneOf(PROJECT_STAGES, key) ? PROJECT_STAGE_COLORS[key] : (PALETTE[i % PALETTE.length] ?? [0, 0, 0]),
  );
}

/** China's figure next to the chart, where this map has a sourced one; otherwise it says so. */
function chinaNote(s: AppState, m: CapacityMeasure): string {
  if (m.kind === 'reo') {
    const byYear = s.shares?.minerals['rare-earths']?.mining ?? {};
    const year = Object.keys(byYear).sort().pop();
    const last = year === undefined ? undefined : byYear[year];
    const china = last?.rows.find((r) => r.country !== null && CHINA_ISO3.has(r.country));
    if (last && year && china?.value != null)
      return `China for comparison: mine production ${tonnes(china.value)} REO in ${year} (${last.source.publisher}, ${last.source.title}); its separation capacity is not in this map's sources.`;
  }
  return "China's capacity for this product is not in this map's sources, so it is not shown (never guessed).";
}

function chart(r: CapacityResult, title: string): SVGSVGElement {
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
    `${title}: ${r.years.map((y, i) => `${y} ${tonnes(r.total[i] ?? 0)}`).join(', ')}`,
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

function table(r: CapacityResult, label: (k: string) => string): HTMLElement {
  return el(
    'table',
    { class: 'results', 'data-testid': 'capacity-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 't/yr'),
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
          ...g.values.map((v) => el('td', {}, Math.round(v).toLocaleString('en-US'))),
        ),
      ),
      el(
        'tr',
        { class: 'total', 'data-key': 'total' },
        el('th', { scope: 'row' }, 'Total'),
        ...r.total.map((v) =>
          el('td', { 'data-testid': 'capacity-total' }, Math.round(v).toLocaleString('en-US')),
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
  const v = s.projectsView;
  const all = selectCapacityMeasures(s);
  const pick =
    all.find((m) => keyOf(m) === chosen) ??
    PREFERRED.map((k) => all.find((m) => keyOf(m) === k)).find(Boolean) ??
    all[0];
  const measures = pick ? [pick] : [];
  const which = el(
    'select',
    { name: 'capmeasure', 'aria-label': 'Capacity of', 'data-testid': 'capacity-measure' },
    ...all.map((m) => el('option', { value: keyOf(m) }, `${m.chainStage}: ${KIND_TEXT[m.kind] ?? m.kind}`)),
  );
  if (pick) which.value = keyOf(pick);
  const by = el(
    'select',
    { name: 'capby', 'aria-label': 'Stack capacity by' },
    el('option', { value: 'country' }, 'by country'),
    el('option', { value: 'stage' }, 'by project stage'),
  );
  by.value = v.capacityBy;
  const reading = el(
    'select',
    { name: 'cap', 'aria-label': 'Start years' },
    el('option', { value: 'announced' }, 'as announced'),
    el('option', { value: 'delayed' }, 'delayed by each project’s own slip (or 2 years)'),
  );
  reading.value = v.capacityReading;
  const label = (k: string) => (v.capacityBy === 'country' ? names(k) : k);
  return el(
    'section',
    { class: 'capacity', 'data-testid': 'capacity' },
    el('h3', {}, 'Capacity outside China by year'),
    el('p', {}, which),
    el('p', {}, by, ' ', reading),
    el(
      'p',
      { class: 'muted' },
      'Nameplate capacity of the listed projects from their start year; stalled and cancelled projects and figures of another kind are left out (listed under each chart). The delayed reading moves each start by the slip its own schedule shows, or by 2 years where it has none (an assumption).',
    ),
    ...(measures.length === 0
      ? [el('p', { class: 'muted' }, 'No project kept by the filters has a published capacity figure.')]
      : measures.map((m) => {
          const r = selectCapacity(s, m);
          const title = `${m.chainStage}: ${KIND_TEXT[m.kind] ?? m.kind}, t/yr`;
          return el(
            'figure',
            { class: 'capacity-measure', 'data-chain': m.chainStage, 'data-kind': m.kind },
            el('figcaption', {}, title),
            chart(r, title),
            el('div', { class: 'table-wrap' }, table(r, label)),
            el('p', { class: 'muted' }, chinaNote(s, m)),
            r.excluded.length > 0
              ? el(
                  'details',
                  { class: 'muted' },
                  el('summary', {}, `${r.excluded.length} projects of this stage left out`),
                  el('ul', {}, ...r.excluded.map((x) => el('li', {}, `${x.id}: ${x.detail}`))),
                )
              : null,
          );
        })),
  );
}
