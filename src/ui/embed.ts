// Embed mode's chrome: a title stating the filters, a compact legend, the attribution and a link to the full map.
import { rampCss } from '../derive/ramp';
import { SHARE_RAMP } from '../config/ramps';
import { ATTRIBUTION } from '../derive/describe';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import type { AppState } from '../state/store';
import { linkTo } from '../url/state';
import { el, setChildren } from './dom';

/**
 * `base` is the page's address without its query. The full-map link opens the embed's current view (camera, filters,
 * selection) without `embed`; the embed's own address is never rewritten (it is the host page's).
 */
export function renderEmbed(
  titleEl: HTMLElement,
  barEl: HTMLElement,
  s: AppState,
  title: string,
  base: string,
): void {
  titleEl.hidden = false;
  titleEl.textContent = title;
  const gradient = rampCss(SHARE_RAMP);
  barEl.hidden = false;
  setChildren(
    barEl,
    el(
      'div',
      { class: 'embed-legend', 'data-testid': 'embed-legend' },
      el('span', {}, s.filters.colorBy === 'exporter-share' ? 'Exporter share' : 'Importer dependence'),
      el('span', {}, '0%'),
      el('span', { class: 'ramp', '--ramp': gradient }),
      el('span', {}, '100%'),
      el('span', {}, `· ${selectVisibleSites(s).length} sites · ${selectDrawnFlows(s).shownCount} flows`),
    ),
    el(
      'a',
      {
        href: linkTo(s, base, { fit: false, embed: false }),
        target: '_blank',
        rel: 'noopener',
        'data-testid': 'open-full-map',
      },
      'Open the full map ↗',
    ),
    el('div', { class: 'embed-attrib' }, ATTRIBUTION),
  );
}
