// Browser tests from a hostile review: embeds stay embeds, notices fit, bad records and blocked workers are said
// plainly, and the shipped security policy (no inline styles) holds with zero violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { count, DIST, text, useApp } from './harness';

const app = useApp({ width: 1280, height: 720 });

/** Collect Content-Security-Policy violations reported in the page (and its frames). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('embeds stay embeds', () => {
  test('two embeds on a host page keep embed mode through clicks and reloads; Back leaves the page', async () => {
    const { page } = await app.open('', async (p) => {
      const host = (body: string) => ({ contentType: 'text/html', body });
      await p.route('**/host-start.html', (r) =>
        r.fulfill(host('<!doctype html><p>Before the article.</p>')),
      );
      await p.route('**/host-article.html', (r) =>
        r.fulfill(
          host(`<!doctype html><html><body style="margin:0">
            <iframe id="a" src="./?embed=1&view=-115.532,35.479,7&kind=mine" width="640" height="480" style="border:0"></iframe>
            <div style="height:1600px">Article text.</div>
            <iframe id="b" src="./?mineral=rare-earths&year=2024&embed=1&fit=1" width="400" height="300" style="border:0"></iframe>
            </body></html>`),
        ),
      );
    });
    await page.goto(`${app.server().url}host-start.html`);
    await page.goto(`${app.server().url}host-article.html`);
    const historyBefore = await page.evaluate(() => history.length);
    const frameA = page.frameLocator('#a');
    await frameA.locator('html[data-map-ready="true"]').waitFor({ timeout: 90_000 });
    // A click, a zoom and a pan inside the embed, then longer than the address bar's debounce.
    const box = await page.locator('#a').boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await frameA.locator('.maplibregl-ctrl-zoom-in').click();
    await page.mouse.move(box.x + 300, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 250, box.y + 150, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(3000);
    const a = page.frames().find((f) => f.url().includes('view=-115.532'));
    assert.ok(a, 'the embed keeps the address the host gave it');
    assert.match(a.url(), /embed=1/);
    assert.equal(
      await page.evaluate(() => history.length),
      historyBefore,
      'no history entries from the embed',
    );
    // A reload inside the iframe shows the embed again, not the full app.
    await a.evaluate(() => location.reload());
    await frameA.locator('html[data-map-ready="true"]').waitFor({ timeout: 90_000 });
    assert.equal(await frameA.locator('html.embed').count(), 1);
    assert.equal(await frameA.locator('#panel').isVisible(), false);
    // The second embed, below the fold, starts when scrolled to and keeps embed and fit.
    await page.locator('#b').scrollIntoViewIfNeeded();
    const frameB = page.frameLocator('#b');
    await frameB.locator('html[data-map-ready="true"]').waitFor({ timeout: 90_000 });
    await frameB.locator('.maplibregl-ctrl-zoom-in').click();
    await page.waitForTimeout(1000);
    const b = page.frames().find((f) => f.url().includes('fit=1'));
    assert.ok(b);
    assert.match(b.url(), /embed=1/);
    // The full-map link opens the embed's current view without embed mode.
    const full = (await frameB.locator('[data-testid="open-full-map"]').getAttribute('href')) ?? '';
    assert.doesNotMatch(full, /embed=1/);
    assert.match(full, /mineral=rare-earths/);
    await page.goBack();
    assert.match(page.url(), /host-start\.html$/);
    await page.close();
  });
});

describe('notices that fit', () => {
  test('2,000 bad values give one short notice with its close button on screen', async () => {
    const minerals = Array.from({ length: 2000 }, (_, i) => `m${i}`).join(',');
    const { page } = await app.open(`?mineral=${minerals}`);
    await waitReady(page);
    const notice = page.locator('[data-testid="notice"] .notice').first();
    const body = await notice.innerText();
    assert.match(body, /^Some settings in the link were ignored: unknown mineral "m0"/);
    assert.match(body, /1,997 more values of "mineral" ignored/);
    assert.ok(body.length < 400, `notice of ${body.length} characters`);
    const box = await page.locator('[data-testid="notice"]').boundingBox();
    const close = await notice.locator('button.close').boundingBox();
    assert.ok(box && close);
    assert.ok(box.height < 720 / 2, `notices ${box.height}px tall`);
    assert.ok(close.y >= 0 && close.y + close.height <= 720, 'close button on screen');
    // Beside the panel, never over its controls (the play button at 1280x720).
    const play = await page.locator('[data-testid="play"]').boundingBox();
    assert.ok(play);
    assert.ok(
      box.x >= play.x + play.width || box.y >= play.y + play.height,
      'notice clear of the play button',
    );
    await page.close();
  });
});

describe('bad data loses nothing', () => {
  test('one bad country is skipped with a notice naming it; the flows of the others are drawn', async () => {
    const file = JSON.parse(readFileSync(join(DIST, 'data/countries.json'), 'utf8')) as {
      countries: { iso3: string; anchor: unknown }[];
    };
    const bad = file.countries.find((c) => c.iso3 === 'VNM');
    assert.ok(bad);
    bad.anchor = null;
    const { page } = await app.open('?mineral=rare-earths&year=2024', async (p) => {
      await p.route('**/data/countries.json', (r) =>
        r.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }),
      );
    });
    await waitReady(page);
    assert.ok((await count(page, 'count-flows')) > 100);
    const notice = await text(page, 'notice');
    assert.match(
      notice,
      /invalid record\(s\) in data\/countries\.json were skipped \(VNM field "anchor" should be a list, not null\)/,
    );
    await page.close();
  });

  test('a policy that blocks the map worker is reported as what it is, with no uncaught errors', async () => {
    const errors: string[] = [];
    const { page } = await app.open('', async (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      await p.route('**/critical-minerals/', async (route) => {
        const res = await route.fetch();
        const headers = { ...res.headers(), 'content-security-policy': "require-trusted-types-for 'script'" };
        await route.fulfill({ response: res, headers });
      });
    });
    await page.waitForFunction(() => document.documentElement.dataset.mapError === 'start');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="count-sites"]')?.textContent) > 0,
    );
    const notice = await text(page, 'notice');
    assert.match(notice, /The map could not start \(its worker could not be created/);
    assert.doesNotMatch(notice, /WebGL/);
    assert.match(await page.locator('.counts').innerText(), /kept by the filters \(the map cannot be drawn/);
    await page.waitForTimeout(1500);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the shipped security policy', () => {
  test('no inline styles and no violations, no deck.gl warnings: main view, details, scenario, share dialog, embed, a measure', async () => {
    for (const query of [
      '',
      '?site=cur-mountain-pass',
      '?scenario=china-stop',
      '?embed=1&mineral=lithium',
      '?mineral=gallium&reasons=controlled&risk=china&measure=cn-2023-23-gallium-germanium',
      '?projects=1&project=prj-mp-10x-northlake&scenario=china-stop',
    ]) {
      const warnings: string[] = [];
      const { page } = await app.open(query, async (p) => {
        p.on('console', (m) => {
          if (m.type() === 'warning' && /deck|luma/i.test(m.text())) warnings.push(m.text());
        });
        await recordViolations(p);
      });
      await waitReady(page);
      if (query === '') {
        await page.locator('[data-testid="share-button"]').click();
        await page.locator('[data-testid="share-link"]').waitFor();
        await page.waitForTimeout(500);
      }
      if (query.includes('scenario')) await page.locator('[data-testid="scenario-row"]').first().waitFor();
      if (query.includes('measure=')) await page.locator('[data-testid="measure-chart"]').waitFor();
      if (query.includes('project=')) await page.locator('[data-testid="capacity-table"]').waitFor();
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(policy ?? '', /style-src 'self';/);
      assert.match(policy ?? '', /base-uri 'none'/);
      assert.match(policy ?? '', /form-action 'none'/);
      assert.match(policy ?? '', /object-src 'none'/);
      assert.deepEqual(await violations(page), [], `violations on "${query}"`);
      assert.deepEqual(warnings, [], `deck.gl warnings on "${query}"`);
      assert.equal((await page.locator('[style]').count()) >= 0, true);
      await page.close();
    }
  });
});
