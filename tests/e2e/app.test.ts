// Browser tests of the built app in real Chromium: readiness, real pixels, tooltips and details, safety, failures.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { countColours, waitReady } from './browser';
import { ROOT, sitesFile as readSites, text, useApp, type SiteFeature } from './harness';

const app = useApp();
const sitesFile = readSites();
const open = (query = '', setup?: (page: Page) => Promise<void>) => app.open(query, setup);

/** Screenshot of the map area right of the side panel, as PNG. */
const mapShot = (page: Page) => page.screenshot({ clip: { x: 350, y: 0, width: 930, height: 760 } });

describe('the map', () => {
  test('opens from a sub-path, reaches readiness with real data, no console errors, nothing off-origin', async () => {
    const { page, w } = await open();
    assert.ok(app.server().url.includes('/reports/critical-minerals/'), 'served under a sub-path');
    await waitReady(page);
    const expectedSites = sitesFile.features.filter((f) =>
      f.properties.minerals.includes('rare-earths'),
    ).length;
    assert.equal(Number(await text(page, 'count-sites')), expectedSites);
    const flows = Number(await text(page, 'count-flows'));
    assert.ok(flows > 50 && flows < 4415, `drawn flows ${flows} are the legible subset of 2024 magnet trade`);
    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.offOrigin, []);
    assert.match(await page.locator('.maplibregl-ctrl-scale').innerText(), /km/);
    assert.equal(await page.locator('[data-testid="reset-view"]').count(), 1);
    if (process.env.SCREENSHOT === '1')
      await page.screenshot({ path: join(ROOT, 'tests/screenshots/map.png') });
    await page.close();
  });

  test('really draws arcs and sites (pixels of their colours in the canvas)', async () => {
    const { page } = await open();
    await waitReady(page);
    const png = await mapShot(page);
    // Red arcs of China's dominant magnet exports; blue mine dots; grey deposit dots.
    const [red, blue, grey] = await countColours(
      page,
      png,
      [
        [160, 30, 45],
        [37, 99, 235],
        [120, 120, 130],
      ],
      45,
    );
    assert.ok((red ?? 0) > 2000, `arc pixels: ${red}`);
    assert.ok((blue ?? 0) > 100, `mine pixels: ${blue}`);
    assert.ok((grey ?? 0) > 100, `deposit pixels: ${grey}`);
    // The basemap (converted in MapLibre's worker): land and China in their colours.
    const [land, china] = await countColours(
      page,
      png,
      [
        [247, 245, 240],
        [244, 227, 227],
      ],
      3,
    );
    assert.ok((land ?? 0) > 20000, `land pixels: ${land}`);
    assert.ok((china ?? 0) > 2000, `China pixels: ${china}`);
    // Control: with a mineral that has no 2024 magnet trade drawn, the red arc pixels go away.
    const other = await open('?mineral=beryllium&year=2024');
    await waitReady(other.page);
    const [red2] = await countColours(other.page, await mapShot(other.page), [[160, 30, 45]], 45);
    assert.ok((red2 ?? 0) < (red ?? 0) / 4, `red pixels drop from ${red} to ${red2} without magnet arcs`);
    await page.close();
    await other.page.close();
  });

  test('readiness waits for the basemap even when its worker script arrives after the data are drawn', async () => {
    const { page } = await open('', async (p) => {
      await p.route('**/assets/basemap-worker-*.mjs', async (route) => {
        await new Promise((ok) => setTimeout(ok, 2500));
        await route.continue();
      });
    });
    await waitReady(page);
    const [land] = await countColours(page, await mapShot(page), [[247, 245, 240]], 3);
    assert.ok((land ?? 0) > 20000, `land pixels when ready: ${land}`);
    await page.close();
  });

  test('a map narrower than 300 px (an embed in a column) still draws and reports ready', async () => {
    const { page } = await open('?embed=1', (p) => p.setViewportSize({ width: 280, height: 420 }));
    await waitReady(page);
    const size = await page.evaluate(() => {
      const c = window.__cmm?.deckCanvas();
      return c ? [c.width, c.height, c.clientWidth] : null;
    });
    assert.ok(
      size && Math.abs((size[0] ?? 0) - (size[2] ?? 0)) <= 1,
      `deck.gl canvas ${JSON.stringify(size)}`,
    );
    await page.close();
  });

  test('the first frame with arcs and sites is drawn at the full canvas size, not small and stretched', async () => {
    // deck.gl's canvas starts at the default 300x150 and is sized after the next layout; a frame drawn before that
    // is shown stretched over the map (blurry) until the next one.
    const { page } = await open('', async (p) => {
      await p.addInitScript(() => {
        const seen: [number, number, number][] = [];
        (window as unknown as { __firstDraws: typeof seen }).__firstDraws = seen;
        const proto = WebGL2RenderingContext.prototype as unknown as Record<string, unknown>;
        for (const name of ['drawArraysInstanced', 'drawElementsInstanced']) {
          const original = proto[name] as (...a: unknown[]) => unknown;
          proto[name] = function (this: WebGL2RenderingContext, ...args: unknown[]) {
            const c = this.canvas as HTMLCanvasElement;
            if (!c.classList.contains('maplibregl-canvas') && seen.length < 4)
              seen.push([c.width, c.height, Math.round(c.clientWidth * devicePixelRatio)]);
            return original.apply(this, args);
          };
        }
      });
    });
    await waitReady(page);
    const draws = await page.evaluate(() => (window as unknown as { __firstDraws: number[][] }).__firstDraws);
    assert.ok(draws.length > 0, 'deck.gl drew instanced layers');
    for (const [width, height, cssWidth] of draws) {
      assert.ok(
        Math.abs((width ?? 0) - (cssWidth ?? 0)) <= 1,
        `drawn ${width}x${height}, canvas is ${cssWidth} px wide`,
      );
      assert.ok((height ?? 0) > 150, `drawn ${width}x${height}`);
    }
    await page.close();
  });

  test('hover shows a tooltip; click pins details with every field and the source', async () => {
    const site = sitesFile.features.find(
      (f) => /Mountain Pass/.test(f.properties.name) && f.properties.kind === 'mine',
    );
    assert.ok(site, 'Mountain Pass is in the data');
    const [lng, lat] = site.geometry.coordinates;
    const { page } = await open(`?mineral=rare-earths&view=${lng},${lat},9`);
    await waitReady(page);
    const box = await page.locator('#map').boundingBox();
    assert.ok(box);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx - 30, cy);
    await page.mouse.move(cx, cy);
    await page.waitForSelector('#tooltip:not([hidden])', { timeout: 15_000 });
    assert.match(await page.locator('#tooltip').innerText(), /Mountain Pass/);
    await page.mouse.click(cx, cy);
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    const d = await details.innerText();
    for (const field of [
      'Mountain Pass',
      'Minerals',
      'Country',
      'United States',
      'Status',
      'Location precision',
      'Vintage',
      'Sources',
      'U.S. Geological Survey',
    ]) {
      assert.ok(d.includes(field), `details show ${field}`);
    }
    await page.close();
  });

  test('an old (v1) flow link still pins the flow details with value, share, coverage and source', async () => {
    const { page } = await open('?v=1&mineral=rare-earths&year=2024&flow=2024-rare-earths-850511-CHN-DEU');
    await waitReady(page);
    const d = await page.locator('[data-testid="details"]').innerText();
    assert.match(d, /China → Germany/);
    assert.match(d, /HS 850511/);
    assert.match(d, /513,918,501 USD/);
    assert.match(d, /complete bilateral rows/);
    assert.match(d, /CEPII/);
    // The old (version 1) link was migrated: the address bar now holds the version 2 form.
    await page.waitForFunction(() => location.search.includes('v=2'));
    assert.match(page.url(), /flow=rare-earths-850511-CHN-DEU/);
    assert.doesNotMatch(page.url(), /flow=2024-/);
    await page.close();
  });

  test('text from data is rendered as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const at: [number, number] = [-140, 2];
    const { page, w } = await open(`?mineral=rare-earths&view=${at[0]},${at[1]},7`, async (p) => {
      await p.route('**/data/sites.geojson', (route) => {
        const fc = structuredClone(sitesFile);
        const first = fc.features[0] as SiteFeature;
        fc.features.push({
          ...first,
          geometry: { type: 'Point', coordinates: at },
          properties: { ...first.properties, id: 'xss-test', name: evil, minerals: ['rare-earths'] },
        });
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(fc) });
      });
    });
    await waitReady(page);
    const box = await page.locator('#map').boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    assert.equal(await details.locator('h2').innerText(), evil);
    assert.equal(await details.locator('img').count(), 0);
    assert.deepEqual(w.dialogs, []);
    await page.close();
  });
});

describe('bad input', () => {
  test('a missing flow file gives a plain message and the sites still show', async () => {
    const { page } = await open('', async (p) => {
      await p.route('**/data/flows-2024.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    });
    await waitReady(page);
    const notice = await text(page, 'notice');
    assert.match(notice, /flows-2024\.json could not be loaded \(HTTP 404\)/);
    assert.match(notice, /rest of the map still works/);
    assert.ok(Number(await text(page, 'count-sites')) > 100);
    assert.equal(await text(page, 'count-flows'), '0');
    await page.close();
  });

  test('a missing basemap (fetched in the map worker) gives a plain message and the data still show', async () => {
    const { page } = await open('', async (p) => {
      await p.route('**/data/basemap.topo.json', (route) =>
        route.fulfill({ status: 404, body: 'not found' }),
      );
    });
    await waitReady(page);
    const notice = await text(page, 'notice');
    assert.match(notice, /basemap file data\/basemap\.topo\.json could not be loaded \(HTTP 404\)/);
    assert.match(notice, /rest of the map still works/);
    assert.ok(Number(await text(page, 'count-sites')) > 100);
    assert.ok(Number(await text(page, 'count-flows')) > 0);
    const [land] = await countColours(page, await mapShot(page), [[247, 245, 240]], 3);
    assert.ok((land ?? 0) < 500, `no land drawn without the basemap: ${land}`);
    await page.close();
  });

  test('a malformed feature is reported by id and the valid rest is drawn', async () => {
    const { page } = await open('', async (p) => {
      await p.route('**/data/sites.geojson', (route) => {
        const fc = structuredClone(sitesFile);
        const bad = fc.features.find((f) => f.properties.minerals.includes('rare-earths')) as SiteFeature;
        bad.geometry.coordinates = [999, 999];
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(fc) });
      });
    });
    await waitReady(page);
    const notice = await text(page, 'notice');
    assert.match(notice, /1 invalid record\(s\) in data\/sites\.geojson were skipped/);
    const expected =
      sitesFile.features.filter((f) => f.properties.minerals.includes('rare-earths')).length - 1;
    assert.equal(Number(await text(page, 'count-sites')), expected);
    await page.close();
  });

  test('without WebGL2 the page says so and the panels still work', async () => {
    const { page } = await open('', async (p) => {
      await p.addInitScript(() => {
        const orig = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          type: string,
          ...rest: unknown[]
        ) {
          if (type === 'webgl2' || type === 'webgl') return null;
          return (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof orig;
      });
    });
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="count-sites"]')?.textContent ?? 0) > 0,
    );
    assert.match(await text(page, 'notice'), /could not start WebGL2/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.mapError), 'webgl');
    await page.close();
  });

  test('a garbled link opens the map with a notice saying what was ignored', async () => {
    const { page } = await open('?mineral=unobtainium&year=1999&view=abc&risk=%3Cscript%3E&zzz=1');
    await waitReady(page);
    const notice = await text(page, 'notice');
    assert.match(notice, /unknown mineral "unobtainium"/);
    assert.match(notice, /year 1999 is outside 2018-2024/);
    assert.match(notice, /view "abc" is not lng,lat,zoom/);
    assert.match(notice, /unknown setting "zzz"/);
    assert.equal(await page.locator('[data-testid="notice"] script').count(), 0);
    assert.ok(Number(await text(page, 'count-sites')) > 0);
    await page.close();
  });
});
