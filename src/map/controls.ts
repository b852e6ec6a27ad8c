// Map controls of our own: a button that flies back to the initial view.
import type { IControl } from 'maplibre-gl';
import { isLang, t, type Lang } from '../i18n';

/** The page's language (set from the store by src/app/panel-sync.ts), English when it is not one of ours. */
const pageLang = (): Lang => {
  const lang = document.documentElement.lang;
  return isLang(lang) ? lang : 'en';
};

/** Label the reset button(s) under `root` in `lang` (the control is made once; the language can change). */
export function labelResetView(root: ParentNode, lang: Lang): void {
  const label = t(lang).notices.resetView;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.reset-view')) {
    button.title = label;
    button.setAttribute('aria-label', label);
  }
}

/** A control with one button that calls `onReset` (the map flies back to the initial view). */
export class ResetViewControl implements IControl {
  private container: HTMLDivElement | null = null;
  constructor(private readonly onReset: () => void) {}
  onAdd(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reset-view';
    const label = t(pageLang()).notices.resetView;
    button.title = label;
    button.setAttribute('aria-label', label);
    button.dataset.testid = 'reset-view';
    button.textContent = '⟲';
    button.addEventListener('click', this.onReset);
    div.append(button);
    this.container = div;
    return div;
  }
  onRemove(): void {
    this.container?.remove();
  }
}
