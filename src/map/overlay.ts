// The deck.gl overlay: started with the first layers, held until its canvas has its full size, frame hooks.
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Map as MlMap } from 'maplibre-gl';

export interface Overlay {
  readonly deck: MapLibreOverlay;
  /** New layers; the frame that draws them is pending until deck.gl has drawn them at full size. */
  setLayers(layers: Layer[]): void;
  framePending(): boolean;
  /** A one-shot hook run inside deck.gl's onAfterRender (its drawing buffer still valid); true when done. */
  afterRender(hook: (canvas: HTMLCanvasElement) => boolean): void;
  canvas(): HTMLCanvasElement | null;
}

export interface OverlayOptions {
  onHover(info: PickingInfo): void;
  onClick(info: PickingInfo): void;
  /** deck.gl drew the current layers at full size. */
  onFrameDrawn(): void;
}

/**
 * deck.gl's canvas has its full size: as wide as the map in CSS pixels, and its drawing buffer no longer the canvas
 * default 300x150 (unless that is the map's size in device pixels). Not a fixed minimum width: a map narrower than
 * 300 px (an embed in a column) must still report ready.
 */
function isSized(canvas: HTMLCanvasElement, container: HTMLElement): boolean {
  const w = container.clientWidth;
  if (canvas.clientWidth !== w) return false;
  if (canvas.width !== 300 || canvas.height !== 150) return true;
  const dpr = window.devicePixelRatio || 1;
  return Math.round(w * dpr) === 300 && Math.round(container.clientHeight * dpr) === 150;
}

export function createOverlay(map: MlMap, container: HTMLElement, opts: OverlayOptions): Overlay {
  let pending = true;
  const hooks: ((canvas: HTMLCanvasElement) => boolean)[] = [];
  // deck.gl starts with the first layers, not with the map: its WebGL context, shaders and canvas cost ~200-300 ms of
  // main thread while the first view's files are parsed (starting it with the map measured no faster to ready).
  // Its canvas starts at the default 300x150 and gets its size from a ResizeObserver after the next layout: the first
  // layers wait for that, or their first frame would be drawn small and shown stretched (blurry) until the next one.
  let state: 'none' | 'sizing' | 'added' = 'none';
  let held: Layer[] = [];
  /** Hand the held layers to deck.gl: called from its first frame drawn at full size (empty), or after a second. */
  const release = () => {
    if (state !== 'sizing') return;
    state = 'added';
    deck.setProps({ layers: held });
    held = [];
  };
  const deck: MapLibreOverlay = new MapLibreOverlay({
    interleaved: false,
    layers: [],
    pickingRadius: 5,
    onHover: (info) => opts.onHover(info),
    onClick: (info) => opts.onClick(info),
    onAfterRender: () => {
      const canvas = deck.getCanvas();
      if (canvas) for (let i = hooks.length - 1; i >= 0; i--) if (hooks[i]?.(canvas)) hooks.splice(i, 1);
      const full = canvas !== null && isSized(canvas, container);
      if (full && state === 'sizing') return release();
      if (!pending || !full) return;
      pending = false;
      opts.onFrameDrawn();
    },
  });
  return {
    deck,
    setLayers(layers) {
      pending = true;
      if (state === 'added') return deck.setProps({ layers });
      held = layers;
      if (state !== 'none') return;
      state = 'sizing';
      map.addControl(deck);
      // Never hold the layers for long (a map hidden with display: none has no size to wait for).
      setTimeout(release, 1000);
    },
    framePending: () => pending,
    afterRender: (hook) => void hooks.push(hook),
    canvas: () => deck.getCanvas(),
  };
}
