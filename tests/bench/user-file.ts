// The 200,000-row user file of the interaction rows: a seeded CSV of sites, read through "Your data" and timed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { settle, type UiOptions, type UiResult } from './interactions-dom';
import { mulberry32 } from './synthetic';

export const USER_FILE_ROWS = 200_000;
const USER_FILE_SEED = 20_260_120;

/** A seeded CSV of USER_FILE_ROWS sites (name, position, kind, mineral, country, status), written to `path`. */
export function writeUserFile(path: string): void {
  const rand = mulberry32(USER_FILE_SEED);
  const kinds = ['mine', 'refinery', 'separation', 'magnet'];
  const minerals = ['rare-earths', 'lithium', 'cobalt', 'graphite', 'nickel'];
  const countries = ['Australia', 'USA', 'Canada', 'Brazil', 'Japan', 'Germany', 'Chile', 'China'];
  const rows = ['name,lat,lng,kind,mineral,country,status'];
  const pick = (list: readonly string[]) => list[Math.floor(rand() * list.length)] as string;
  for (let i = 0; i < USER_FILE_ROWS; i++)
    rows.push(
      `Site ${i},${(rand() * 140 - 60).toFixed(4)},${(rand() * 358 - 179).toFixed(4)},${pick(kinds)},${pick(minerals)},${pick(countries)},operating`,
    );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${rows.join('\n')}\n`);
}

/** In-page result of the user file's read: change event, end of the frame after it was shown, sites kept. */
type Kept = { t0: number; t2: number; kept: number };

export async function userFile(
  page: Page,
  cdp: CDPSession,
  o: UiOptions,
  r: UiResult,
  path: string,
): Promise<void> {
  const input = page.locator('[data-testid="user-file-input"]');
  await input.waitFor({ state: 'attached', timeout: 30_000 });
  await page
    .locator('[data-testid="user-data"]:not([data-storage="idle"])')
    .waitFor({ state: 'attached', timeout: 30_000 });
  // In the page: the time of the input's change event, then the status and the legend showing the file, next frame.
  await page.evaluate(() => {
    const w = window as unknown as { __benchUser?: Promise<Kept> };
    w.__benchUser = new Promise((ok) => {
      let t0 = NaN;
      document.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true });
      const obs = new MutationObserver(() => {
        const status = document.querySelector('[data-testid="user-status"]')?.textContent ?? '';
        const kept = /([\d,]+) sites kept/.exec(status)?.[1];
        if (!kept || !document.querySelector('[data-testid="legend-user"]')) return;
        obs.disconnect();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => ok({ t0, t2: performance.now(), kept: Number(kept.replace(/,/g, '')) });
          ch.port2.postMessage(0);
        });
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  const before = await o.pageCpu(cdp);
  await input.setInputFiles(path);
  const { t0, t2, kept } = await page.evaluate(
    () => (window as unknown as { __benchUser: Promise<Kept> }).__benchUser,
  );
  if (kept !== USER_FILE_ROWS) r.errors.push(`user file: ${kept} of ${USER_FILE_ROWS} sites kept`);
  const after = await o.pageCpu(cdp);
  const inApp = await page.evaluate(
    () => performance.getEntriesByName('cmm:user-file', 'measure').at(-1)?.duration ?? NaN,
  );
  r.userFile = { cpuMs: (after - before) * 1000, frameMs: t2 - t0, syncMs: inApp, rows: USER_FILE_ROWS };
  await settle(page, o);
  // Removed, so that no later visit of this browser profile loads it back.
  while ((await page.locator('[data-testid="user-file-remove"]').count()) > 0)
    await page.locator('[data-testid="user-file-remove"]').first().click();
  await settle(page, o);
}
