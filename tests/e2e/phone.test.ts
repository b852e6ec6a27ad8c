// Browser tests on a phone and a tablet with touch: the panel as a sheet, a tap on a site, filters, dialogs that fit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { changeAndWait, useApp } from './harness';

/** Where a visible site is on screen, clear of the panel and of other sites (no flows are drawn in these links). */
async function tappableSite(page: Page, area: { top: number; bottom: number; left: number; right: number }) {
  return page.evaluate((area) => {
    const s = window.__cmm?.state();
    const sites = (s?.data?.sites ?? []).filter((x) =>
      x.minerals.some((m) => s?.filters.minerals.includes(m)),
    );
    const at = sites.map((x) => ({ id: x.id, p: window.__cmm?.project(x.position) ?? [-1, -1] }));
    const clear = at.filter(
      (a) =>
        a.p[0] > area.left &&
        a.p[0] < area.right &&
        a.p[1] > area.top &&
        a.p[1] < area.bottom &&
        at.every((b) => b === a || Math.hypot(b.p[0] - a.p[0], b.p[1] - a.p[1]) > 24),
    );
    return clear[0] ?? null;
  }, area);
}

const rect = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });

describe('phone, 390x844, touch', () => {
  const app = useApp({ width: 390, height: 844 }, { hasTouch: true, isMobile: true });
  test('the sheet leaves the map usable; a tap opens a site; filters change; the sheet and dialogs close by touch', async () => {
    // No flow is worth a trillion dollars: only sites are drawn, so a tap lands on a site.
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&min=1000000000000');
    await waitReady(page);
    // On arrival the sheet peeks: most of the screen is map.
    const panel = await rect(page, '#panel');
    assert.equal(await page.locator('#panel').getAttribute('data-sheet'), 'peek');
    assert.ok(panel.height / 844 < 0.25, `the sheet covers ${((panel.height / 844) * 100).toFixed(0)}%`);
    assert.ok(Math.abs(panel.bottom - 844) < 2, 'the sheet sits at the bottom');
    // A tap on a site opens its details, as a sheet with a close button of at least 44 px; no tooltip stays up.
    const site = await tappableSite(page, { top: 60, bottom: panel.top - 20, left: 20, right: 330 });
    assert.ok(site, 'a site clear of others is on screen');
    await changeAndWait(page, () => page.touchscreen.tap(site.p[0], site.p[1]));
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => window.__cmm?.state().selection?.type), 'site');
    assert.equal(await page.locator('#tooltip').isVisible(), false);
    const close = await rect(page, '[data-testid="details"] button.close');
    assert.ok(close.width >= 44 && close.height >= 44, `close button ${close.width}x${close.height}`);
    await page.locator('[data-testid="details"] button.close').tap();
    await details.waitFor({ state: 'hidden' });
    // Pull the sheet up (tap the handle), change a filter by touch, then dismiss the sheet.
    await page.locator('[data-testid="sheet-handle"]').tap();
    assert.equal(await page.locator('#panel').getAttribute('data-sheet'), 'open');
    await changeAndWait(page, () => page.locator('[data-option="mineral:lithium"]').tap());
    await page.waitForFunction(() =>
      /mineral=rare-earths,lithium|mineral=lithium,rare-earths/.test(location.search),
    );
    const option = await rect(page, '[data-option="mineral:lithium"]');
    assert.ok(option.height >= 44, `a filter option is ${option.height} px tall`);
    await page.locator('[data-testid="sheet-dismiss"]').tap();
    assert.equal(await page.locator('#panel').getAttribute('data-sheet'), 'closed');
    assert.ok((await rect(page, '#panel')).height <= 50);
    // The share dialog fits the screen and closes by touch.
    await page.locator('[data-testid="sheet-handle"]').tap();
    await page.locator('[data-testid="share-button"]').tap();
    const dialog = page.locator('dialog#share[open]');
    await dialog.waitFor();
    const d = await rect(page, 'dialog#share');
    assert.ok(d.left >= 0 && d.right <= 390 && d.width <= 390, `the dialog spans ${d.left}-${d.right}`);
    const closeButton = dialog.locator('button.close, button[aria-label="Close"]').first();
    const c = await closeButton.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
    assert.ok(c.right <= 390 && c.top >= 0, 'its close button is on screen');
    await closeButton.tap();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});

describe('tablet, 768x1024, touch', () => {
  const app = useApp({ width: 768, height: 1024 }, { hasTouch: true, isMobile: true });
  test('a tap on a site opens its details; the share dialog fits', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&min=1000000000000');
    await waitReady(page);
    const panel = await rect(page, '#panel');
    const site = await tappableSite(page, { top: 60, bottom: 1000, left: panel.right + 20, right: 700 });
    assert.ok(site, 'a site clear of others is on screen');
    await changeAndWait(page, () => page.touchscreen.tap(site.p[0], site.p[1]));
    await page.locator('[data-testid="details"]').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#tooltip').isVisible(), false);
    await page.locator('[data-testid="share-button"]').tap();
    await page.locator('dialog#share[open]').waitFor();
    const d = await rect(page, 'dialog#share');
    assert.ok(d.left >= 0 && d.right <= 768, `the dialog spans ${d.left}-${d.right}`);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
