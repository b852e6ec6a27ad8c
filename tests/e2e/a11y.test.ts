// Browser tests of accessibility: axe-core finds no serious or critical violation on each main view, and a
// keyboard-only run (no pointer events) changes the mineral, opens a flow from the table, reads it, closes it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seriousViolations } from './a11y';
import { waitReady } from './browser';
import { changeAndWait, useApp } from './harness';

const app = useApp();

const VIEWS: [string, string, ((page: import('playwright-core').Page) => Promise<void>)?][] = [
  ['the main view', ''],
  ['a site’s details', '?site=cur-mountain-pass'],
  ['a flow’s details', '?mineral=rare-earths&year=2024&flow=rare-earths-850511-CHN-DEU'],
  ['the scenario', '?mineral=rare-earths&year=2024&scenario=china-stop'],
  [
    'the share dialog',
    '',
    async (page) => {
      await page.locator('[data-testid="share-button"]').click();
      await page.locator('dialog#share[open]').waitFor();
    },
  ],
  ['the table view', '?table=1', (page) => page.locator('[data-testid="table-row"]').first().waitFor()],
  ['embed mode', '?embed=1&mineral=rare-earths&year=2024'],
];

describe('axe-core: no serious or critical violations', () => {
  for (const [name, query, setup] of VIEWS)
    test(name, async () => {
      const { page, w } = await app.open(query);
      await waitReady(page);
      if (setup) await setup(page);
      const found = await seriousViolations(page);
      assert.deepEqual(found, [], JSON.stringify(found, null, 1));
      assert.deepEqual(w.consoleErrors, []);
      await page.close();
    });
});

describe('keyboard only', () => {
  test('change the mineral, open a flow from the table, read its details, close them with Escape', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    // Count pointer events: a keyboard-only run has none.
    await page.evaluate(() => {
      const seen = { pointer: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      for (const type of ['pointerdown', 'mousedown'])
        document.addEventListener(type, () => void seen.pointer++, { capture: true });
    });
    const active = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { testid: a?.dataset.testid ?? '', inDetails: !!a?.closest('[data-testid="details"]') };
      });
    // Lithium on, rare earths off: focus the check boxes and press Space.
    await page.locator('[data-testid="mineral-lithium"]').focus();
    await changeAndWait(page, () => page.keyboard.press('Space'));
    await page.locator('[data-testid="mineral-rare-earths"]').focus();
    await changeAndWait(page, () => page.keyboard.press('Space'));
    await page.waitForURL(/mineral=lithium(&|$)/, { timeout: 10_000 });
    // The table, its flows tab, the first row: Enter opens the flow's details and moves focus into them.
    await page.locator('[data-testid="table-toggle"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="table-tab-flows"]').waitFor();
    await page.locator('[data-testid="table-tab-flows"]').focus();
    await page.keyboard.press('Enter');
    const row = page.locator('[data-testid="table-row"][data-type="flow"]').first();
    await row.waitFor();
    const id = await row.getAttribute('data-id');
    await row.focus();
    await page.keyboard.press('Enter');
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="details"]'));
    assert.match(await details.innerText(), /Mineral\s+Lithium/);
    // The link names the flow (the address bar is written once the page is quiet).
    await page.waitForURL((u) => u.href.includes(`flow=${(id ?? '').replace(/^\d{4}-/, '')}`), {
      timeout: 10_000,
    });
    // The flow's sea route arrives (often after the details opened) and they are drawn again: focus stays in them.
    await page.waitForFunction(() => window.__cmm?.state().routesStatus === 'ready');
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    );
    assert.equal((await active()).inDetails, true, 'focus is still in the details');
    // Escape closes them and focus goes back to the row.
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    const back = await active();
    assert.equal(back.testid, 'table-row');
    assert.equal(back.inDetails, false);
    // ? lists the shortcuts; Escape closes the list.
    await page.keyboard.press('?');
    const shortcuts = page.locator('dialog[data-testid="shortcuts"]');
    await shortcuts.waitFor({ state: 'visible' });
    assert.match(await shortcuts.innerText(), /Search sites, countries/);
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });
    assert.equal(
      await page.evaluate(() => (window as unknown as { seen: { pointer: number } }).seen.pointer),
      0,
    );
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
