// Search on first use: the box's module (and its index) is imported the first time the box gets focus or `/` is pressed.
import type { SearchBox } from '../ui/search-box';
import type { App } from './context';

/** Typing in these never triggers the `/` shortcut. */
const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function lazySearch(app: App, box: SearchBox): void {
  let loading: Promise<void> | null = null;
  const load = () =>
    (loading ??= import('../ui/search').then(
      (mod) => mod.bindSearch(box, app.store, (lng, lat, zoom) => app.map?.jumpTo({ lng, lat, zoom })),
      (error: unknown) => app.loaders.fileFailed(error, 'search'),
    ));
  box.input.addEventListener('focus', () => void load(), { once: true });
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t && (TYPING.has(t.tagName) || t.isContentEditable)) return;
    e.preventDefault();
    box.input.focus();
  });
}
