// Notices and the hover tooltip: small UI pieces rendered from state or data.
import { KIND_LABELS } from '../config/app';
import { formatShare, formatUsd } from '../derive/format';
import type { ArcDatum } from '../derive/flows';
import type { Site } from '../model/types';
import type { AppState, AppStore, StaticData } from '../state/store';
import { actions } from '../state/store';
import { el, setChildren } from './dom';

export function renderNotices(root: HTMLElement, s: AppState, store: AppStore): void {
  root.hidden = s.notices.length === 0;
  setChildren(
    root,
    ...s.notices.map((n) => {
      const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss message' }, '×');
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

/** Tooltip text for a hovered object; null hides the tooltip. */
export function tooltipLines(
  object: unknown,
  layerId: string | undefined,
  data: StaticData | null,
): string[] | null {
  if (!object || !data) return null;
  const name = (iso3: string) => data.countries.get(iso3)?.name ?? iso3;
  if (layerId === 'sites') {
    const s = (object as { site: Site }).site;
    return [
      s.name,
      `${KIND_LABELS[s.kind]} · ${name(s.country)}`,
      `Status: ${s.status} (as of ${s.vintage}) · location ${s.precision}`,
    ];
  }
  if (layerId === 'projects') {
    const p = object as { name: string };
    return [p.name, 'Funded project: click for its support, permits and capacity'];
  }
  if (layerId?.startsWith('flows') || layerId?.startsWith('flow-lanes')) {
    const a = layerId.startsWith('flow-lanes') ? (object as { arc: ArcDatum }).arc : (object as ArcDatum);
    const f = a.flow;
    return [
      `${name(f.exporter)} → ${name(f.importer)}`,
      `${data.minerals.find((m) => m.id === f.mineral)?.name ?? f.mineral} (HS ${f.hs}), ${f.year}: ${formatUsd(f.valueUsd)}`,
      `Exporter's world share: ${formatShare(a.exporterShare)} · importer's dependence: ${formatShare(a.importerDependence)}`,
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
