// Browser tests of the table view: loaded on first use, counts follow the filters, sorting, paging, selection both ways.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { changeAndWait, count, useApp } from './harness';

const app = useApp();

const tabCount = async (page: Page, tab: 'sites' | 'flows') =>
  Number(await page.locator(`[data-testid="table-tab-${tab}"]`).getAttribute('data-count'));

/** The numbers in column `col` (0-based, the row header included) of the rows on the page, nulls as NaN. */
const columnNumbers = (page: Page, col: number) =>
  page
    .locator('[data-testid="table-row"]')
    .evaluateAll(
      (rows, c) => rows.map((r) => Number((r.children[c]?.textContent ?? '').replace(/,/g, '') || 'x')),
      col,
    );

const tableChunkLoaded = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => /table-chunk[^/]*\.js/.test(e.name)),
  );

describe('table view', () => {
  test('the toggle opens tables of what the filters keep; sorting, paging and row selection', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    assert.equal(await tableChunkLoaded(page), false, 'the table module is not in the first view');
    const toggle = page.locator('[data-testid="table-toggle"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    const view = page.locator('[data-testid="table-view"]');
    await view.locator('[data-testid="table-row"]').first().waitFor();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await tableChunkLoaded(page), true);
    await page.waitForURL(/table=1/, { timeout: 5000 });

    // Tab counts equal the on-screen counts, and follow a filter.
    assert.equal(await tabCount(page, 'sites'), await count(page, 'count-sites'));
    assert.equal(await tabCount(page, 'flows'), await count(page, 'count-flows'));
    const sites0 = await tabCount(page, 'sites');
    assert.ok(sites0 > 100, `more than a page of sites: ${sites0}`);
    assert.equal(await view.locator('[data-testid="table-row"]').count(), 100, 'one page of rows');
    assert.match(await page.locator('[data-testid="table-range"]').innerText(), /rows 1–100 of \d+/);
    await view.locator('[data-page="next"]').click();
    assert.match(await page.locator('[data-testid="table-range"]').innerText(), /rows 101–200 of /);
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').check());
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="table-tab-sites"]')?.getAttribute('data-count') ===
        document.querySelector('[data-testid="count-sites"]')?.textContent,
    );
    assert.ok((await tabCount(page, 'sites')) > sites0, 'lithium adds site rows');
    assert.equal(await tabCount(page, 'flows'), await count(page, 'count-flows'));

    // Flows: sort by value both ways (value_usd is the 6th column).
    await view.locator('[data-testid="table-tab-flows"]').click();
    assert.equal(await view.locator('[data-testid="table-row"]').first().getAttribute('data-type'), 'flow');
    const header = view.locator('th:has(button[data-sort="value_usd"])');
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const up = (await columnNumbers(page, 5)).slice(0, 10);
    assert.ok(
      up.every((v, i) => i === 0 || v >= (up[i - 1] as number)),
      `ascending: ${up.join(' ')}`,
    );
    await view.locator('th:has(button[data-sort="value_usd"]) button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const down = (await columnNumbers(page, 5)).slice(0, 10);
    assert.ok(
      down.every((v, i) => i === 0 || v <= (down[i - 1] as number)),
      `descending: ${down.join(' ')}`,
    );
    assert.ok((down[0] as number) > (up[0] as number));

    // A flow row selects the flow as a map click does: details open, the link names it, the row is selected.
    const row = view.locator('[data-testid="table-row"]').nth(2);
    const id = (await row.getAttribute('data-id')) ?? '';
    await row.click();
    await page.locator('[data-testid="details"]:not([hidden])').waitFor();
    assert.equal(await page.evaluate(() => window.__cmm?.state().selection?.id), id);
    await page.waitForURL(/[?&]flow=/, { timeout: 5000 });
    await page.locator(`[data-testid="table-row"][data-id="${id}"][aria-selected="true"]`).waitFor();

    // Keyboard: Enter on a focused row selects it.
    const other = view.locator('[data-testid="table-row"]').nth(4);
    const otherId = (await other.getAttribute('data-id')) ?? '';
    await other.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((x) => window.__cmm?.state().selection?.id === x, otherId);

    // Closing: the view hides and the link drops table=1.
    await toggle.click();
    // The view follows the store after the next frame.
    await view.waitFor({ state: 'hidden', timeout: 5000 });
    await page.waitForURL((u) => !/table=1/.test(u.search), { timeout: 5000 });
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('rows kept in place after sorts, pages and a filter change equal a table opened fresh', async () => {
    /** Every row on the page: its id, type, selection, and cells' text, in order; and the scroll box's top. */
    const snapshot = (page: Page) =>
      page.locator('.table-view').evaluate((v) => ({
        rows: [...v.querySelectorAll('[data-testid="table-row"]')].map((r) =>
          [
            r.getAttribute('data-id'),
            r.getAttribute('data-type'),
            r.getAttribute('aria-selected'),
            r.textContent,
          ].join('|'),
        ),
        range: v.querySelector('[data-testid="table-range"]')?.textContent,
        sort: [...v.querySelectorAll('th[aria-sort]')].map(
          (th) => `${th.getAttribute('aria-sort')}:${th.textContent}`,
        ),
        scrollTop: v.querySelector('.table-scroll')?.scrollTop,
      }));
    const sortThenNext = async (page: Page) => {
      const view = page.locator('[data-testid="table-view"]');
      await view.locator('[data-testid="table-tab-sites"]').click();
      await view.locator('button[data-sort="country"]').click();
      await view.locator('[data-page="next"]').click();
    };
    // Reused rows: sorted by exporter both ways, then by country, paged, scrolled, then the filters change under them.
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&table=1');
    await waitReady(page);
    const view = page.locator('[data-testid="table-view"]');
    await view.locator('[data-testid="table-row"]').first().waitFor();
    await view.locator('[data-testid="table-tab-flows"]').click();
    await view.locator('button[data-sort="exporter"]').click();
    await view.locator('button[data-sort="exporter"]').click();
    await sortThenNext(page);
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').check());
    await page.waitForFunction(
      () => document.querySelector('[data-testid="table-tab-sites"]')?.getAttribute('data-count') !== null,
    );
    const kept = await snapshot(page);
    // The same view reached on a page that opens with lithium already on.
    const fresh = await app.open('?mineral=rare-earths,lithium&year=2024&table=1');
    await waitReady(fresh.page);
    await fresh.page.locator('[data-testid="table-row"]').first().waitFor();
    await sortThenNext(fresh.page);
    assert.match(kept.range ?? '', /rows 101–200 of /);
    assert.deepEqual(kept, await snapshot(fresh.page));
    assert.deepEqual([...w.consoleErrors, ...fresh.w.consoleErrors], []);
    await page.close();
    await fresh.page.close();
  });

  test('a linked site opens the table at its row, selected', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&table=1&site=cur-mountain-pass');
    await waitReady(page);
    const row = page.locator('[data-testid="table-row"][data-id="cur-mountain-pass"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('aria-selected'), 'true');
    assert.equal(await row.getAttribute('data-type'), 'site');
    // Its page is shown and the row is scrolled into the table's view.
    const inView = await row.evaluate((r) => {
      const box = r.closest('.table-scroll')?.getBoundingClientRect();
      const b = r.getBoundingClientRect();
      return !!box && b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
    });
    assert.ok(inView, 'the selected row is in view');
    assert.equal(await page.locator('[data-testid="table-toggle"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('[data-testid="table-tab-sites"]').getAttribute('aria-selected'), 'true');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
