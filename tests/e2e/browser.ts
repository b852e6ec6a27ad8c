// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with the flags that give WebGL2 here.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
];

export function chromiumMissingMessage(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium was not found at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).`;
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(
  viewport = { width: 1280, height: 800 },
  device: { hasTouch?: boolean; isMobile?: boolean } = {},
): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cmm-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...device,
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  const browser = context.browser() as Browser;
  return {
    browser,
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What a page did that a test may assert on: console errors, requests that left the origin, alerts. */
export interface PageWatch {
  consoleErrors: string[];
  offOrigin: string[];
  dialogs: string[];
}

export function watch(page: Page, origin: string): PageWatch {
  const w: PageWatch = { consoleErrors: [], offOrigin: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) w.offOrigin.push(u);
  });
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

export async function waitReady(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, {
    timeout,
    polling: 100,
  });
}

/**
 * Count screenshot pixels within `tol` (max channel difference) of each colour. Decoding is done by the browser
 * itself (an <img> drawn to a 2D canvas), so no PNG library is needed.
 */
export async function countColours(
  page: Page,
  png: Buffer,
  colours: [number, number, number][],
  tol: number,
  /** Count only within this rectangle (image pixels); the whole image by default. */
  region?: { x: number; y: number; width: number; height: number },
): Promise<number[]> {
  return page.evaluate(
    async ({ b64, colours, tol, region }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      if (!ctx) return colours.map(() => 0);
      ctx.drawImage(img, 0, 0);
      const r = region ?? { x: 0, y: 0, width: c.width, height: c.height };
      const d = ctx.getImageData(r.x, r.y, r.width, r.height).data;
      const counts = colours.map(() => 0);
      for (let i = 0; i < d.length; i += 4) {
        for (let k = 0; k < colours.length; k++) {
          const col = colours[k] as [number, number, number];
          if (
            Math.abs((d[i] ?? 0) - col[0]) <= tol &&
            Math.abs((d[i + 1] ?? 0) - col[1]) <= tol &&
            Math.abs((d[i + 2] ?? 0) - col[2]) <= tol
          ) {
            counts[k] = (counts[k] ?? 0) + 1;
          }
        }
      }
      return counts;
    },
    { b64: png.toString('base64'), colours, tol, region: region ?? null },
  );
}
