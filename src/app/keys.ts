// Keyboard: Escape closes the details (focus goes back where it was), `?` lists the shortcuts; focus for the details.
import { actions } from '../state/store';
import { el } from '../ui/dom';
import { $, type App } from './context';

/** The shortcuts, as the `?` list shows them (README "Using it" repeats them). */
export const SHORTCUTS: readonly [string, string][] = [
  ['/', 'Search sites, countries, minerals, measures and projects'],
  ['?', 'Show this list'],
  ['Esc', 'Close the details panel or a dialog; focus returns where it was'],
  ['Tab, Shift+Tab', 'Move between controls, in panel order'],
  ['Arrow keys (map focused)', 'Pan the map; + and − zoom'],
  ['Arrow keys (year slider)', 'Previous or next trade year'],
];

/** Typing in a field: single-key shortcuts are left to the field. */
const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));

function shortcutsDialog(): HTMLDialogElement {
  const existing = document.querySelector<HTMLDialogElement>('dialog[data-testid="shortcuts"]');
  if (existing) return existing;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  const dialog = el(
    'dialog',
    { class: 'about shortcuts', 'data-testid': 'shortcuts', 'aria-labelledby': 'shortcuts-title' },
    close,
    el('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    el(
      'dl',
      {},
      ...SHORTCUTS.flatMap(([key, what]) => [el('dt', {}, el('kbd', {}, key)), el('dd', {}, what)]),
    ),
  ) as HTMLDialogElement;
  close.addEventListener('click', () => dialog.close());
  $('#app').append(dialog);
  return dialog;
}

/**
 * The element to give focus back to: itself while it is in the page, else the one that replaced it (a re-rendered
 * table row or result with the same test id and data id), else nothing.
 */
function refind(el: HTMLElement): HTMLElement | null {
  if (el.isConnected) return el;
  const { testid, id } = el.dataset;
  if (!testid) return null;
  const sel = `[data-testid="${CSS.escape(testid)}"]${id ? `[data-id="${CSS.escape(id)}"]` : ''}`;
  return document.querySelector<HTMLElement>(sel);
}

/**
 * Opening the details from the keyboard (a focused control outside the map) moves focus into them, so they can be
 * read at once; closing them (Escape, the close button, or a new link) returns focus to that control. A click on the
 * map leaves focus alone.
 */
function detailsFocus(app: App): void {
  const details = $('[data-testid="details"]');
  details.tabIndex = -1;
  let returnTo: HTMLElement | null = null;
  let last = app.store.getState().selection;
  const focusWhenShown = (tries: number) => {
    if (!details.hidden) details.focus();
    else if (tries > 0) requestAnimationFrame(() => focusWhenShown(tries - 1));
  };
  app.store.subscribe((s) => {
    if (s.selection === last) return;
    const opened = last === null && s.selection !== null;
    last = s.selection;
    const active = document.activeElement;
    if (opened) {
      const fromKeys =
        active instanceof HTMLElement &&
        active !== document.body &&
        !details.contains(active) &&
        !$('#map').contains(active);
      returnTo = fromKeys ? active : null;
      if (fromKeys) focusWhenShown(30);
    } else if (s.selection === null && returnTo) {
      const target = refind(returnTo);
      returnTo = null;
      if (target && (details.contains(document.activeElement) || document.activeElement === document.body))
        target.focus();
    }
  });
}

export function bindKeys(app: App): void {
  detailsFocus(app);
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      // An open dialog closes itself (and gives focus back) on Escape.
      if (document.querySelector('dialog[open]')) return;
      if (app.store.getState().selection) {
        e.preventDefault();
        actions.select(app.store, null);
      }
    } else if (e.key === '?' && !typing(e.target)) {
      e.preventDefault();
      const dialog = shortcutsDialog();
      if (!dialog.open) dialog.showModal();
    }
  });
}
