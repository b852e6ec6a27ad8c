// Notices and the hover tooltip: small UI pieces rendered from state or data.
import type { ArcDatum } from '../derive/flows';
import { formatMoney, formatPercent, kindLabel, mineralName, statusLabel, t, type Lang } from '../i18n';
import { countryLabels } from '../i18n/countries';
import type { Site } from '../model/types';
import type { AppState, AppStore, StaticData } from '../state/store';
import { actions } from '../state/store';
import { el, setChildren } from './dom';

export function renderNotices(root: HTMLElement, s: AppState, store: AppStore): void {
  root.hidden = s.notices.length === 0;
  setChildren(
    root,
    ...s.notices.map((n) => {
      const close = el(
        'button',
        { type: 'button', class: 'close', 'aria-label': t(s.lang).notices.dismiss },
        '×',
      );
      close.addEventListener('click', () => actions.dismiss(store, n.id));
      return el(
        'div',
        { class: `notice ${n.level}`, role: n.level === 'error' ? 'alert' : 'status' },
        el('span', {}, n.text),
        close,
      );
    }),
  );
}

/**
 * Tooltip text for a hovered object in `lang`; null hides the tooltip. Names from the data (sites, projects) stay as
 * they are; countries, minerals, kinds and statuses are in `lang`.
 */
export function tooltipLines(
  object: unknown,
  layerId: string | undefined,
  data: StaticData | null,
  lang: Lang,
): string[] | null {
  if (!object || !data) return null;
  const m = t(lang).tooltip;
  const label = countryLabels(lang, data.countries);
  const name = (iso3: string) => label(iso3).text;
  if (layerId === 'sites') {
    const s = (object as { site: Site }).site;
    return [
      s.name,
      m.kindCountry(kindLabel(lang, s.kind), name(s.country)),
      m.status(statusLabel(lang, s.status), String(s.vintage), m.precisions[s.precision]),
    ];
  }
  if (layerId === 'projects') {
    const p = object as { name: string };
    return [p.name, m.project];
  }
  if (layerId?.startsWith('flows') || layerId?.startsWith('flow-lanes')) {
    const a = layerId.startsWith('flow-lanes') ? (object as { arc: ArcDatum }).arc : (object as ArcDatum);
    const f = a.flow;
    const mineral = data.minerals.find((x) => x.id === f.mineral);
    return [
      `${name(f.exporter)} → ${name(f.importer)}`,
      m.flowLine(
        mineral ? mineralName(lang, mineral.id, mineral.name) : f.mineral,
        String(f.hs),
        String(f.year),
        formatMoney(lang, f.valueUsd),
      ),
      m.shares(formatPercent(lang, a.exporterShare), formatPercent(lang, a.importerDependence)),
    ];
  }
  return null;
}

export function renderTooltip(root: HTMLElement, lines: string[] | null, x: number, y: number): void {
  if (!lines) {
    root.hidden = true;
    return;
  }
  root.hidden = false;
  setChildren(root, ...lines.map((l, i) => el(i === 0 ? 'strong' : 'div', {}, l)));
  root.style.left = `${x + 12}px`;
  root.style.top = `${y + 12}px`;
}
