// Browser tests of the reader's own data: files of sites and flows load, draw, filter, survive a reload, are removed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { changeAndWait, downloadCsv, mapShot, pixelDiff, useApp } from './harness';

const app = useApp();

const SITES_CSV = [
  'name,lat,lng,kind,mineral,country,status,source',
  // Formula and HTML in a name: kept as text, never run or parsed.
  '"=HYPERLINK(""http://x"")",-30.5,121.5,mine,rare-earths,Australia,operating,My notes 2026',
  '<img src=x onerror=alert(1)>,36.2,-115.5,separation,rare-earths,USA,planned,',
  'Bad latitude,north,10,mine,rare-earths,,,',
].join('\n');

const FLOWS_CSV = [
  'exporter,importer,mineral,year,value,tonnes',
  'AUS,JPN,rare-earths,2024,250000000,1200',
  'Malaysia,DEU,rare-earths,2024,90000000,',
  'AUS,USA,rare-earths,2023,10000000,',
  'AUS,Atlantis,rare-earths,2024,5,',
].join('\n');

const file = (name: string, body: string | Buffer, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
});

/** Open the app and wait for the "Your data" section (loaded after the first view). */
async function openApp(query: string) {
  const opened = await app.open(query);
  await waitReady(opened.page);
  await opened.page.locator('[data-testid="user-file-input"]').waitFor({ state: 'attached' });
  // Files saved by an earlier test in this browser profile are removed first, once they have been read back.
  await opened.page
    .locator('[data-testid="user-data"]:not([data-storage="idle"])')
    .waitFor({ state: 'attached' });
  await removeAll(opened.page);
  return opened;
}

const legendUser = (page: Page, attr: 'data-sites' | 'data-flows') =>
  page.locator('[data-testid="legend-user"]').getAttribute(attr).then(Number);

async function removeAll(page: Page) {
  while ((await page.locator('[data-testid="user-file-remove"]').count()) > 0)
    await page.locator('[data-testid="user-file-remove"]').first().click();
}

describe('your data', () => {
  test('a CSV of sites loads, draws, lists its rejected rows, survives a reload and can be removed', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024&view=0,0,1.2');
    const before = await mapShot(page);
    await page.locator('[data-testid="user-file-input"]').setInputFiles(file('my sites.csv', SITES_CSV));
    const status = page.locator('[data-testid="user-status"]');
    await status.waitFor();
    assert.match(await status.innerText(), /my sites\.csv: 2 sites kept, 1 rows rejected\./);
    assert.match(await page.locator('[data-testid="user-rejected"]').innerText(), /Line 4: latitude "north"/);
    await page.waitForFunction(() => document.querySelector('[data-testid="legend-user"]') !== null);
    assert.equal(await legendUser(page, 'data-sites'), 2);
    await waitReady(page);
    assert.ok((await pixelDiff(page, before, await mapShot(page))) > 0, 'the sites are drawn on the map');
    // The HTML name is text: no element was made from it, no alert ran.
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(w.dialogs, []);
    // Filters apply: a separation plant is hidden when only mines are kept.
    await changeAndWait(page, () =>
      page.goto(page.url().split('?')[0] + '?mineral=rare-earths&year=2024&kind=mine'),
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="legend-user"]') !== null);
    assert.equal(await legendUser(page, 'data-sites'), 1, 'kept across a reload; the kind filter applies');
    assert.equal(await page.locator('[data-testid="user-file"]').count(), 1);
    // In the CSV of the view, marked as the reader's, formula text made inert.
    const csv = await downloadCsv(page);
    const type = csv.header.indexOf('record_type');
    const mine = csv.records.filter((r) => r[type] === 'user_site');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.[csv.header.indexOf('name')], `'=HYPERLINK("http://x")`);
    assert.match(
      mine[0]?.[csv.header.indexOf('sources')] ?? '',
      /^Your file: my sites\.csv \(My notes 2026\)$/,
    );
    // In the table view, with its record type.
    await page.locator('[data-testid="table-toggle"]').click();
    // Sorted by record type, last first: the reader's rows come first.
    await page.locator('[data-sort="record_type"]').click();
    await page.locator('[data-sort="record_type"]').click();
    const userRow = page.locator('[data-testid="table-row"][data-user="true"]');
    await userRow.first().waitFor();
    assert.equal(await userRow.count(), 1);
    assert.match(await userRow.first().innerText(), /your site/);
    await page.locator('[data-action="close-table"]').click();
    // The share dialog says the link does not carry it.
    await page.locator('[data-testid="share-button"]').click();
    assert.match(await page.locator('[data-testid="share-local-note"]').innerText(), /will not see it/);
    await page.keyboard.press('Escape');
    await removeAll(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="legend-user"]') === null);
    await page.reload();
    await waitReady(page);
    await page.locator('[data-testid="user-data"]:not([data-storage="idle"])').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-testid="user-file"]').count(), 0, 'removed for good');
    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.offOrigin, []);
    await page.close();
  });

  test('a CSV of flows draws arcs for the year; the year filter applies', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024');
    await page.locator('[data-testid="user-file-input"]').setInputFiles(file('flows.csv', FLOWS_CSV));
    await page.locator('[data-testid="user-status"]').waitFor();
    assert.match(
      await page.locator('[data-testid="user-status"]').innerText(),
      /3 flows kept, 1 rows rejected/,
    );
    assert.match(
      await page.locator('[data-testid="user-rejected"]').innerText(),
      /unknown importer "Atlantis"/,
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="legend-user"]') !== null);
    assert.equal(await legendUser(page, 'data-flows'), 2);
    // Another year by link: a reload, so the file also comes back from this browser's store.
    await changeAndWait(page, () => page.goto(`${page.url().split('?')[0]}?mineral=rare-earths&year=2023`));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="legend-user"]')?.getAttribute('data-flows') === '1',
    );
    await removeAll(page);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('combined with ours, their flows change the scenario figures, which say so', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024&scenario=china-stop');
    const jpn = page.locator('[data-testid="scenario-row"][data-country="JPN"]');
    await jpn.waitFor();
    const before = Number(await jpn.getAttribute('data-loss-share'));
    await page.locator('[data-testid="user-file-input"]').setInputFiles(file('flows.csv', FLOWS_CSV));
    await page.locator('[data-testid="user-combine"]').check();
    await page.locator('[data-testid="scenario-user-note"]').waitFor();
    await page.waitForFunction(
      (b) =>
        Number(
          document
            .querySelector('[data-testid="scenario-row"][data-country="JPN"]')
            ?.getAttribute('data-loss-share'),
        ) < b,
      before,
    );
    // $250 M more from Australia, none of it cut: Japan loses a smaller share of its imports.
    assert.ok(Number(await jpn.getAttribute('data-loss-share')) < before);
    await page.locator('[data-testid="user-combine"]').uncheck();
    await page.locator('[data-testid="scenario-user-note"]').waitFor({ state: 'detached' });
    assert.equal(Number(await jpn.getAttribute('data-loss-share')), before);
    await removeAll(page);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('a corrupt file and an unreadable one leave the map and the earlier data as they were, with a notice', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024');
    const input = page.locator('[data-testid="user-file-input"]');
    await input.setInputFiles(file('good.csv', SITES_CSV));
    await page.locator('[data-testid="user-status"]').waitFor();
    // The legend follows the store after the next frame.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="legend-user"]')?.getAttribute('data-sites')) > 0,
    );
    const sites = await legendUser(page, 'data-sites');
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0,
    ]);
    await input.setInputFiles(file('photo.csv', png, 'text/csv'));
    const error = page.locator('[data-testid="user-error"]');
    await error.waitFor();
    assert.match(
      await error.innerText(),
      /photo\.csv could not be read: .*Your earlier data is unchanged\./s,
    );
    // The notices follow the store after the next frame.
    await page.waitForFunction(() =>
      /photo\.csv could not be read/.test(
        document.querySelector('[data-testid="notice"]')?.textContent ?? '',
      ),
    );
    assert.equal(await legendUser(page, 'data-sites'), sites);
    assert.equal(await page.locator('[data-testid="user-file"]').count(), 1);
    await input.setInputFiles(file('empty.csv', ''));
    await page.waitForFunction(() =>
      /empty\.csv could not be read: The file is empty/.test(
        document.querySelector('[data-testid="user-error"]')?.textContent ?? '',
      ),
    );
    assert.equal(await page.locator('[data-testid="user-file"]').count(), 1);
    await removeAll(page);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('in Japanese: the section, the legend entry and the status speak Japanese; the reasons stay marked English', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024&lang=ja');
    assert.match(await page.locator('[data-testid="user-data"] h2').innerText(), /あなたのデータ/);
    await page.locator('[data-testid="user-file-input"]').setInputFiles(file('拠点.csv', SITES_CSV));
    await page.locator('[data-testid="user-status"]').waitFor();
    assert.match(
      await page.locator('[data-testid="user-status"]').innerText(),
      /拠点\.csv: 拠点2件を取り込み、1行を除外しました。/,
    );
    assert.equal(
      await page.locator('[data-testid="user-rejected"] li span').first().getAttribute('lang'),
      'en',
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="legend-user"]') !== null);
    assert.match(
      await page.locator('[data-testid="legend-user"]').innerText(),
      /あなたのデータ（このブラウザのみ）/,
    );
    // A Japanese reader's file may name countries and minerals in Japanese.
    await page
      .locator('[data-testid="user-file-input"]')
      .setInputFiles(
        file('フロー.csv', 'exporter,importer,mineral,year,value\n中国,日本,レアアース,2024,1000\n'),
      );
    await page.waitForFunction(() =>
      /フロー\.csv: フロー1件を取り込み、0行を除外しました。/.test(
        document.querySelector('[data-testid="user-status"]')?.textContent ?? '',
      ),
    );
    await removeAll(page);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('columns named otherwise are chosen in the dialog', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024');
    const csv = 'Facility,Northing,Easting\nPlant A,35.1,139.2\nPlant B,-23.4,133.9\n';
    await page.locator('[data-testid="user-file-input"]').setInputFiles(file('plants.csv', csv));
    await page.locator('[data-testid="user-choose-columns"]').click();
    const dialog = page.locator('[data-testid="column-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="column-name"]').selectOption('Facility');
    await dialog.locator('[data-testid="column-lat"]').selectOption('Northing');
    await dialog.locator('[data-testid="column-lng"]').selectOption('Easting');
    await dialog.locator('[data-testid="column-apply"]').click();
    await page.locator('[data-testid="user-status"]').waitFor();
    assert.match(
      await page.locator('[data-testid="user-status"]').innerText(),
      /plants\.csv: 2 sites kept, 0 rows rejected/,
    );
    await removeAll(page);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('a 50 MB file of 200,000 rows reads in a worker with progress, and reading can be cancelled', async () => {
    const { page, w } = await openApp('?mineral=rare-earths&year=2024');
    // 200,000 sites (the most a file may hold) with long notes: about 50 MB.
    const rows = ['name,lat,lng,mineral,notes'];
    const notes = 'n'.repeat(215);
    for (let i = 0; i < 200_000; i++)
      rows.push(
        `Site ${i},${((i % 1700) / 10 - 85).toFixed(1)},${((i % 3500) / 10 - 175).toFixed(1)},rare-earths,${notes}`,
      );
    const big = file('big.csv', rows.join('\n'));
    assert.ok(big.buffer.length > 50e6, `${big.buffer.length} bytes`);
    const input = page.locator('[data-testid="user-file-input"]');
    await input.setInputFiles(big);
    await page.locator('[data-testid="user-file-cancel"]').click();
    await page.waitForFunction(() =>
      /was cancelled/.test(document.querySelector('[data-testid="user-status"]')?.textContent ?? ''),
    );
    assert.equal(await page.locator('[data-testid="user-file"]').count(), 0);
    const t0 = Date.now();
    await input.setInputFiles(big);
    await page.locator('[data-testid="user-progress"]').waitFor();
    await page.waitForFunction(
      () =>
        /200,000 sites kept/.test(document.querySelector('[data-testid="user-status"]')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    const inPage = await page.evaluate(
      () => performance.getEntriesByName('cmm:user-file', 'measure')[0]?.duration ?? -1,
    );
    console.log(
      `# 200,000-row file (${(big.buffer.length / 1e6).toFixed(1)} MB): ${Math.round(inPage)} ms from picked to ` +
        `shown in the page (${Date.now() - t0} ms with the test's upload of the file into the browser)`,
    );
    await removeAll(page);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
