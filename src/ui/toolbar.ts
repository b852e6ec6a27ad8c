// The share and export toolbar: Share, PNG (with its resolution), CSV and GeoJSON, and (in languages other than
// English) the choice of stable column ids instead of translated column names in the CSV files.
import { t, type Lang, type Messages } from '../i18n';
import { el } from './dom';

export interface ToolbarHandlers {
  onAbout(): void;
  onShare(): void;
  onPng(ratio: number): void;
  onCsv(): void;
  onGeoJson(): void;
  /** The reader chose (or the session remembered) stable ids as the CSV column names: on start and on every change. */
  onExportIds(on: boolean): void;
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
  // In English the column names are the ids already: the choice is shown in the other languages only.
  const ids = bar.querySelector<HTMLElement>('[data-testid="export-ids-label"]');
  if (ids) {
    const e = t(lang).exportMenu;
    ids.hidden = lang === 'en';
    ids.title = e.idsTitle;
    const text = ids.querySelector('span');
    if (text) text.textContent = e.ids;
  }
}

/** Where the session keeps the choice of stable ids (sessionStorage: this tab, until it is closed). */
const IDS_KEY = 'critical-minerals-map:export-ids';

function storedIds(): boolean {
  try {
    return sessionStorage.getItem(IDS_KEY) === '1';
  } catch {
    return false; // storage blocked: the choice lasts for the page only
  }
}

function storeIds(on: boolean): void {
  try {
    sessionStorage.setItem(IDS_KEY, on ? '1' : '0');
  } catch {
    // storage blocked: nothing to keep
  }
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
  const idsBox = el('input', { type: 'checkbox', 'data-testid': 'export-ids' });
  idsBox.checked = storedIds();
  idsBox.addEventListener('change', () => {
    storeIds(idsBox.checked);
    handlers.onExportIds(idsBox.checked);
  });
  handlers.onExportIds(idsBox.checked);
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
    el('label', { class: 'export-item export-ids', 'data-testid': 'export-ids-label' }, idsBox, el('span')),
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
