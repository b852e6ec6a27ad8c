// Browser tests of the panels in Japanese: scenario, allies, export controls, projects, the share chart and stage view,
// and the embed title; the figures stay those of the English page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { changeAndWait, text, useApp } from './harness';

const app = useApp();

/** Each scenario row's importer and loss share, as the table's data attributes give them. */
const lossShares = (page: Page) =>
  page
    .locator('[data-testid="scenario-row"]')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.getAttribute('data-country'), r.getAttribute('data-loss-share')]),
      ),
    );

describe('panels in Japanese', () => {
  test('scenario=china-stop: Japanese headings, the same loss shares as in English', async () => {
    const query = '?mineral=rare-earths&year=2024&scenario=china-stop';
    const { page, w } = await app.open(`${query}&lang=ja`);
    await waitReady(page);
    await page.locator('[data-testid="scenario-row"]').first().waitFor();
    const panel = await text(page, 'scenario-panel');
    assert.match(panel, /供給途絶シナリオ/);
    assert.match(panel, /2024年のレアアースの貿易/);
    assert.match(panel, /失われる世界貿易: .*ドル.*のうち/);
    assert.match(panel, /輸入国/);
    assert.match(panel, /備蓄でカバーできる期間/);
    assert.match(panel, /同盟国・同志国からの供給/);
    assert.doesNotMatch(panel, /Supply-shock scenario|World trade lost|Allied supply/);
    assert.equal(
      await page.locator('[data-testid="scenario-select"] option:checked').innerText(),
      '中国（香港・マカオを含む）が輸出を停止',
    );
    // Country names in Japanese (CLDR).
    assert.match(await page.locator('[data-testid="scenario-row"][data-country="JPN"]').innerText(), /^日本/);
    const ja = await lossShares(page);

    const en = await app.open(query);
    await waitReady(en.page);
    await en.page.locator('[data-testid="scenario-row"]').first().waitFor();
    assert.match(await text(en.page, 'scenario-panel'), /Supply-shock scenario/);
    assert.deepEqual(await lossShares(en.page), ja);
    assert.ok(Object.keys(ja).length > 50);
    await en.page.close();
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('allies view in Japanese; switching the language re-renders the panels', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&allies=us-japan&lang=ja');
    await waitReady(page);
    await page.waitForSelector('[data-testid="bloc-table"]');
    const panel = await text(page, 'scenario-panel');
    assert.match(panel, /同盟国・同志国からの供給/);
    assert.match(panel, /各国の輸入元/);
    assert.match(await page.locator('[data-testid="bloc-table"]').innerText(), /採掘 2024年/);
    assert.match(
      await page.locator('[data-testid="allies-row"][data-country="USA"]').innerText(),
      /アメリカ合衆国/,
    );
    assert.equal(
      await page.locator('[data-testid="allies-preset"] option:checked').innerText(),
      '日米枠組み',
    );
    await changeAndWait(page, () => page.locator('[data-testid="lang-select"]').selectOption('en'));
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-panel"]')?.textContent?.includes('Allied supply'),
    );
    assert.match(await page.locator('[data-testid="bloc-table"]').innerText(), /mining 2024/);
    assert.match(await text(page, 'share-chart'), /Who supplies rare earths/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('export controls: the measures panel and a measure’s details in Japanese, dates in Japanese', async () => {
    const { page, w } = await app.open('?mineral=gallium&year=2024&reasons=controlled&risk=china&lang=ja');
    await waitReady(page);
    const rows = page.locator('[data-testid="measure"]');
    await rows.first().waitFor();
    const panel = await text(page, 'measures-panel');
    assert.match(panel, /輸出管理/);
    assert.match(panel, /現在: /);
    assert.doesNotMatch(panel, /Export controls|Today: /);
    const gaGe = page.locator('[data-testid="measure"][data-id="cn-2023-23-gallium-germanium"]');
    assert.match(await gaGe.innerText(), /2023年8月1日/);
    assert.match(await gaGe.innerText(), /中国: 許可制/);
    await changeAndWait(page, () => gaGe.locator('button').click());
    const details = page.locator('[data-testid="measure-details"]');
    await details.waitFor();
    assert.match(await details.innerText(), /施行日/);
    assert.match(await details.innerText(), /出典/);
    assert.match(
      await page.locator('[data-testid="measure-coverage"]').innerText(),
      /2024年の貿易のうち\d+件のフロー/,
    );
    // Data text (the announcement number) stays English, marked so.
    assert.equal(await details.locator('h3 span').getAttribute('lang'), 'en');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('projects=1: the projects panel and capacity in Japanese', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&projects=1&lang=ja');
    await waitReady(page);
    await page.locator('[data-testid="project"]').first().waitFor();
    const panel = await text(page, 'projects-panel');
    assert.match(panel, /中国国外の支援対象プロジェクト/);
    assert.match(panel, /段階/);
    assert.match(panel, /操業中/);
    assert.match(panel, /中国国外の生産能力（年別）/);
    assert.doesNotMatch(panel, /Funded projects|Capacity outside China/);
    assert.equal(await page.locator('[data-testid="projects-hide"]').innerText(), '閉じる');
    assert.equal(await page.locator('[data-testid="project"] strong').first().getAttribute('lang'), 'en');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('the share chart and the stage view in Japanese', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    await page.locator('[data-testid="stage-view"]').waitFor();
    const chart = await text(page, 'share-chart');
    assert.match(chart, /レアアースの供給国/);
    assert.match(chart, /世界の精製に占める中国のシェア/);
    assert.match(chart, /採掘 2024年/);
    const stages = await text(page, 'stage-view');
    assert.match(stages, /レアアース: 段階別/);
    assert.match(stages, /永久磁石/);
    assert.match(stages, /地図上の/);
    assert.doesNotMatch(stages, /stage by stage|on the map/);
    assert.match(
      (await page.locator('[data-testid="stage"]').first().getAttribute('aria-label')) ?? '',
      /^採掘 /,
    );
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('embed=1&lang=ja: the embed title is Japanese', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&embed=1&lang=ja');
    await waitReady(page);
    const title = page.locator('[data-testid="embed-title"]');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="embed-title"]')?.textContent ?? '') !== '',
    );
    assert.equal(await title.innerText(), 'レアアース: 2024年の貿易、すべての経路');
    assert.equal(await title.getAttribute('lang'), null);
    const en = await app.open('?mineral=rare-earths&year=2024&embed=1');
    await waitReady(en.page);
    await en.page.waitForFunction(
      () => (document.querySelector('[data-testid="embed-title"]')?.textContent ?? '') !== '',
    );
    assert.equal(
      await en.page.locator('[data-testid="embed-title"]').innerText(),
      'Rare earths: trade 2024, all routes',
    );
    await en.page.close();
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
