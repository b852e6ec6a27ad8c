// Embed mode's chrome: a title stating the filters, a compact legend, the attribution and a link to the full map.
import { rampCss } from '../derive/ramp';
import { SHARE_RAMP } from '../config/ramps';
import { ATTRIBUTION } from '../derive/describe';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import type { AppState } from '../state/store';
import { el, setChildren } from './dom';

/** `href` is the page's own URL; the full-map link is the same view without `embed`. */
export function renderEmbed(
  titleEl: HTMLElement,
  barEl: HTMLElement,
  s: AppState,
  title: string,
  href: string,
): void {
  titleEl.hidden = false;
  titleEl.textContent = title;
  const full = new URL(href);
  full.searchParams.delete('embed');
  const gradient = rampCss(SHARE_RAMP);
  barEl.hidden = false;
  setChildren(
    barEl,
    el(
      'div',
      { class: 'embed-legend', 'data-testid': 'embed-legend' },
      el('span', {}, s.filters.colorBy === 'exporter-share' ? 'Exporter share' : 'Importer dependence'),
      el('span', {}, '0%'),
      el('span', { class: 'ramp', style: `background:${gradient}` }),
      el('span', {}, '100%'),
      el('span', {}, `· ${selectVisibleSites(s).length} sites · ${selectDrawnFlows(s).shownCount} flows`),
    ),
    el(
      'a',
      { href: full.toString(), target: '_blank', rel: 'noopener', 'data-testid': 'open-full-map' },
      'Open the full map ↗',
    ),
    el('div', { class: 'embed-attrib' }, ATTRIBUTION),
  );
}
