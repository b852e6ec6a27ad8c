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
  const projected = () =>
    labels.map((l) => {
      const p = map.project([l.lngLat[0], l.lngLat[1]]);
      return { text: l.text, x: p.x, y: p.y };
    });
  const place = () => {
    const at = projected();
    root.childNodes.forEach((node, i) => {
      const p = at[i];
      if (p) (node as HTMLElement).style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`;
    });
  };
  return {
    set(next) {
      root.replaceChildren(
        ...next.map((l) => {
          const span = document.createElement('span');
          span.textContent = l.text;
          return span;
        }),
      );
      labels = next;
      place();
    },
    projected,
    place,
  };
}
