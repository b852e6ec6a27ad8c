// Browser tests of the Japanese details panel, About dialog, share dialog, table view and shortcuts list; data text
// (site names, sources) is marked lang="en" inside the Japanese page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { useApp } from './harness';

const app = useApp();

describe('Japanese panels and dialogs', () => {
  test("a site's details: Japanese labels, the site's name marked English", async () => {
    const { page, w } = await app.open('?site=cur-mountain-pass&lang=ja');
    await waitReady(page);
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    const d = await details.innerText();
    for (const label of [
      '鉱物',
      '国',
      '状況',
      '事業者',
      '生産能力',
      '位置の精度',
      'データ年次',
      '拠点ID',
      '出典',
    ])
      assert.ok(d.includes(label), `details show ${label}`);
    assert.match(d, /レアアース/);
    assert.match(d, /年時点）/);
    assert.match(d, /アメリカ合衆国（USA）/);
    assert.equal(await details.locator('h2').getAttribute('lang'), 'en');
    assert.equal(await details.locator('ol.sources li').first().getAttribute('lang'), 'en');
    assert.equal(await details.locator('button.close').getAttribute('aria-label'), '詳細を閉じる');
    // Back to English: the same panel in English, nothing marked.
    await page.locator('[data-testid="lang-select"]').first().selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await details.innerText();
    assert.match(en, /Location precision/);
    assert.match(en, /\(as of \d{4}\)/);
    assert.equal(await details.locator('h2').getAttribute('lang'), null);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test("a flow's details: Japanese labels, numbers and risk reasons", async () => {
    const { page, w } = await app.open(
      '?mineral=rare-earths&year=2024&flow=rare-earths-850511-CHN-DEU&lang=ja',
    );
    await waitReady(page);
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    const d = await details.innerText();
    assert.match(d, /中国 → ドイツ/);
    assert.match(d, /貿易フロー（2024年）/);
    assert.match(d, /HS 850511/);
    assert.match(d, /513,918,501米ドル/);
    assert.match(d, /億ドル/);
    assert.match(d, /網羅範囲/);
    assert.match(d, /経路リスク: 中国/);
    assert.match(await details.locator('[data-reason="origin"]').innerText(), /輸出元: 中国/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('About, share, table view and the shortcuts list in Japanese', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    assert.equal(await page.locator('[data-testid="about-button"]').innerText(), 'データと出典について');

    await page.locator('[data-testid="about-button"]').click();
    const about = page.locator('dialog#about[open]');
    await about.waitFor();
    assert.equal(await about.locator('h2').innerText(), 'データについて');
    const heads = await about.locator('[data-testid="sources-table"] thead th').allInnerTexts();
    assert.deepEqual(heads, ['データセット', '発行元', 'ライセンス', '年次']);
    assert.equal(
      await about.locator('[data-testid="sources-table"] tbody td span').first().getAttribute('lang'),
      'en',
    );
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'hidden' });

    await page.locator('[data-testid="share-button"]').click();
    const share = page.locator('dialog#share[open]');
    await share.waitFor();
    assert.equal(await share.locator('h2').innerText(), 'この表示を共有');
    assert.equal(await page.locator('[data-testid="copy-link"]').innerText(), 'コピー');
    assert.equal(
      await page.locator('[data-testid="share-link"]').getAttribute('aria-label'),
      'この表示へのリンク',
    );
    assert.match(await share.innerText(), /現在の表示のまま/);
    assert.deepEqual(await page.locator('[data-testid="embed-size"] option').allInnerTexts(), [
      '小 400 × 300',
      '中 640 × 480',
      '大 800 × 600',
      '全幅 × 480',
    ]);
    await page.keyboard.press('Escape');
    await share.waitFor({ state: 'hidden' });

    await page.locator('[data-testid="table-toggle"]').click();
    const view = page.locator('[data-testid="table-view"]');
    await view.locator('[data-testid="table-row"]').first().waitFor();
    assert.match(await page.locator('[data-testid="table-tab-sites"]').innerText(), /^拠点（\d+）$/);
    const cols = await view.locator('thead th').allInnerTexts();
    assert.deepEqual(cols.slice(0, 3), ['名称', '拠点の種類', '対象鉱物']);
    assert.match(await page.locator('[data-testid="table-range"]').innerText(), /^全\d+行中 1–100行目/);
    assert.equal(await view.locator('[data-testid="table-row"]').first().getAttribute('lang'), 'en');
    await page.locator('[data-testid="table-tab-flows"]').click();
    assert.deepEqual((await view.locator('thead th').allInnerTexts()).slice(0, 2), ['輸出国', '輸入国']);
    // A switch to English relabels the open table with the CSV's column names.
    await page.locator('[data-testid="lang-select"]').first().selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual((await view.locator('thead th').allInnerTexts()).slice(0, 2), ['exporter', 'importer']);
    assert.match(await page.locator('[data-testid="table-tab-flows"]').innerText(), /^Flows \(\d+\)$/);
    await page.locator('[data-testid="lang-select"]').first().selectOption('ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    await view.locator('[data-action="close-table"]').click();

    await page.locator('body').focus();
    await page.keyboard.press('?');
    const shortcuts = page.locator('dialog[data-testid="shortcuts"]');
    await shortcuts.waitFor({ state: 'visible' });
    assert.equal(await shortcuts.locator('h2').innerText(), 'キーボードショートカット');
    assert.match(await shortcuts.innerText(), /拠点・国・鉱物・規制措置・プロジェクトを検索/);
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('a missing file is said in Japanese', async () => {
    const { page } = await app.open('?lang=ja', async (p) => {
      await p.route('**/data/flows-2024.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    });
    await waitReady(page);
    const notice = page.locator('[data-testid="notice"]');
    assert.match(
      await notice.innerText(),
      /2024年の貿易フローのファイル data\/flows-2024\.json を使用できません/,
    );
    assert.match(await notice.innerText(), /地図のその他の機能は引き続き使用できます/);
    assert.equal(
      await notice.locator('button.close').first().getAttribute('aria-label'),
      'メッセージを閉じる',
    );
    await page.close();
  });

  test('search results are grouped under Japanese headings, names marked English', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    const input = page.locator('#panel input[type="search"], #panel [role="combobox"]').first();
    await input.fill('Mountain Pass');
    const result = page.locator('[data-testid="search-result"][data-type="site"]').first();
    await result.waitFor();
    assert.equal(await result.locator('.search-label').getAttribute('lang'), 'en');
    assert.match(await page.locator('.search-group[aria-label="拠点"] .search-heading').innerText(), /拠点/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
