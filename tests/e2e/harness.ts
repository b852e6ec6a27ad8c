// Shared set-up for browser test files: one static server and one Chromium per file, page helpers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { launch, waitReady, watch, type PageWatch, type Session } from './browser';
import { serveStatic, type StaticServer } from './server';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');

export interface SiteFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; name: string; minerals: string[]; kind: string } & Record<string, unknown>;
}
export const sitesFile = (): { type: string; features: SiteFeature[] } =>
  JSON.parse(readFileSync(join(DIST, 'data/sites.geojson'), 'utf8')) as {
    type: string;
    features: SiteFeature[];
  };

export interface App {
  server(): StaticServer;
  open(query?: string, setup?: (page: Page) => Promise<void>): Promise<{ page: Page; w: PageWatch }>;
}

/** Registers before/after hooks in the calling test file. */
export function useApp(
  viewport = { width: 1280, height: 800 },
  device: { hasTouch?: boolean; isMobile?: boolean } = {},
): App {
  let server: StaticServer;
  let session: Session;
  before(async () => {
    server = await serveStatic(DIST);
    session = await launch(viewport, device);
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });
  return {
    server: () => server,
    async open(query = '', setup) {
      const page = await session.context.newPage();
      const w = watch(page, server.origin);
      if (setup) await setup(page);
      await page.goto(`${server.url}${query}`);
      return { page, w };
    },
  };
}

export const text = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).innerText();
export const count = async (page: Page, testid: 'count-sites' | 'count-flows') =>
  Number(await text(page, testid));

/** Click the CSV download and read the file as RFC 4180: its header row and its records. */
export async function downloadCsv(page: Page): Promise<{ header: string[]; records: string[][] }> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="download-csv"]').click(),
  ]);
  const [header = [], ...records] = Papa.parse<string[]>(readFileSync(await dl.path(), 'utf8').trim(), {
    newline: '\r\n',
  }).data;
  return { header, records };
}

/** Do something in the page, then wait until the map is ready again with the new state drawn. */
export async function changeAndWait(page: Page, act: () => Promise<unknown>): Promise<void> {
  await act();
  await page.waitForTimeout(50);
  await waitReady(page);
}

/** Screenshot of the map area right of the side panel, as PNG. */
export const mapShot = (page: Page) => page.screenshot({ clip: { x: 350, y: 0, width: 930, height: 760 } });

/** Fraction of pixels that differ (any channel by more than 24) between two same-size PNGs, decoded in the page. */
export async function pixelDiff(page: Page, a: Buffer, b: Buffer): Promise<number> {
  // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
  return page.evaluate(
    async ({ a, b }) => {
      const [x, y] = await Promise.all(
        [a, b].map(async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d');
          ctx?.drawImage(img, 0, 0);
          return ctx?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        }),
      );
      if (!x || !y) return 1;
      let diff = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (
          Math.abs((x[i] ?? 0) - (y[i] ?? 0)) > 24 ||
          Math.abs((x[i + 1] ?? 0) - (y[i + 1] ?? 0)) > 24 ||
          Math.abs((x[i + 2] ?? 0) - (y[i + 2] ?? 0)) > 24
        )
          diff++;
      }
      return diff / Math.max(1, x.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64') },
  );
}
