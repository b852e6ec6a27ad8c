// Browser tests of supply-shock scenarios and the allied-supply view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { changeAndWait, mapShot, pixelDiff, useApp } from './harness';

const app = useApp();

describe('scenarios', () => {
  test('china-stop from a link: plausible losses for the big magnet importers, map filled, CSV, sorting', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&scenario=china-stop');
    await waitReady(page);
    const rows = page.locator('[data-testid="scenario-row"]');
    const loss = async (iso3: string) =>
      Number(await rows.locator(`xpath=self::*[@data-country="${iso3}"]`).getAttribute('data-loss-share'));
    // Expected values counted by hand from the raw BACI 2024 rows (HS 850511, China = CHN + HKG + MAC).
    const expected: Record<string, number> = { USA: 0.744908, JPN: 0.275902, DEU: 0.826493, KOR: 0.874404 };
    for (const [iso3, share] of Object.entries(expected)) {
      const got = await loss(iso3);
      assert.ok(Math.abs(got - share) < 1e-4, `${iso3}: ${got} vs ${share}`);
    }
    assert.ok((await rows.count()) > 50);
    // The map shows the choropleth: compare with the same view without a scenario.
    const shot = await mapShot(page);
    const plain = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(plain.page);
    assert.ok(
      (await pixelDiff(page, shot, await mapShot(plain.page))) > 0.05,
      'importers are filled by share lost',
    );
    await plain.page.close();
    // Sort by importer name, then download the results.
    await page.locator('[data-sort="country"]').click();
    const first = await rows.first().getAttribute('data-country');
    assert.equal(first, 'AFG');
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="scenario-csv"]').click(),
    ]);
    const csv = readFileSync(await dl.path(), 'utf8')
      .trim()
      .split('\r\n');
    assert.equal(csv.length - 1, await rows.count());
    assert.match(dl.suggestedFilename(), /china-stop_scenario\.csv$/);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('choosing a custom shock in the panel updates rows and the link', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    await changeAndWait(page, () => page.locator('[data-testid="scenario-select"]').selectOption('custom'));
    await changeAndWait(page, () => page.locator('[data-testid="stop-JPN"]').check());
    const usa = Number(
      await page.locator('[data-testid="scenario-row"][data-country="USA"]').getAttribute('data-loss-share'),
    );
    assert.ok(usa > 0.01 && usa < 0.5, `USA loses Japan's share: ${usa}`);
    await page.waitForFunction(
      () => location.search.includes('scenario=custom') && location.search.includes('stop=JPN'),
    );
    await page.close();
  });

  test('allied supply: partner shares from partners, China and others, and the bloc next to China', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&allies=us-japan');
    await waitReady(page);
    await page.waitForSelector('[data-testid="bloc-table"]');
    const usa = page.locator('[data-testid="allies-row"][data-country="USA"]');
    assert.match(await usa.innerText(), /United States/);
    const cells = await usa.locator('td').allInnerTexts();
    assert.equal(cells.length, 4);
    const pct = cells.slice(1).map((c) => Number(c.replace('%', '')));
    assert.ok(
      Math.abs(pct.reduce((a, b) => a + b, 0) - 100) < 1.5,
      `shares add up to 100%: ${pct.join(', ')}`,
    );
    assert.ok((pct[1] ?? 0) > 60, `US magnet imports mostly from China: ${pct[1]}%`);
    assert.match(await page.locator('[data-testid="bloc-table"]').innerText(), /mining 2024/);
    await changeAndWait(page, () => page.locator('[data-testid="allies-preset"]').selectOption('msp'));
    assert.ok((await page.locator('[data-testid="allies-row"]').count()) > 5);
    await page.close();
  });
});
