// The legend: site kinds in view, the arc colour ramp and width scale, the risk filter in words.
import { KIND_COLORS, WIDTH_MAX_PX, WIDTH_REF_TONNES, WIDTH_REF_USD } from '../config/app';
import { SHARE_RAMP } from '../config/ramps';
import { widthPx, widthPxTonnes } from '../derive/flows';
import { formatCount, formatMoney, kindLabel, mineralName, moreIfLoaded, reasonLabel, t } from '../i18n';
import { rampCss, rgbCss } from '../derive/ramp';
import { SITE_KINDS } from '../model/types';
import { controlsText } from '../state/measures';
import { countryNameIn, selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import { selectUserDrawn } from '../state/user-data';
import { MAX_USER_ARCS } from '../derive/user-filter';
import { productNotes } from '../derive/products';
import type { AppState } from '../state/store';
import { el } from './dom';
import { morphChildren } from './morph';

export function renderLegend(root: HTMLElement, s: AppState): void {
  const f = s.filters;
  const lang = s.lang;
  const m = t(lang).legend;
  const kindsInView = new Set(selectVisibleSites(s).map((x) => x.kind));
  const gradient = rampCss(SHARE_RAMP);
  const drawn = selectDrawnFlows(s);
  const widthItems =
    f.widthBy === 'usd'
      ? [1e6, 1e8, WIDTH_REF_USD].map(
          (v) =>
            [
              widthPx(v),
              v >= WIDTH_REF_USD
                ? m.orMorePx(formatMoney(lang, v), String(WIDTH_MAX_PX))
                : formatMoney(lang, v),
            ] as const,
        )
      : [100, 2000, WIDTH_REF_TONNES].map(
          (t) =>
            [
              widthPxTonnes(t),
              t >= WIDTH_REF_TONNES ? m.tonnesOrMore(formatCount(lang, t)) : m.tonnes(formatCount(lang, t)),
            ] as const,
        );
  const reasons = f.reasons.map((r) => reasonLabel(lang, r)).join(', ') || m.noReason;
  const riskText =
    f.risk === 'all' ? m.riskAll : f.risk === 'china' ? m.riskOnly(reasons) : m.riskNone(reasons);
  const hiddenKinds = SITE_KINDS.filter((k) => !f.kinds.includes(k)).map((k) => kindLabel(lang, k));
  morphChildren(
    root,
    el('h2', {}, m.title),
    el('h3', {}, m.sitesByKind),
    el(
      'ul',
      { class: 'kinds' },
      ...SITE_KINDS.filter((k) => kindsInView.has(k)).map((k) =>
        el('li', {}, el('span', { class: 'dot', '--swatch': rgbCss(KIND_COLORS[k]) }), kindLabel(lang, k)),
      ),
    ),
    kindsInView.size === 0 ? el('p', { class: 'muted' }, m.noSites) : null,
    hiddenKinds.length > 0 ? el('p', { class: 'muted' }, m.hiddenKinds(hiddenKinds.join(', '))) : null,
    el(
      'h3',
      { 'data-testid': 'legend-colour-title' },
      f.colorBy === 'exporter-share' ? m.colourExporter : m.colourImporter,
    ),
    el('div', { class: 'ramp', '--ramp': gradient, 'data-testid': 'share-ramp' }),
    el('div', { class: 'ramp-labels' }, el('span', {}, '0%'), el('span', {}, '50%'), el('span', {}, '100%')),
    el('h3', {}, f.widthBy === 'usd' ? m.widthUsd : m.widthTonnes),
    el(
      'ul',
      { class: 'widths' },
      ...widthItems.map(([w, label]) =>
        el('li', {}, el('span', { class: 'bar', '--h': `${w.toFixed(1)}px` }), label),
      ),
    ),
    el('p', { class: 'muted', 'data-testid': 'legend-risk' }, riskText),
    // Product names inside the notes stay as the data writes them (HS descriptions).
    ...productNotes(f, s.data?.minerals ?? [], countryNameIn(s), t(lang).products, (id, english) =>
      mineralName(lang, id, english),
    ).map((note) => el('p', { class: 'muted', 'data-testid': 'legend-products' }, note)),
    f.reasons.includes('controlled') || s.scenario?.id === 'controls'
      ? el(
          'p',
          { class: 'muted', 'data-testid': 'legend-controls' },
          el(
            'span',
            { lang: lang === 'en' ? undefined : 'en' },
            controlsText(f.controls, s.measures?.asOf ?? null),
          ),
          ` ${m.outlined}`,
        )
      : null,
    s.measure !== null ? el('p', { class: 'muted' }, m.greyArcs(s.measure)) : null,
    drawn.hiddenCount > 0 ? el('p', { class: 'muted' }, m.hiddenSmall(String(drawn.hiddenCount))) : null,
    f.flowView === 'sea-lanes'
      ? el('p', { class: 'muted' }, m.seaLanes)
      : el('p', { class: 'muted' }, m.arcs),
    el('p', { class: 'muted' }, m.chinaTinted),
    userLegend(s),
  );
}

/** The reader's own data: its own entry (white rings, near-black arcs), with how many of each are drawn. */
function userLegend(s: AppState): HTMLElement | null {
  const drawn = selectUserDrawn(s);
  if (!drawn) return null;
  // The reader's data is drawn only once its tools (with these words) have loaded.
  const m = moreIfLoaded(s.lang)?.userData;
  if (!m) return null;
  const hasFlows = s.userData.files.some((f) => f.kind === 'flows');
  return el(
    'div',
    {
      class: 'legend-user',
      'data-testid': 'legend-user',
      'data-sites': String(drawn.sites.length),
      'data-flows': String(drawn.flows),
    },
    el('h3', {}, m.legend),
    el(
      'ul',
      { class: 'kinds' },
      el(
        'li',
        {},
        el('span', { class: 'dot user-dot' }),
        m.legendSites(formatCount(s.lang, drawn.sites.length)),
      ),
      hasFlows &&
        el('li', {}, el('span', { class: 'user-arc' }), m.legendFlows(formatCount(s.lang, drawn.flows))),
    ),
    drawn.arcs.hidden > 0 &&
      el(
        'p',
        { class: 'muted' },
        m.legendHidden(formatCount(s.lang, drawn.arcs.hidden), formatCount(s.lang, MAX_USER_ARCS)),
      ),
    drawn.arcs.undrawable > 0 &&
      el('p', { class: 'muted' }, m.legendUndrawable(formatCount(s.lang, drawn.arcs.undrawable))),
    hasFlows && el('p', { class: 'muted' }, m.legendNote),
  );
}
