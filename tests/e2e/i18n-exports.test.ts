// Browser tests of the exports in the reader's language: CSV headers in Japanese or as stable ids, GeoJSON labels,
// the scenario CSV's header, and the PNG's text (recorded as the page draws it: no Japanese font on the test machine).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { downloadCsv, useApp } from './harness';

const app = useApp();

const ID_HEADER_START = ['record_type', 'id', 'name', 'kind', 'minerals', 'country', 'status'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Record every text the page draws on a 2D canvas (the PNG's title, legend and attribution are drawn text). */
async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn: string[] = [];
    (window as unknown as { __drawnText: string[] }).__drawnText = drawn;
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (
      text: string,
      ...rest: [number, number, number?]
    ) {
      drawn.push(String(text));
      return fill.call(this, text, ...rest);
    };
  });
}

async function exportPngText(page: Page): Promise<string[]> {
  await page.evaluate(() => ((window as unknown as { __drawnText: string[] }).__drawnText.length = 0));
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator('[data-testid="export-png"]').click(),
  ]);
  assert.match(download.suggestedFilename(), /@1x\.png$/);
  return page.evaluate(() => [...(window as unknown as { __drawnText: string[] }).__drawnText]);
}

/** The view's title as the share dialog shows it (the same selector, selectViewTitle, names the PNG). */
async function shareTitle(page: Page): Promise<string> {
  await page.locator('[data-testid="share-button"]').click();
  const title = await page.locator('#share p.muted').first().innerText();
  await page.keyboard.press('Escape');
  return title;
}

describe('exports in the reader’s language', () => {
  test('English: the CSV header is the ids, unchanged; no ids choice is shown', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    assert.equal(await page.locator('[data-testid="export-ids-label"]').isVisible(), false);
    const { header } = await downloadCsv(page);
    assert.deepEqual(header.slice(0, ID_HEADER_START.length), ID_HEADER_START);
    assert.equal(header.at(-1), 'sources');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('Japanese: CSV header in Japanese by default, the ids with the script choice (kept for the session)', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    const label = page.locator('[data-testid="export-ids-label"]');
    assert.equal(await label.isVisible(), true);
    assert.match(await label.innerText(), /列名をスクリプト用のIDにする/);
    const ja = await downloadCsv(page);
    assert.deepEqual(ja.header.slice(0, 4), ['レコード種別', 'ID', '名称', '拠点の種類']);
    assert.equal(ja.header.at(-1), '出典');
    const types = new Set(ja.records.map((r) => r[0]));
    assert.ok(types.has('拠点') && types.has('貿易フロー'), [...types].join(','));

    await page.locator('[data-testid="export-ids"]').check();
    const ids = await downloadCsv(page);
    assert.deepEqual(ids.header.slice(0, ID_HEADER_START.length), ID_HEADER_START);
    assert.equal(ids.records.length, ja.records.length);
    assert.ok(ids.records.every((r) => r[0] === 'site' || r[0] === 'flow'));

    // Remembered for the session: a reload keeps the choice.
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('[data-testid="export-ids"]').isChecked(), true);
    const again = await downloadCsv(page);
    assert.deepEqual(again.header.slice(0, ID_HEADER_START.length), ID_HEADER_START);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('Japanese GeoJSON: id keys, with column_labels in Japanese', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download-geojson"]').click(),
    ]);
    const fc = JSON.parse(readFileSync(await dl.path(), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
      column_labels: { lang: string; labels: Record<string, string> };
    };
    assert.ok(fc.features.length > 0);
    assert.deepEqual(Object.keys(fc.features[0]?.properties ?? {}).slice(0, 4), ID_HEADER_START.slice(0, 4));
    assert.equal(fc.column_labels.lang, 'ja');
    assert.equal(fc.column_labels.labels.record_type, 'レコード種別');
    await page.close();
  });

  test('Japanese scenario CSV: header in Japanese, the ids with the script choice', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&scenario=china-stop&lang=ja');
    await waitReady(page);
    await page.locator('[data-testid="scenario-row"]').first().waitFor();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="scenario-csv"]').click(),
    ]);
    const header = readFileSync(await dl.path(), 'utf8').split('\r\n')[0] ?? '';
    assert.match(header, /^輸入国ISO3コード,輸入国,途絶前の輸入額（米ドル）,/);
    // The toolbar's choice of stable ids applies to the scenario CSV too.
    await page.locator('[data-testid="export-ids"]').check();
    await page.waitForTimeout(300);
    const [ids] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="scenario-csv"]').click(),
    ]);
    const idHeader = readFileSync(await ids.path(), 'utf8').split('\r\n')[0] ?? '';
    assert.match(idHeader, /^importer_iso3,importer,imports_before_usd,/);
    await page.close();
  });

  test('PNG in Japanese: legend and attribution drawn in Japanese, the title is the view title', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&lang=ja', recordCanvasText);
    await waitReady(page);
    const title = await shareTitle(page);
    const drawn = await exportPngText(page);
    assert.ok(drawn.includes(title), `title "${title}" drawn: ${drawn.slice(0, 5).join(' | ')}`);
    assert.ok(drawn.includes('拠点'), 'legend heading');
    assert.ok(drawn.includes('弧の色: 輸出国の世界輸出シェア'), 'colour line');
    assert.ok(
      drawn.some((x) => x.startsWith('データ: USGS、') && x.endsWith('重要鉱物マップ。')),
      'attribution',
    );
    assert.ok(!drawn.includes('Sites'), 'no English legend heading');
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('PNG in English: the same text as before', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024', recordCanvasText);
    await waitReady(page);
    const title = await shareTitle(page);
    const drawn = await exportPngText(page);
    assert.ok(drawn.includes(title));
    assert.ok(drawn.includes('Sites'));
    assert.ok(drawn.includes("Arc colour: exporter's world export share"));
    assert.ok(drawn.some((x) => x.startsWith('Data: USGS; CEPII BACI via Critical Materials Atlas')));
    await page.close();
  });

  test('PNG in Japanese: the title itself is Japanese', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&lang=ja', recordCanvasText);
    await waitReady(page);
    const title = await shareTitle(page);
    assert.match(title, JAPANESE);
    assert.ok((await exportPngText(page)).includes(title), 'the PNG draws the Japanese title');
    await page.close();
  });
});
