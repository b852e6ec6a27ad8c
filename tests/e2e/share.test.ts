// Browser tests of share links, back/forward, embed mode and exports (PNG, CSV, GeoJSON).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { countColours, waitReady } from './browser';
import { changeAndWait, count, mapShot, pixelDiff, text, useApp } from './harness';

const app = useApp();

async function legendText(page: Page) {
  return text(page, 'legend');
}

describe('share links', () => {
  test('a link reopens the same view: counts, legend, and the image within a small tolerance', async () => {
    const query =
      '?mineral=rare-earths,cobalt&year=2022&risk=china&focus=JPN&role=importer&color=importer&view=120,20,2.2';
    const a = await app.open(query);
    await waitReady(a.page);
    // The address bar is written after a debounce: wait for it (a fixed sleep was flaky on a busy machine).
    await a.page.waitForFunction(() => location.search.includes('v=2'));
    const link = a.page.url();
    assert.match(link, /v=2/);
    const sitesA = await count(a.page, 'count-sites');
    const flowsA = await count(a.page, 'count-flows');
    const legendA = await legendText(a.page);
    const shotA = await mapShot(a.page);
    const b = await app.open(link.slice(link.indexOf('?')));
    await waitReady(b.page);
    assert.equal(await count(b.page, 'count-sites'), sitesA);
    assert.equal(await count(b.page, 'count-flows'), flowsA);
    assert.equal(await legendText(b.page), legendA);
    const diff = await pixelDiff(b.page, shotA, await mapShot(b.page));
    assert.ok(diff < 0.01, `reopened image differs in ${(diff * 100).toFixed(2)}% of pixels`);
    await a.page.close();
    await b.page.close();
  });

  test('back and forward restore the previous views', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    const flows2024 = await count(page, 'count-flows');
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').check());
    const withLithium = await count(page, 'count-flows');
    await page.waitForURL(/mineral=rare-earths,lithium/, { timeout: 10_000 });
    await changeAndWait(page, () => page.locator('[data-testid="focus-select"]').selectOption('CHN'));
    const focused = await count(page, 'count-flows');
    // The address bar is written once the page is quiet: each view is its own Back step once written.
    await page.waitForURL(/focus=CHN/, { timeout: 10_000 });
    await changeAndWait(page, () => page.goBack());
    assert.equal(await count(page, 'count-flows'), withLithium);
    assert.equal(await page.locator('[data-testid="focus-select"]').inputValue(), '');
    await changeAndWait(page, () => page.goBack());
    assert.equal(await count(page, 'count-flows'), flows2024);
    assert.equal(await page.locator('[data-testid="mineral-lithium"]').isChecked(), false);
    await changeAndWait(page, () => page.goForward());
    assert.equal(await count(page, 'count-flows'), withLithium);
    await changeAndWait(page, () => page.goForward());
    assert.equal(await count(page, 'count-flows'), focused);
    await page.close();
  });

  test('the share dialog gives a link, an iframe snippet and a live preview', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&risk=no-china');
    await waitReady(page);
    await page.locator('[data-testid="share-button"]').click();
    const link = await page.locator('[data-testid="share-link"]').inputValue();
    assert.match(
      link,
      /^http:\/\/127\.0\.0\.1:\d+\/reports\/critical-minerals\/\?v=2&mineral=rare-earths&year=2024&risk=no-china.*&view=/,
    );
    await page.locator('[data-testid="share-fit"]').check();
    const fitted = await page.locator('[data-testid="share-link"]').inputValue();
    assert.match(fitted, /fit=1/);
    assert.doesNotMatch(fitted, /view=/);
    await page.locator('[data-testid="embed-size"]').selectOption('small');
    const snippet = await page.locator('[data-testid="embed-snippet"]').inputValue();
    assert.match(snippet, /^<iframe src="[^"]*embed=1[^"]*" width="400" height="300"/);
    const frame = page.frameLocator('[data-testid="embed-preview"]');
    await frame.locator('html[data-map-ready="true"]').waitFor({ timeout: 90_000 });
    assert.equal(await frame.locator('#panel').isVisible(), false);
    await page.close();
  });
});

describe('embed mode', () => {
  test('inside an iframe at 400x300: no panels, title, legend, attribution, link, still interactive; starts when scrolled into view', async () => {
    const { page, w } = await app.open('', async (p) => {
      await p.route('**/embed-test.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html><body style="margin:0">
            <div style="height:1500px">Report text above the map.</div>
            <iframe id="embed" src="./?mineral=rare-earths&year=2024&risk=china&embed=1&fit=1" width="400" height="300" style="border:0"></iframe>
            </body></html>`,
        }),
      );
    });
    await page.goto(`${app.server().url}embed-test.html`);
    const frame = page.frameLocator('#embed');
    // Below the fold: the embed has not started WebGL yet.
    await frame.locator('html[data-map-deferred="true"]').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('canvas').count(), 0);
    await page.locator('#embed').scrollIntoViewIfNeeded();
    await frame.locator('html[data-map-ready="true"]').waitFor({ timeout: 90_000 });
    assert.equal(await frame.locator('#panel').isVisible(), false);
    assert.match(
      await frame.locator('[data-testid="embed-title"]').innerText(),
      /Rare earths: trade 2024, China-exposed routes only/,
    );
    assert.match(await frame.locator('[data-testid="embed-bar"]').innerText(), /USGS/);
    assert.match(
      (await frame.locator('[data-testid="open-full-map"]').getAttribute('href')) ?? '',
      /risk=china/,
    );
    assert.doesNotMatch(
      (await frame.locator('[data-testid="open-full-map"]').getAttribute('href')) ?? '',
      /embed=1/,
    );
    assert.equal(await frame.locator('[data-testid="embed-legend"]').isVisible(), true);
    // Still interactive: zoom in with the control.
    await frame.locator('.maplibregl-ctrl-zoom-in').click();
    assert.deepEqual(w.offOrigin, []);
    await page.close();
  });
});

describe('exports', () => {
  test('PNG: a non-empty image of the requested size with the legend drawn in, at 1x and 2x', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    const size = await page.evaluate(() => {
      const m = document.querySelector('#map') as HTMLElement;
      return { w: m.clientWidth, h: m.clientHeight };
    });
    for (const ratio of ['1', '2']) {
      await page.locator('[data-testid="png-ratio"]').selectOption(ratio);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.locator('[data-testid="export-png"]').click(),
      ]);
      assert.match(
        download.suggestedFilename(),
        new RegExp(`^critical-minerals_rare-earths_2024_all-routes@${ratio}x\\.png$`),
      );
      const png = readFileSync(await download.path());
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.equal(png.readUInt32BE(16), size.w * Number(ratio));
      assert.equal(png.readUInt32BE(20), size.h * Number(ratio));
      // The legend's share ramp (its darkest stop) and the arcs are in the image, not a blank canvas.
      const [rampDark, arcRed] = await countColours(
        page,
        png,
        [
          [120, 0, 60],
          [160, 30, 45],
        ],
        30,
      );
      assert.ok((rampDark ?? 0) > 20 * Number(ratio), `legend ramp pixels: ${rampDark}`);
      assert.ok((arcRed ?? 0) > 500, `arc pixels: ${arcRed}`);
    }
    await page.close();
  });

  test('CSV and GeoJSON hold exactly the visible sites and flows, with sources, named after the view', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&risk=china');
    await waitReady(page);
    const sites = await count(page, 'count-sites');
    const flows = await count(page, 'count-flows');
    const [csvDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download-csv"]').click(),
    ]);
    assert.equal(csvDl.suggestedFilename(), 'critical-minerals_rare-earths_2024_china-exposed.csv');
    const lines = readFileSync(await csvDl.path(), 'utf8')
      .trim()
      .split('\r\n');
    assert.match(lines[0] ?? '', /^record_type,id,name,.*,sources$/);
    assert.equal(lines.filter((l) => l.startsWith('site,')).length, sites);
    assert.equal(lines.filter((l) => l.startsWith('flow,')).length, flows);
    assert.ok(lines.filter((l) => l.startsWith('flow,')).every((l) => /CEPII/.test(l)));
    const [geoDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download-geojson"]').click(),
    ]);
    const fc = JSON.parse(readFileSync(await geoDl.path(), 'utf8')) as {
      features: { properties: { record_type: string; id: string | null } }[];
    };
    assert.equal(fc.features.filter((f) => f.properties.record_type === 'site').length, sites);
    assert.equal(fc.features.filter((f) => f.properties.record_type === 'flow').length, flows);
    // The GeoJSON carries the CSV's columns: every feature has its id (flow ids were lost once).
    const csvIds = lines.slice(1).map((l) => l.split(',')[1]);
    assert.deepEqual(
      fc.features.map((f) => f.properties.id),
      csvIds,
    );
    await page.close();
  });
});
