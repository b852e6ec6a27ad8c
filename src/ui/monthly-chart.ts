// A measure's before-and-after chart: the exporter's monthly shipments of the covered products, the in-force date marked.
import { more } from '../i18n/more';
import { formatMoney, t, type Lang } from '../i18n';
import { chartGeometry } from '../derive/monthly';
import type { Measure, MonthlySeries } from '../model/measures';
import { el, safeLink } from './dom';

const W = 260;
const H = 80;
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** The chart with its title, the in-force marker (or why there is none) and exactly what the figures cover. */
export function monthlyChart(series: MonthlySeries, m: Measure, lang: Lang = 'en'): HTMLElement {
  const msg = more(lang).measures;
  const dataLang = lang === 'en' ? undefined : 'en';
  const g = chartGeometry(series, m.inForce, W, H);
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H + 14}`,
    class: 'monthly-chart',
    role: 'img',
    'aria-label': msg.chartAria(series.label, g.first, g.last, formatMoney(lang, g.max)),
  });
  for (const points of g.runs) chart.append(svg('polyline', { points, class: 'line' }));
  if (g.markerX !== null) {
    chart.append(
      svg('line', { x1: String(g.markerX), x2: String(g.markerX), y1: '0', y2: String(H), class: 'marker' }),
    );
  }
  const first = svg('text', { x: '0', y: String(H + 12), class: 'tick' });
  first.textContent = g.first;
  const last = svg('text', { x: String(W), y: String(H + 12), class: 'tick end' });
  last.textContent = g.last;
  chart.append(first, last);
  return el(
    'figure',
    { class: 'monthly', 'data-testid': 'measure-chart', 'data-series': series.id },
    el('figcaption', {}, msg.chartCaption(series.label, formatMoney(lang, g.max))),
    chart,
    el(
      'p',
      { class: 'muted' },
      g.markerX !== null
        ? msg.chartMarker(m.inForce === null ? '' : t(lang).controls.date(m.inForce))
        : msg.chartOutside(m.inForce === null ? null : t(lang).controls.date(m.inForce), g.first, g.last),
    ),
    el(
      'p',
      { class: 'muted', 'data-testid': 'measure-chart-coverage' },
      msg.covers,
      lang === 'en' ? series.coverage : el('span', { lang: 'en' }, series.coverage),
    ),
    el(
      'p',
      { class: 'muted' },
      msg.source,
      ...series.sources.flatMap((x, i) => [
        i > 0 ? '; ' : '',
        dataLang === undefined
          ? safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`)
          : el('span', { lang: dataLang }, safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`)),
      ]),
    ),
  );
}
