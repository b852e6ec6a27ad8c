// Browser tests of the search box: loaded on first use, finds sites by name and operator, selects, keyboard only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { changeAndWait, useApp } from './harness';

const app = useApp();
const box = '[data-testid="search"]';
const results = '[data-testid="search-result"]';

const activeTestId = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);

describe('search', () => {
  test('type part of a site name, Enter: the site is selected, its details open and the link names it', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await waitReady(page);
    assert.ok(!requested.some((u) => /\/assets\/search-[\w-]+\.js$/.test(u)), 'search not loaded before use');
    await page.locator(box).fill('mountain pass rare');
    await page.locator(`${results}[data-type="site"]`).first().waitFor();
    assert.ok(
      requested.some((u) => /\/assets\/search-[\w-]+\.js$/.test(u)),
      'search loaded on focus',
    );
    assert.equal(await page.locator(box).getAttribute('aria-expanded'), 'true');
    const first = page.locator(results).first();
    assert.match(await first.innerText(), /Mountain Pass/);
    const id = await first.getAttribute('data-id');
    assert.ok(id);
    await changeAndWait(page, () => page.locator(box).press('Enter'));
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    assert.match(await details.innerText(), /Mountain Pass/);
    await page.waitForURL(new RegExp(`site=${id}`), { timeout: 5000 });
    const view = await page.evaluate(() => window.__cmm?.state().view);
    assert.ok(
      view && Math.abs(view.lng - -115.5) < 1 && view.zoom >= 7,
      `camera at the site: ${JSON.stringify(view)}`,
    );
    assert.equal(await page.locator(box).getAttribute('aria-expanded'), 'false');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('search by operator finds a site and selecting it adds its mineral to the filters', async () => {
    const { page, w } = await app.open('?mineral=lithium&year=2024');
    await waitReady(page);
    await page.locator(box).fill('Lynas');
    const site = page.locator(`${results}[data-type="site"]`).first();
    await site.waitFor();
    const id = await site.getAttribute('data-id');
    assert.ok(id);
    await changeAndWait(page, () => site.click());
    await page.locator('[data-testid="details"]').waitFor({ state: 'visible' });
    const s = await page.evaluate(() => window.__cmm?.state());
    assert.deepEqual(s?.selection, { type: 'site', id });
    assert.deepEqual(s?.filters.minerals, ['lithium', 'rare-earths']);
    await page.waitForURL(new RegExp(`site=${id}`), { timeout: 5000 });
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('keyboard only: / focuses the box, arrows move, Enter selects a country, Escape clears', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    assert.notEqual(await activeTestId(page), 'search');
    await page.keyboard.press('/');
    assert.equal(await activeTestId(page), 'search');
    assert.equal(await page.locator(box).inputValue(), '', 'the / is not typed into the box');
    await page.keyboard.type('JPN');
    const japan = page.locator(`${results}[data-type="country"][data-id="JPN"]`);
    await japan.waitFor();
    // The groups come in order and are labelled.
    const groups = await page
      .locator('[data-testid="search-results"] [role="group"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(groups.includes('Countries'), `groups: ${groups.join(', ')}`);
    const ids = await page
      .locator(results)
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    const at = ids.indexOf('JPN');
    for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await japan.getAttribute('aria-selected'), 'true');
    assert.equal(
      await page.locator(box).getAttribute('aria-activedescendant'),
      await japan.getAttribute('id'),
    );
    await changeAndWait(page, () => page.keyboard.press('Enter'));
    const s = await page.evaluate(() => window.__cmm?.state());
    assert.equal(s?.filters.focus, 'JPN');
    assert.ok(s && Math.abs(s.view.lng - 139) < 6, `camera near Japan: ${JSON.stringify(s?.view)}`);
    await page.waitForURL(/focus=JPN/, { timeout: 5000 });
    // Escape clears the box and closes the list.
    await page.keyboard.type(' lith');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(box).inputValue(), '');
    assert.equal(await page.locator(box).getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator(results).count(), 0);
    // A mineral by keyboard: only that mineral is selected.
    await page.keyboard.type('lithium');
    await page.locator(`${results}[data-type="mineral"][data-id="lithium"]`).waitFor();
    const order = await page
      .locator(results)
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    for (let i = 0; i <= order.indexOf('lithium'); i++) await page.keyboard.press('ArrowDown');
    await changeAndWait(page, () => page.keyboard.press('Enter'));
    assert.deepEqual(await page.evaluate(() => window.__cmm?.state().filters.minerals), ['lithium']);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
