// Capturing the map for a PNG: both canvases rendered at a chosen pixel ratio and copied right after their frames.
import type { Map as MlMap } from 'maplibre-gl';
import type { Overlay } from './overlay';

/** The map did not render at the requested resolution in time (the caller says so in the reader's language). */
export class CaptureTimeout extends Error {
  constructor() {
    super('the map did not render at the requested resolution in time');
    this.name = 'CaptureTimeout';
  }
}

/**
 * Render the map and the deck.gl layers at `ratio` device pixels per CSS pixel and copy both canvases right after
 * their frames are drawn (WebGL buffers are cleared after compositing). Restores the pixel ratio afterwards.
 * Resolves to the basemap and overlay images, each the container's CSS size times ratio.
 */
export async function captureCanvases(
  map: MlMap,
  overlay: Overlay,
  container: HTMLElement,
  ratio: number,
): Promise<{ basemap: HTMLCanvasElement; overlay: HTMLCanvasElement }> {
  const original = map.getPixelRatio();
  const w = container.clientWidth;
  const h = container.clientHeight;
  const copy = (source: HTMLCanvasElement) => {
    const c = document.createElement('canvas');
    c.width = source.width;
    c.height = source.height;
    c.getContext('2d')?.drawImage(source, 0, 0);
    return c;
  };
  const wanted = (c: HTMLCanvasElement) =>
    Math.abs(c.width - Math.round(w * ratio)) <= 1 && Math.abs(c.height - Math.round(h * ratio)) <= 1;
  const overlayShot = new Promise<HTMLCanvasElement>((resolve) => {
    overlay.afterRender((canvas) => {
      if (!wanted(canvas)) return false;
      resolve(copy(canvas));
      return true;
    });
  });
  const basemapShot = new Promise<HTMLCanvasElement>((resolve) => {
    const onRender = () => {
      const canvas = map.getCanvas();
      if (!wanted(canvas)) return;
      map.off('render', onRender);
      resolve(copy(canvas));
    };
    map.on('render', onRender);
  });
  map.setPixelRatio(ratio);
  overlay.deck.setProps({ useDevicePixels: ratio });
  map.triggerRepaint();
  // deck.gl draws only when something changed: force frames until both images are taken (at most ~5 s).
  // The overlay does not expose redraw(); its Deck instance is reached through the documented-stable _deck field.
  const deck = (overlay.deck as unknown as { _deck?: { redraw(reason?: string): void } })._deck;
  let done = false;
  const both = Promise.all([basemapShot, overlayShot]).finally(() => (done = true));
  for (let frame = 0; frame < 300 && !done; frame++) {
    await new Promise((r) => requestAnimationFrame(r));
    if (!done) {
      map.triggerRepaint();
      deck?.redraw('export');
    }
  }
  map.setPixelRatio(original);
  overlay.deck.setProps({ useDevicePixels: true });
  if (!done) throw new CaptureTimeout();
  const [basemap, overlayImage] = await both;
  return { basemap, overlay: overlayImage };
}
