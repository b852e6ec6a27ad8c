// On narrow screens the side panel is a bottom sheet: a handle to pull or tap it up and down, and one to dismiss it.
import { t, type Lang } from '../i18n';

/** The sheet's heights: dismissed (handle only), peeking (title, search and counts) and open (most of the screen). */
export const SHEET_STATES = ['closed', 'peek', 'open'] as const;
export type SheetState = (typeof SHEET_STATES)[number];

/** Below this width (CSS pixels) the panel is a sheet; style.css has the same breakpoint. */
export const SHEET_MAX_WIDTH = 700;

/** How far (CSS pixels) a drag on the handle must move to count as a pull rather than a tap. */
const PULL_PX = 30;

/** The next state for a pull up (-1), a pull down (+1) or a tap (0). */
export function nextSheetState(state: SheetState, move: -1 | 0 | 1): SheetState {
  if (move === 0) return state === 'open' ? 'peek' : 'open';
  const i = SHEET_STATES.indexOf(state) - move;
  return SHEET_STATES[Math.max(0, Math.min(SHEET_STATES.length - 1, i))] ?? state;
}

/**
 * Put the handle and the dismiss button at the top of `panel` and keep its `data-sheet` state. On wide screens both
 * are hidden by the style sheet and the state has no effect. `onChange` runs after each change (the map re-frames).
 */
export function mountSheet(
  panel: HTMLElement,
  onChange: (state: SheetState) => void = () => {},
): { setLang(lang: Lang): void } {
  let m = t('en').sheet;
  const handle = document.createElement('button');
  handle.type = 'button';
  handle.className = 'sheet-handle';
  handle.dataset.testid = 'sheet-handle';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'sheet-dismiss';
  dismiss.dataset.testid = 'sheet-dismiss';
  dismiss.textContent = '×';
  const label = (state: SheetState) => {
    dismiss.setAttribute('aria-label', m.hide);
    handle.setAttribute('aria-label', state === 'open' ? m.lower : state === 'peek' ? m.raise : m.show);
    handle.textContent = `${state === 'open' ? '▾' : '▴'} ${m.handle}`;
  };
  const set = (state: SheetState) => {
    panel.dataset.sheet = state;
    handle.setAttribute('aria-expanded', String(state === 'open'));
    label(state);
    dismiss.hidden = state === 'closed';
    onChange(state);
  };
  const state = () => (panel.dataset.sheet as SheetState | undefined) ?? 'peek';
  let startY: number | null = null;
  // A pull ends with a click event too: that click is not a tap.
  let pulled = false;
  handle.addEventListener('pointerdown', (e) => {
    startY = e.clientY;
    pulled = false;
    // Keep the pointer while it drags off the handle.
    try {
      handle.setPointerCapture(e.pointerId);
    } catch {
      // A pointer that is already gone: the pull just ends.
    }
  });
  handle.addEventListener('pointerup', (e) => {
    if (startY === null) return;
    const dy = e.clientY - startY;
    startY = null;
    if (Math.abs(dy) < PULL_PX) return;
    pulled = true;
    set(nextSheetState(state(), dy < 0 ? -1 : 1));
  });
  // A tap, or Enter or Space on the focused handle.
  handle.addEventListener('click', () => {
    if (pulled) pulled = false;
    else set(nextSheetState(state(), 0));
  });
  dismiss.addEventListener('click', () => set('closed'));
  panel.prepend(handle, dismiss);
  set('peek');
  return {
    setLang(lang) {
      m = t(lang).sheet;
      label(state());
    },
  };
}
