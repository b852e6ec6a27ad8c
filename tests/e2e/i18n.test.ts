// Browser tests of the UI languages: a Japanese link, the switcher keeping the view, English by default.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { count, text, useApp } from './harness';

const app = useApp();

/** The link's camera (`view=`), read from the address bar. */
const viewOf = (url: string) => new URL(url).searchParams.get('view');

describe('languages', () => {
  test('?lang=ja shows the panel, the filters and the legend in Japanese', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await page.locator('#panel h1').innerText(), '重要鉱物マップ');
    assert.match(await page.locator('#panel .subtitle').innerText(), /重要鉱物の採掘/);
    const filters = await text(page, 'filter-panel');
    assert.match(filters, /鉱物（拠点数 · 表示フロー数）/);
    assert.match(filters, /レアアース/);
    assert.match(filters, /経路リスク: 中国/);
    assert.equal(await page.locator('[data-testid="reset-filters"]').innerText(), 'リセット');
    const legend = await text(page, 'legend');
    assert.match(legend, /凡例/);
    assert.match(legend, /拠点の種類/);
    assert.match(legend, /弧の色: 輸出国の世界輸出シェア/);
    assert.match(await text(page, 'share-button'), /共有/);
    assert.equal(await page.locator('[data-testid="lang-select"]').inputValue(), 'ja');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('switching to English and back keeps the counts and the camera', async () => {
    const { page, w } = await app.open('?mineral=rare-earths,lithium&year=2023&risk=china&lang=ja');
    await waitReady(page);
    // The address bar is written after a short debounce: wait for the camera to appear.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('view'));
    const sites = await count(page, 'count-sites');
    const flows = await count(page, 'count-flows');
    const view = viewOf(page.url());
    assert.ok(view, 'the camera is in the link');
    await page.waitForURL(/lang=ja/, { timeout: 10_000 });

    await page.locator('[data-testid="lang-select"]').selectOption('en');
    await page.waitForFunction(() => !location.search.includes('lang=ja'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('#panel h1').innerText(), 'Critical Minerals Map');
    assert.match(await text(page, 'filter-panel'), /Minerals \(sites · flows kept\)/);
    assert.match(await text(page, 'legend'), /Sites by kind/);
    assert.equal(await count(page, 'count-sites'), sites);
    assert.equal(await count(page, 'count-flows'), flows);
    assert.equal(viewOf(page.url()), view);
    await page.waitForURL(/mineral=rare-earths,lithium/, { timeout: 10_000 });
    await page.waitForURL(/risk=china/, { timeout: 10_000 });
    assert.ok(await page.locator('[data-testid="mineral-lithium"]').isChecked(), 'filters kept');

    await page.locator('[data-testid="lang-select"]').selectOption('ja');
    await page.waitForFunction(() => location.search.includes('lang=ja'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.match(await text(page, 'legend'), /拠点の種類/);
    assert.equal(await count(page, 'count-sites'), sites);
    assert.equal(await count(page, 'count-flows'), flows);
    assert.equal(viewOf(page.url()), view);
    assert.ok(await page.locator('[data-testid="mineral-lithium"]').isChecked(), 'filters kept');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('English by default, with lang absent from the link', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('#panel h1').innerText(), 'Critical Minerals Map');
    assert.equal(await page.locator('[data-testid="lang-select"]').inputValue(), 'en');
    assert.doesNotMatch(page.url(), /lang=/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('an embed has the switcher too', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&embed=1&lang=ja');
    await waitReady(page);
    assert.match(await text(page, 'embed-legend'), /輸出国シェア/);
    assert.match(await text(page, 'open-full-map'), /地図全体を開く/);
    await page.locator('#embed-bar [data-testid="lang-select"]').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await text(page, 'embed-legend'), /Exporter share/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
