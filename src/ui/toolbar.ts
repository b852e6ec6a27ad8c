// The share and export toolbar: Share, PNG (with its resolution), CSV and GeoJSON.
import { el } from './dom';

export interface ToolbarHandlers {
  onAbout(): void;
  onShare(): void;
  onPng(ratio: number): void;
  onCsv(): void;
  onGeoJson(): void;
  onTable(): void;
}

export function toolbar(handlers: ToolbarHandlers): HTMLElement {
  const ratio = el(
    'select',
    { 'data-testid': 'png-ratio', 'aria-label': 'Image resolution' },
    el('option', { value: '1' }, '1×'),
    el('option', { value: '2' }, '2×'),
    el('option', { value: '3' }, '3×'),
  );
  const button = (testid: string, label: string, title: string, onClick: () => void) => {
    const b = el('button', { type: 'button', 'data-testid': testid, title }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  // On phones the exports fold into a menu (style.css shows them when the toolbar has `menu-open`).
  const more = el(
    'button',
    {
      type: 'button',
      class: 'toolbar-more',
      'data-testid': 'toolbar-more',
      'aria-expanded': 'false',
      'aria-label': 'More: image, CSV, GeoJSON',
    },
    '⋯',
  );
  const bar = el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Share and export' },
    button('share-button', 'Share', 'Copy a link or an embed snippet for this view', () =>
      handlers.onShare(),
    ),
    button('table-toggle', 'Table', 'Show the sites and flows shown as sortable tables', () =>
      handlers.onTable(),
    ),
    more,
    el(
      'span',
      { class: 'png-group export-item' },
      button('export-png', 'PNG', 'Download the map as shown, as a PNG image', () =>
        handlers.onPng(Number(ratio.value)),
      ),
      ratio,
    ),
    button('download-csv', 'CSV', 'Download the visible sites and flows as CSV', () => handlers.onCsv()),
    button('download-geojson', 'GeoJSON', 'Download the visible sites and flows as GeoJSON', () =>
      handlers.onGeoJson(),
    ),
  );
  for (const id of ['download-csv', 'download-geojson'])
    bar.querySelector(`[data-testid="${id}"]`)?.classList.add('export-item');
  more.addEventListener('click', () => {
    const open = bar.classList.toggle('menu-open');
    more.setAttribute('aria-expanded', String(open));
  });
  return bar;
}
