// Selector subscriptions: run a reaction when what it reads from the store (and the app's lazy parts) changes.
import { shallow } from 'zustand/vanilla/shallow';
import type { AppState, AppStore } from '../state/store';
import type { AfterFrame } from './after-frame';

export interface Watch {
  /** Run the reaction if its selection changed since it last ran (after a change outside the store, e.g. a chunk). */
  check(): void;
  /** Run the reaction now whatever the selection (the map started, so everything must be drawn once). */
  force(): void;
}

/**
 * Like zustand's subscribeWithSelector + `shallow`: `select` picks what the reaction depends on (a tuple of
 * references, memoised selectors' results, or values outside the store such as a loaded chunk), compared
 * element-wise with the previous pick. The reaction runs once at registration. Unlike the middleware, `check` and
 * `force` re-run it for changes the store does not see (the map starting late, a lazy chunk arriving), which the
 * app needs and the middleware does not offer. Reactions run in registration order on every store change; with
 * `later`, a store change only queues the check for after the next frame (selection and reaction both run then, on
 * the state of that moment).
 */
export function watch<T>(
  store: AppStore,
  select: (s: AppState) => T,
  react: (picked: T, s: AppState) => void,
  later?: AfterFrame,
): Watch {
  let ran = false;
  let last: T | undefined;
  const run = (force: boolean) => {
    const s = store.getState();
    const picked = select(s);
    if (ran && !force && shallow(last, picked)) return;
    ran = true;
    last = picked;
    react(picked, s);
  };
  const check = () => run(false);
  store.subscribe(later ? () => later.schedule(check) : check);
  run(false);
  return { check, force: () => run(true) };
}
