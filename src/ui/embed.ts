// Embed mode's chrome: a title stating the filters, a compact legend, the attribution and a link to the full map.
import { rampCss } from '../derive/ramp';
import { SHARE_RAMP } from '../config/ramps';
import { ATTRIBUTION } from '../derive/describe';
import { LANG_NAMES, LANGS, t } from '../i18n';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import type { AppState } from '../state/store';
import { linkTo } from '../url/state';
import { el, setChildren } from './dom';
import { LANG_SELECT_LABEL } from './panel-header';

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
  const m = t(s.lang).embed;
  titleEl.hidden = false;
  titleEl.textContent = title;
  // The title is composed in the page's language (selectViewTitle): no lang attribute of its own.
  titleEl.removeAttribute('lang');
  // The language switcher (its change is handled by src/app/panel-sync.ts, which owns the store).
  const select = el(
    'select',
    { class: 'lang-select', 'data-testid': 'lang-select', 'aria-label': LANG_SELECT_LABEL },
    ...LANGS.map((l) => el('option', { value: l, lang: l }, LANG_NAMES[l])),
  );
  select.value = s.lang;
  const gradient = rampCss(SHARE_RAMP);
  barEl.hidden = false;
  setChildren(
    barEl,
    el(
      'div',
      { class: 'embed-legend', 'data-testid': 'embed-legend' },
      el('span', {}, s.filters.colorBy === 'exporter-share' ? m.exporterShare : m.importerDependence),
      el('span', {}, '0%'),
      el('span', { class: 'ramp', '--ramp': gradient }),
      el('span', {}, '100%'),
      el('span', {}, m.counts(String(selectVisibleSites(s).length), String(selectDrawnFlows(s).shownCount))),
    ),
    el(
      'a',
      {
        href: linkTo(s, base, { fit: false, embed: false }),
        target: '_blank',
        rel: 'noopener',
        'data-testid': 'open-full-map',
      },
      m.openFull,
    ),
    select,
    el('div', { class: 'embed-attrib' }, ATTRIBUTION),
  );
}
