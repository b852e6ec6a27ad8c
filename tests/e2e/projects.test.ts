// Browser tests of the allied build-out: the projects layer from a link, a project's details, the capacity table, and
// stockpile cover in a china-stop scenario.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { changeAndWait, mapShot, pixelDiff, useApp } from './harness';

const app = useApp();

describe('projects and stockpiles', () => {
  test('projects=1 with filters from the link: rows, the layer on the map, a project’s details, capacity', async () => {
    const { page, w } = await app.open(
      '?mineral=rare-earths&year=2024&view=-98,38,3.5&projects=1&pgov=USA&pstage=construction,operating,commissioning',
    );
    await waitReady(page);
    const rows = page.locator('[data-testid="project"]');
    await rows.first().waitFor();
    const n = await rows.count();
    assert.ok(n >= 3, `projects kept: ${n}`);
    for (const r of await rows.evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute('data-stage'),
        e.getAttribute('data-country'),
        e.getAttribute('data-start-year'),
      ]),
    )) {
      assert.ok(['construction', 'operating', 'commissioning'].includes(r[0] ?? ''), `stage ${r[0]}`);
      assert.match(r[1] ?? '', /^[A-Z]{3}$/);
      assert.match(r[2] ?? '', /^(\d{4})?$/);
    }
    // The layer is drawn: the map differs from the same view without projects.
    const shot = await mapShot(page);
    const plain = await app.open('?mineral=rare-earths&year=2024&view=-98,38,3.5');
    await waitReady(plain.page);
    assert.ok((await pixelDiff(page, shot, await mapShot(plain.page))) > 0.001, 'project rings on the map');
    await plain.page.close();
    // Open MP Materials' 10X magnet campus: support table, permit line, sources.
    const tenX = page.locator('[data-testid="project"][data-id="prj-mp-10x-northlake"]');
    await changeAndWait(page, () => tenX.locator('button').click());
    const details = page.locator('[data-testid="project-details"]');
    await details.waitFor();
    assert.match(await details.innerText(), /Northlake/);
    assert.ok((await page.locator('[data-testid="project-support"] tbody tr').count()) >= 1);
    assert.match(await page.locator('[data-testid="project-permit"]').innerText(), /Permit:/);
    await page.waitForFunction(() => location.search.includes('project=prj-mp-10x-northlake'));
    // The capacity table: magnets by country, years 2026-2030, totals that never fall.
    const table = page.locator('[data-testid="capacity-table"]');
    await table.waitFor();
    const head = await table.locator('thead th').allInnerTexts();
    assert.deepEqual(head.slice(1), ['2026', '2027', '2028', '2029', '2030']);
    const totals = (await page.locator('[data-testid="capacity-total"]').allInnerTexts()).map((t) =>
      Number(t.replace(/,/g, '')),
    );
    assert.equal(totals.length, 5);
    for (let i = 1; i < totals.length; i++) assert.ok((totals[i] ?? 0) >= (totals[i - 1] ?? 0), `${totals}`);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('stockpile cells for Japan and the United States in a china-stop scenario, kept in the link', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&scenario=china-stop&stock=3');
    await waitReady(page);
    const cell = (iso3: string) => page.locator(`[data-testid="stockpile"][data-country="${iso3}"]`);
    await cell('JPN').waitFor();
    for (const iso3 of ['JPN', 'USA']) {
      const tonnes = Number(await cell(iso3).getAttribute('data-tonnes'));
      const usd = Number(await cell(iso3).getAttribute('data-usd'));
      assert.ok(tonnes > 0, `${iso3} tonnes ${tonnes}`);
      // Three months of the lost value: a quarter of the year's lost imports.
      const row = page.locator(`[data-testid="scenario-row"][data-country="${iso3}"]`);
      assert.ok((await row.count()) === 1);
      assert.ok(usd > 0);
    }
    // Twelve months need four times as much as three.
    const jpn3 = Number(await cell('JPN').getAttribute('data-usd'));
    await changeAndWait(page, () =>
      page
        .locator('[data-testid="stock-months"]')
        .fill('12')
        .then(() => page.locator('[data-testid="stock-months"]').dispatchEvent('change')),
    );
    await page.waitForFunction(() => location.search.includes('stock=12'));
    const jpn12 = Number(await cell('JPN').getAttribute('data-usd'));
    assert.ok(Math.abs(jpn12 - 4 * jpn3) < 0.05, `${jpn12} vs 4 x ${jpn3}`);
    await page.close();
  });
});
