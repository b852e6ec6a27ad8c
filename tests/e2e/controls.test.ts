// Browser tests of export controls: the controlled reason from a link, the measures panel and a measure's details,
// the controls scenario under both readings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { changeAndWait, count, downloadCsv, useApp } from './harness';

const app = useApp();

describe('export controls', () => {
  test('gallium 2024, only controlled flows: measure rows, drawn flows all covered, a measure’s details', async () => {
    const { page, w } = await app.open('?mineral=gallium&year=2024&reasons=controlled&risk=china');
    await waitReady(page);
    const rows = page.locator('[data-testid="measure"]');
    await rows.first().waitFor();
    const gaGe = rows.locator('xpath=self::*[@data-id="cn-2023-23-gallium-germanium"]');
    assert.equal(await gaGe.getAttribute('data-country'), 'CHN');
    assert.equal(await gaGe.getAttribute('data-in-force'), '2023-08-01');
    assert.match((await gaGe.getAttribute('data-minerals')) ?? '', /(^|,)gallium(,|$)/);
    // Newest first: in-force dates never increase down the list (undated rows last).
    const dates = (
      await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-in-force') ?? ''))
    ).filter(Boolean);
    assert.deepEqual(dates, [...dates].sort().reverse());
    for (const m of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-minerals') ?? '')))
      assert.match(m, /gallium/);
    // Only controlled flows are drawn: China's gallium exports (HS 811292, every destination) and nothing else.
    const drawn = await count(page, 'count-flows');
    assert.ok(drawn > 0, 'controlled flows are drawn');
    const { header, records } = await downloadCsv(page);
    const col = (name: string) => header.indexOf(name);
    const flows = records.filter((r) => r[0] === 'flow');
    assert.equal(flows.length, drawn);
    for (const f of flows) {
      assert.equal(f[col('exporter')], 'CHN');
      assert.match(f[col('china_risk_reasons')] ?? '', /controlled/);
      assert.match(f[col('export_controls')] ?? '', /cn-2023-23-gallium-germanium/);
    }
    // The legend says what "controlled" means; China is named as outlined.
    assert.match(await page.locator('[data-testid="legend-controls"]').innerText(), /in force on 2026-12-03/);
    // Open the Ga/Ge measure: details with dates, HS names, coverage, the monthly chart and its coverage text.
    await changeAndWait(page, () => gaGe.locator('button').click());
    const details = page.locator('[data-testid="measure-details"]');
    await details.waitFor();
    assert.match(await details.innerText(), /Announcement 2023 No\. 23/);
    assert.match(await details.innerText(), /HS 811292/);
    assert.match(
      await page.locator('[data-testid="measure-coverage"]').innerText(),
      /covers \d+ flows worth/,
    );
    await page.locator('[data-testid="measure-chart"] polyline').first().waitFor();
    assert.match(
      await page.locator('[data-testid="measure-chart-coverage"]').innerText(),
      /top 8 partners|partners/i,
    );
    await page.waitForFunction(() => location.search.includes('measure=cn-2023-23-gallium-germanium'));
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('the controls scenario: today’s measures cut China’s magnets; the flow-year reading does not (2024)', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&scenario=controls');
    await waitReady(page);
    const rows = page.locator('[data-testid="scenario-row"]');
    await rows.first().waitFor();
    const loss = async (iso3: string) =>
      Number(
        await page
          .locator(`[data-testid="scenario-row"][data-country="${iso3}"]`)
          .getAttribute('data-loss-share'),
      );
    // Counted by hand from the raw BACI 2024 rows (HS 850511): the share of each importer's magnet imports exported
    // by mainland China (CHN; Hong Kong's re-exports are not under China's export-control law).
    const expected: Record<string, number> = EXPECTED_TODAY;
    for (const [iso3, share] of Object.entries(expected)) {
      const got = await loss(iso3);
      assert.ok(Math.abs(got - share) < 1e-4, `${iso3}: ${got} vs ${share}`);
    }
    assert.match(await page.locator('[data-testid="scenario-controls-note"]').innerText(), /2026-12-03/);
    // The flow-year reading: the magnet measure (April 2025) was not in force in 2024, so nothing is lost.
    await changeAndWait(page, () =>
      page.locator('[data-testid="controls-reading"]').selectOption('flow-year'),
    );
    await page.waitForFunction(() => location.search.includes('controls=year'));
    for (const iso3 of Object.keys(expected)) assert.equal(await loss(iso3), 0);
    await page.close();
  });
});

const EXPECTED_TODAY: Record<string, number> = { USA: 0.744743, JPN: 0.275829, DEU: 0.82437, KOR: 0.874364 };
