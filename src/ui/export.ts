// Exports (a lazy chunk): PNG of the map as shown with title, legend and attribution; CSV and GeoJSON downloads.
import { more } from '../i18n/more';
import { rampStops } from '../derive/ramp';
import { SHARE_RAMP } from '../config/ramps';
import { KIND_COLORS, USER_COLOR } from '../config/app';
import { fileStem } from '../derive/describe';
import { kindLabel } from '../i18n';
import { exportIdsPreferred, viewCsv, viewGeoJson } from '../state/export';
import { selectViewTitle, selectVisibleSites } from '../state/selectors';
import type { AppState } from '../state/store';
import { selectUserDrawn } from '../state/user-data';
import type { MapImages } from '../model/view';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The CSV: headers in the reader's language, or the stable ids when `ids` (by default the toolbar's choice). */
export function downloadCsv(s: AppState, ids: boolean = exportIdsPreferred()): void {
  download(
    `${fileStem(s.filters, s.scenario)}.csv`,
    new Blob([viewCsv(s, { lang: s.lang, ids })], { type: 'text/csv;charset=utf-8' }),
  );
}

export function downloadGeoJson(s: AppState): void {
  download(
    `${fileStem(s.filters, s.scenario)}.geojson`,
    new Blob([viewGeoJson(s, s.lang)], { type: 'application/geo+json' }),
  );
}

/**
 * Compose the PNG: basemap and overlay images (already at `ratio`), then the title, the legend and the attribution
 * drawn with the 2D canvas API (text is drawn, never parsed), in the reader's language (`s.lang`). Sizes are in CSS
 * pixels, scaled by ratio.
 */
export function composePng(
  s: AppState,
  images: MapImages<HTMLCanvasElement>,
  ratio: number,
  panel: { title: string; lines: readonly string[] } | null = null,
): HTMLCanvasElement {
  const { basemap, overlay } = images;
  const canvas = document.createElement('canvas');
  canvas.width = basemap.width;
  canvas.height = basemap.height;
  const ctx = canvas.getContext('2d');
  if (!ctx || !s.data) return canvas;
  ctx.drawImage(basemap, 0, 0);
  ctx.drawImage(overlay, 0, 0, canvas.width, canvas.height);
  ctx.scale(ratio, ratio);
  const W = canvas.width / ratio;
  const H = canvas.height / ratio;
  const font = (px: number, weight = 400) => `${weight} ${px}px system-ui, "DejaVu Sans", sans-serif`;
  // Country names as on screen (HTML over the map there): a light halo, then the text.
  ctx.font = font(11, 500);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const l of images.labels) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(247,245,240,0.9)';
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = '#3e4c59';
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  const m = more(s.lang).png;
  const title = selectViewTitle(s);
  // Title bar.
  ctx.font = font(15, 700);
  const tw = Math.min(W - 20, ctx.measureText(title).width + 20);
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(10, 10, tw, 28);
  ctx.fillStyle = '#1f2933';
  ctx.fillText(title, 20, 29, W - 40);
  // Legend box: site kinds in view, the share ramp.
  const kinds = [...new Set(selectVisibleSites(s).map((x) => x.kind))];
  // The reader's own data drawn in the view gets a line of its own (a white ring), under the kinds.
  const user = selectUserDrawn(s);
  const rows = kinds.length + (user ? 1 : 0);
  const lh = 16;
  const boxH = 26 + rows * lh + 44;
  const x0 = 10;
  const y0 = H - boxH - 24;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(x0, y0, 230, boxH);
  ctx.fillStyle = '#1f2933';
  ctx.font = font(12, 700);
  ctx.fillText(m.sites, x0 + 10, y0 + 18);
  ctx.font = font(11);
  kinds.forEach((k, i) => {
    const [r, g, b] = KIND_COLORS[k];
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.beginPath();
    ctx.arc(x0 + 16, y0 + 30 + i * lh, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f2933';
    ctx.fillText(kindLabel(s.lang, k), x0 + 28, y0 + 34 + i * lh);
  });
  if (user) {
    const uy = y0 + 30 + kinds.length * lh;
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = `rgb(${USER_COLOR.join(',')})`;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x0 + 16, uy, 4, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#1f2933';
    ctx.fillText(more(s.lang).userData.legend, x0 + 28, uy + 4, 195);
  }
  const ry = y0 + 26 + rows * lh + 6;
  ctx.font = font(11, 700);
  ctx.fillText(s.filters.colorBy === 'exporter-share' ? m.colourExporter : m.colourImporter, x0 + 10, ry + 4);
  const grad = ctx.createLinearGradient(x0 + 10, 0, x0 + 210, 0);
  for (const [t, c] of rampStops(SHARE_RAMP)) grad.addColorStop(t, c);
  ctx.fillStyle = grad;
  ctx.fillRect(x0 + 10, ry + 10, 200, 10);
  ctx.fillStyle = '#52606d';
  ctx.font = font(10);
  ctx.fillText('0%', x0 + 10, ry + 32);
  ctx.fillText('100%', x0 + 186, ry + 32);
  // The stage view and the year's shares, as shown in the panel: a box at the top right, one line per stage.
  if (panel) {
    const pw = Math.min(W * 0.5, 420);
    const ph = 24 + panel.lines.length * 15 + 6;
    const px = W - pw - 10;
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    // Below the title bar, so a long title never runs under it.
    const py = 46;
    ctx.fillRect(px, py, pw, ph);
    ctx.fillStyle = '#1f2933';
    ctx.font = font(12, 700);
    ctx.fillText(panel.title, px + 8, py + 17, pw - 16);
    ctx.font = font(10.5);
    panel.lines.forEach((line, i) => ctx.fillText(line, px + 8, py + 34 + i * 15, pw - 16));
  }
  // Attribution.
  ctx.font = font(10);
  const attribution = m.attribution;
  const aw = ctx.measureText(attribution).width + 12;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(W - aw - 4, H - 18, aw, 16);
  ctx.fillStyle = '#1f2933';
  ctx.fillText(attribution, W - aw + 2, H - 6);
  return canvas;
}

/** Thrown when the browser cannot encode the canvas (the caller says so in the reader's language). */
export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeError';
  }
}

export async function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new EncodeError('the image could not be encoded'))),
      'image/png',
    ),
  );
}
