// Map controls of our own: a button that flies back to the initial view.
import type { IControl } from 'maplibre-gl';

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
    button.title = 'Reset view';
    button.setAttribute('aria-label', 'Reset view');
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
