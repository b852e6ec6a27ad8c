// Browser tests of the rare-earth chain: each product from the product filter (flows, coverage, CSV, link), a
// compounds flow's details, and the stage view (figures follow the year and the filters; drawn into the PNG).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { countColours, waitReady } from './browser';
import type { Page } from 'playwright-core';
import { changeAndWait, count, downloadCsv, text, useApp } from './harness';

const app = useApp();

/** The drawn flows of the CSV download (the coverage column holds commas: parsed as RFC 4180). */
async function csvFlows(page: Page): Promise<{ importer: string; hs: string; coverage: string }[]> {
  const { header, records } = await downloadCsv(page);
  const at = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
  return records
    .filter((r) => r[0] === 'flow')
    .map((r) => ({
      importer: at(r, 'importer'),
      hs: at(r, 'hs'),
      coverage: at(r, 'coverage').startsWith('As reported by the United States')
        ? 'us-imports'
        : at(r, 'coverage'),
    }));
}

describe('rare-earth products', () => {
  test('each product from the filter: its flows, coverage in the year line, legend and CSV, kept in the link', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    const fieldset = page.locator('[data-testid="product-filter"]');
    await fieldset.waitFor({ state: 'visible' });
    assert.equal(await page.locator('[data-testid="product-magnets"]').isChecked(), true);
    const magnets = await count(page, 'count-flows');
    const cases = [
      { product: 'compounds', hs: ['284610', '284690'], us: true },
      { product: 'metals', hs: ['280530'], us: true },
      { product: 'all', hs: ['850511', '284610', '284690', '280530'], us: false },
      { product: 'magnets', hs: ['850511'], us: false },
    ];
    for (const c of cases) {
      await changeAndWait(page, () => page.locator(`[data-testid="product-${c.product}"]`).check());
      const drawn = await count(page, 'count-flows');
      assert.ok(drawn > 0, `${c.product}: flows drawn`);
      if (c.product === 'magnets') assert.equal(drawn, magnets, 'back to magnets: the same flows');
      await page.waitForFunction(
        (p) =>
          p === 'magnets' ? !location.search.includes('product=') : location.search.includes(`product=${p}`),
        c.product,
      );
      const coverage = await text(page, 'year-coverage');
      if (c.us) assert.match(coverage, /as reported by United States, imports only/);
      else if (c.product === 'magnets') assert.doesNotMatch(coverage, /imports only/);
      else assert.match(coverage, /mix the two coverages/);
      const rows = await csvFlows(page);
      assert.equal(rows.length, drawn, `${c.product}: the CSV has every drawn flow`);
      for (const r of rows) {
        assert.ok(c.hs.includes(r.hs), `${c.product}: HS ${r.hs} is one of ${c.hs.join(', ')}`);
        if (r.hs !== '850511') {
          assert.equal(r.importer, 'USA');
          assert.equal(r.coverage, 'us-imports');
        }
      }
      if (c.product === 'all')
        assert.ok(new Set(rows.map((r) => r.hs)).size > 1, 'all: more than one product drawn');
    }
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('a compounds flow from a link: details state the coverage and cite UN Comtrade', async () => {
    const { page, w } = await app.open(
      '?mineral=rare-earths&year=2024&product=compounds&flow=rare-earths-284690-CHN-USA',
    );
    await waitReady(page);
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ state: 'visible' });
    assert.match(
      await page.locator('[data-testid="flow-coverage"]').innerText(),
      /As reported by the United States, imports only/,
    );
    const d = await details.innerText();
    assert.match(d, /HS 284690/);
    assert.match(d, /share of United States imports/);
    assert.match(d, /UN Comtrade \(United States as reporter\)/);
    assert.match(await text(page, 'legend'), /imports only \(not world trade\)/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});

describe('stage view', () => {
  test('rare earths stage by stage: figures follow the year and the filters, and go into the PNG', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    const stages = page.locator('[data-testid="stage"]');
    await stages.first().waitFor();
    const attr = (stage: string, name: string) =>
      page.locator(`[data-testid="stage"][data-stage="${stage}"]`).getAttribute(name);
    assert.deepEqual(await stages.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage'))), [
      'mining',
      'refining',
      'metal',
      'component',
    ]);
    // Mining 2024 is the USGS table of that year; China leads it.
    assert.equal(await attr('mining', 'data-year'), '2024');
    assert.ok(Number(await attr('mining', 'data-china')) > 0.5);
    assert.match((await attr('mining', 'aria-label')) ?? '', /U\.S\. Geological Survey/);
    // No cited figure for rare-earth metal: said, not invented.
    assert.equal(await attr('metal', 'data-china'), '');
    assert.match(
      await page.locator('[data-testid="stage"][data-stage="metal"]').innerText(),
      /No cited figure up to 2024/,
    );
    // Magnets: a cited figure, with its year and source.
    assert.ok(Number(await attr('component', 'data-year')) <= 2024);
    assert.ok(Number(await attr('component', 'data-china')) >= 0.9);
    // The year slider moves the figures: 2021 has its own USGS mining table.
    await changeAndWait(page, async () => {
      await page.locator('[data-testid="year-slider"]').focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    });
    assert.equal(await text(page, 'year-label'), '2021');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="stage"][data-stage="mining"]')?.getAttribute('data-year') ===
        '2021',
    );
    // The filters move the plant counts: without the magnet kind no magnet plant is counted.
    const plants = () =>
      page.locator('[data-testid="stage"][data-stage="component"] [data-testid="stage-plants"]').innerText();
    assert.match(await plants(), /^[1-9]\d* plants on the map$/);
    await page.locator('details:has(> summary:text("Site kinds and statuses"))').evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    await changeAndWait(page, () => page.locator('[data-testid="kind-magnet"]').uncheck());
    await page.waitForFunction(() =>
      /^0 plants/.test(
        document.querySelector('[data-testid="stage"][data-stage="component"] [data-testid="stage-plants"]')
          ?.textContent ?? '',
      ),
    );
    // The PNG: the stage box's dark text at the top right, present while the stage view shows, gone when hidden.
    const pngDarkPixels = async () => {
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="export-png"]').click(),
      ]);
      const png = readFileSync(await dl.path());
      // The box's area: the right 30% of the image, below the title bar.
      const width = png.readUInt32BE(16);
      const box = { x: Math.round(width * 0.7) - 12, y: 50, width: Math.round(width * 0.3), height: 100 };
      const [dark] = await countColours(page, png, [[31, 41, 51]], 30, box);
      return dark ?? 0;
    };
    const shown = await pngDarkPixels();
    await page.locator('[data-testid="stage-view"]').evaluate((e) => ((e as HTMLElement).hidden = true));
    const hidden = await pngDarkPixels();
    assert.ok(
      shown > 150 && shown > 5 * hidden,
      `stage text in the PNG: ${shown} dark pixels vs ${hidden} without`,
    );
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
