// Country names as HTML text above the map's canvases (no font atlas or shader program), moved with the camera.
import type { Map as MlMap } from 'maplibre-gl';
import type { MapLabel } from '../model/view';

export interface LabelLayer {
  /** Replace the names (already placed without overlaps by the caller). Text is set as text, never as HTML. */
  set(labels: readonly MapLabel[]): void;
  /** The names at their current CSS-pixel positions (for image exports). */
  projected(): { text: string; x: number; y: number }[];
  /** Move the names to the camera's current positions. */
  place(): void;
}

export function createLabelLayer(map: MlMap, container: HTMLElement): LabelLayer {
  const root = document.createElement('div');
  root.className = 'map-labels';
  root.setAttribute('aria-hidden', 'true');
  container.append(root);
  let labels: readonly MapLabel[] = [];
  /** One span per label, in the labels' order (the DOM order does not matter: each is placed on its own). */
  let spans: HTMLElement[] = [];
  /** The transform each span was last given (unchanged ones are not written again). */
  const placed = new WeakMap<HTMLElement, string>();
  const projected = () =>
    labels.map((l) => {
      const p = map.project([l.lngLat[0], l.lngLat[1]]);
      return { text: l.text, x: p.x, y: p.y };
    });
  const place = () => {
    const at = projected();
    spans.forEach((node, i) => {
      const p = at[i];
      if (!p) return;
      const transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`;
      if (placed.get(node) === transform) return;
      placed.set(node, transform);
      node.style.transform = transform;
    });
  };
  return {
    set(next) {
      // A filter change mostly keeps the same names: their spans stay (no new text to lay out and paint), only the
      // names that come or go are added or removed.
      const byText = new Map<string, HTMLElement[]>();
      spans.forEach((span, i) => {
        const text = labels[i]?.text ?? '';
        byText.set(text, [...(byText.get(text) ?? []), span]);
      });
      spans = next.map((l) => {
        const kept = byText.get(l.text)?.pop();
        if (kept) return kept;
        const span = document.createElement('span');
        span.textContent = l.text;
        root.append(span);
        return span;
      });
      for (const gone of byText.values()) for (const span of gone) span.remove();
      labels = next;
      place();
    },
    projected,
    place,
  };
}
