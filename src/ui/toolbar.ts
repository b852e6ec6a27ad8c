// The share and export toolbar: Share, PNG (with its resolution), CSV and GeoJSON.
import { t, type Lang, type Messages } from '../i18n';
import { el } from './dom';

export interface ToolbarHandlers {
  onAbout(): void;
  onShare(): void;
  onPng(ratio: number): void;
  onCsv(): void;
  onGeoJson(): void;
  onTable(): void;
}

/** Each button's label and title in the catalogue, by test id. */
const LABELS: Record<string, [keyof Messages['toolbar'], keyof Messages['toolbar']]> = {
  'share-button': ['share', 'shareTitle'],
  'table-toggle': ['table', 'tableTitle'],
  'export-png': ['png', 'pngTitle'],
  'download-csv': ['csv', 'csvTitle'],
  'download-geojson': ['geojson', 'geojsonTitle'],
};

/** Put `lang`'s labels and titles on a toolbar made by `toolbar` (on start and on every language switch). */
export function labelToolbar(bar: HTMLElement, lang: Lang): void {
  const m = t(lang).toolbar;
  bar.setAttribute('aria-label', m.label);
  for (const [id, [label, title]] of Object.entries(LABELS)) {
    const b = bar.querySelector(`[data-testid="${id}"]`);
    if (!b) continue;
    b.textContent = m[label];
    b.setAttribute('title', m[title]);
  }
  bar.querySelector('[data-testid="toolbar-more"]')?.setAttribute('aria-label', m.more);
  bar.querySelector('[data-testid="png-ratio"]')?.setAttribute('aria-label', m.resolution);
}

export function toolbar(handlers: ToolbarHandlers, lang: Lang = 'en'): HTMLElement {
  const ratio = el(
    'select',
    { 'data-testid': 'png-ratio' },
    el('option', { value: '1' }, '1×'),
    el('option', { value: '2' }, '2×'),
    el('option', { value: '3' }, '3×'),
  );
  const button = (testid: string, onClick: () => void) => {
    const b = el('button', { type: 'button', 'data-testid': testid });
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
    },
    '⋯',
  );
  const bar = el(
    'div',
    { class: 'toolbar', role: 'toolbar' },
    button('share-button', () => handlers.onShare()),
    button('table-toggle', () => handlers.onTable()),
    more,
    el(
      'span',
      { class: 'png-group export-item' },
      button('export-png', () => handlers.onPng(Number(ratio.value))),
      ratio,
    ),
    button('download-csv', () => handlers.onCsv()),
    button('download-geojson', () => handlers.onGeoJson()),
  );
  labelToolbar(bar, lang);
  for (const id of ['download-csv', 'download-geojson'])
    bar.querySelector(`[data-testid="${id}"]`)?.classList.add('export-item');
  more.addEventListener('click', () => {
    const open = bar.classList.toggle('menu-open');
    more.setAttribute('aria-expanded', String(open));
  });
  return bar;
}
