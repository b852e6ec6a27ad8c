// The legend: site kinds in view, the arc colour ramp and width scale, the risk filter in words.
import { KIND_COLORS, KIND_LABELS, WIDTH_MAX_PX, WIDTH_REF_TONNES, WIDTH_REF_USD } from '../config/app';
import { SHARE_RAMP } from '../config/ramps';
import { widthPx, widthPxTonnes } from '../derive/flows';
import { formatUsd } from '../derive/format';
import { rampCss, rgbCss } from '../derive/ramp';
import { RISK_TEXT } from '../derive/risk-codes';
import { SITE_KINDS } from '../model/types';
import { controlsText } from '../state/measures';
import { countryName, selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import { productNotes } from '../derive/products';
import type { AppState } from '../state/store';
import { el, setChildren } from './dom';

export function renderLegend(root: HTMLElement, s: AppState): void {
  const f = s.filters;
  const kindsInView = new Set(selectVisibleSites(s).map((x) => x.kind));
  const gradient = rampCss(SHARE_RAMP);
  const drawn = selectDrawnFlows(s);
  const widthItems =
    f.widthBy === 'usd'
      ? [1e6, 1e8, WIDTH_REF_USD].map(
          (v) =>
            [
              widthPx(v),
              v >= WIDTH_REF_USD ? `${formatUsd(v)} or more (${WIDTH_MAX_PX}px)` : formatUsd(v),
            ] as const,
        )
      : [100, 2000, WIDTH_REF_TONNES].map(
          (t) =>
            [
              widthPxTonnes(t),
              t >= WIDTH_REF_TONNES
                ? `${t.toLocaleString('en-US')} t or more`
                : `${t.toLocaleString('en-US')} t`,
            ] as const,
        );
  const riskText =
    f.risk === 'all'
      ? 'All routes are drawn.'
      : `${f.risk === 'china' ? 'Only flows with' : 'Only flows with none of'}: ${f.reasons.map((r) => RISK_TEXT[r].split(':')[0]).join(', ') || '(no reason selected)'}.`;
  const hiddenKinds = SITE_KINDS.filter((k) => !f.kinds.includes(k)).map((k) => KIND_LABELS[k]);
  setChildren(
    root,
    el('h2', {}, 'Legend'),
    el('h3', {}, 'Sites by kind'),
    el(
      'ul',
      { class: 'kinds' },
      ...SITE_KINDS.filter((k) => kindsInView.has(k)).map((k) =>
        el('li', {}, el('span', { class: 'dot', '--swatch': rgbCss(KIND_COLORS[k]) }), KIND_LABELS[k]),
      ),
    ),
    kindsInView.size === 0 ? el('p', { class: 'muted' }, 'No sites for this filter.') : null,
    hiddenKinds.length > 0 ? el('p', { class: 'muted' }, `Hidden kinds: ${hiddenKinds.join(', ')}.`) : null,
    el(
      'h3',
      { 'data-testid': 'legend-colour-title' },
      f.colorBy === 'exporter-share'
        ? "Arc colour: exporter's share of world exports"
        : "Arc colour: importer's dependence on the exporter",
    ),
    el('div', { class: 'ramp', '--ramp': gradient, 'data-testid': 'share-ramp' }),
    el('div', { class: 'ramp-labels' }, el('span', {}, '0%'), el('span', {}, '50%'), el('span', {}, '100%')),
    el(
      'h3',
      {},
      f.widthBy === 'usd'
        ? 'Arc width: trade value (USD)'
        : 'Arc width: quantity (tonnes; unknown = thinnest)',
    ),
    el(
      'ul',
      { class: 'widths' },
      ...widthItems.map(([w, label]) =>
        el('li', {}, el('span', { class: 'bar', '--h': `${w.toFixed(1)}px` }), label),
      ),
    ),
    el('p', { class: 'muted', 'data-testid': 'legend-risk' }, riskText),
    ...productNotes(f, s.data?.minerals ?? [], countryName(s)).map((note) =>
      el('p', { class: 'muted', 'data-testid': 'legend-products' }, note),
    ),
    f.reasons.includes('controlled') || s.scenario?.id === 'controls'
      ? el(
          'p',
          { class: 'muted', 'data-testid': 'legend-controls' },
          `${controlsText(f.controls, s.measures?.asOf ?? null)} Countries with a measure in force are outlined (dashed).`,
        )
      : null,
    s.measure !== null
      ? el('p', { class: 'muted' }, `Grey arcs: flows the selected measure (${s.measure}) does not cover.`)
      : null,
    drawn.hiddenCount > 0
      ? el('p', { class: 'muted' }, `Hidden: ${drawn.hiddenCount} small flows (see above).`)
      : null,
    f.flowView === 'sea-lanes'
      ? el(
          'p',
          { class: 'muted' },
          'Flows are drawn along their computed sea lanes; overland and land-locked flows stay arcs.',
        )
      : el('p', { class: 'muted' }, 'Arcs go from exporter (solid end) to importer (faded end).'),
    el('p', { class: 'muted' }, 'China, Hong Kong and Macau are tinted on the map.'),
  );
}
