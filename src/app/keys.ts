// Keyboard: Escape closes the details (focus goes back where it was), `?` lists the shortcuts; focus for the details.
import { t, type Lang } from '../i18n';
import { actions } from '../state/store';
import { el, setChildren } from '../ui/dom';
import { $, type App } from './context';

/** The shortcuts in `lang`, as the `?` list shows them (README "Using it" repeats the English ones). */
export function shortcuts(lang: Lang): readonly [string, string][] {
  const m = t(lang).keys;
  return [
    ['/', m.search],
    ['?', m.help],
    ['Esc', m.escape],
    [m.tabKeys, m.tab],
    [m.arrowsMapKeys, m.arrowsMap],
    [m.arrowsYearKeys, m.arrowsYear],
  ];
}

/** The shortcuts in English. */
export const SHORTCUTS: readonly [string, string][] = shortcuts('en');

/** Typing in a field: single-key shortcuts are left to the field. */
const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));

/** The shortcuts dialog, made once and filled in `lang` each time it is asked for (the language may have changed). */
function shortcutsDialog(lang: Lang): HTMLDialogElement {
  let dialog = document.querySelector<HTMLDialogElement>('dialog[data-testid="shortcuts"]');
  if (!dialog) {
    dialog = el('dialog', {
      class: 'about shortcuts',
      'data-testid': 'shortcuts',
      'aria-labelledby': 'shortcuts-title',
    }) as HTMLDialogElement;
    $('#app').append(dialog);
  }
  const m = t(lang).keys;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': m.close }, '×');
  const self = dialog;
  close.addEventListener('click', () => self.close());
  setChildren(
    dialog,
    close,
    el('h2', { id: 'shortcuts-title' }, m.title),
    el(
      'dl',
      {},
      ...shortcuts(lang).flatMap(([key, what]) => [el('dt', {}, el('kbd', {}, key)), el('dd', {}, what)]),
    ),
  );
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
  // The details are shown by the panels' task after the next frame, later if their chunk is still loading (no
  // number of frames is enough on a slow machine): focus moves in when they are, while something is still selected.
  let pending: MutationObserver | null = null;
  const focusWhenShown = () => {
    pending?.disconnect();
    pending = null;
    const take = () => {
      if (details.hidden || app.store.getState().selection === null) return false;
      details.focus();
      return true;
    };
    if (take()) return;
    const observer = new MutationObserver(() => {
      if (!take() && app.store.getState().selection !== null) return;
      observer.disconnect();
      if (pending === observer) pending = null;
    });
    observer.observe(details, { attributes: true, attributeFilter: ['hidden'], childList: true });
    pending = observer;
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
      if (fromKeys) focusWhenShown();
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
      const dialog = document.querySelector<HTMLDialogElement>('dialog[data-testid="shortcuts"][open]');
      if (!dialog) shortcutsDialog(app.store.getState().lang).showModal();
    }
  });
}
