// Browser tests of the filters: each one changes what is drawn and the counts; legend and chart follow; risk reasons show.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { changeAndWait, count, mapShot, pixelDiff, text, useApp } from './harness';

const app = useApp();

describe('filters', () => {
  test('each filter changes the counts and the pixels drawn', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    const sites0 = await count(page, 'count-sites');
    const flows0 = await count(page, 'count-flows');
    const shot0 = await mapShot(page);

    // Mineral: adding lithium adds sites and flows.
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').check());
    assert.ok((await count(page, 'count-sites')) > sites0, 'lithium adds sites');
    // Drawn flows change (the 95%-of-value cut is recomputed over both minerals, so the number may go either way).
    assert.notEqual(await count(page, 'count-flows'), flows0, 'lithium changes the flows drawn');
    assert.ok((await pixelDiff(page, shot0, await mapShot(page))) > 0.002, 'the map changed');
    await page.waitForURL(/mineral=rare-earths,lithium/, { timeout: 10_000 });
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').uncheck());
    assert.equal(await count(page, 'count-sites'), sites0);

    // Site kind: hiding deposits removes sites, not flows.
    await page.locator('summary', { hasText: 'Site kinds' }).click();
    await changeAndWait(page, () => page.locator('[data-testid="kind-deposit"]').uncheck());
    const withoutDeposits = await count(page, 'count-sites');
    assert.ok(
      withoutDeposits < sites0 && withoutDeposits > 0,
      `deposits hidden: ${withoutDeposits} < ${sites0}`,
    );
    assert.equal(await count(page, 'count-flows'), flows0);
    assert.match(await text(page, 'legend'), /Hidden kinds: Deposit/);

    // Status: only operating sites.
    for (const st of ['construction', 'planned', 'care-and-maintenance', 'closed', 'historic', 'unknown']) {
      await page.locator(`[data-testid="status-${st}"]`).uncheck();
    }
    await waitReady(page);
    const operating = await count(page, 'count-sites');
    assert.ok(operating > 0 && operating < withoutDeposits, `operating only: ${operating}`);

    // Reset restores the defaults.
    await changeAndWait(page, () => page.locator('[data-testid="reset-filters"]').click());
    assert.equal(await count(page, 'count-sites'), sites0);

    // Year: 2018 (top partners only) draws a different set.
    await changeAndWait(page, async () => {
      await page.locator('[data-testid="year-slider"]').focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    });
    assert.equal(await text(page, 'year-label'), '2018');
    assert.match(await text(page, 'year-coverage'), /top partners per country only/);
    assert.notEqual(await count(page, 'count-flows'), flows0);
    await page.waitForURL(/year=2018/, { timeout: 10_000 });
    await changeAndWait(page, async () => {
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    });
    assert.equal(await count(page, 'count-flows'), flows0);

    // Country focus: Japan as importer keeps only flows into Japan.
    await changeAndWait(page, () => page.locator('[data-testid="focus-select"]').selectOption('JPN'));
    await changeAndWait(page, () => page.locator('[data-testid="role-select"]').selectOption('importer'));
    const intoJapan = await count(page, 'count-flows');
    assert.ok(intoJapan > 0 && intoJapan < flows0, `flows into Japan: ${intoJapan}`);
    const state = await page.evaluate(() => window.__cmm?.state().filters);
    assert.equal(state?.focus, 'JPN');
    await changeAndWait(page, () => page.locator('[data-testid="focus-select"]').selectOption(''));

    // Minimum value: $10 M or more.
    await changeAndWait(page, () => page.locator('[data-testid="min-select"]').selectOption('10000000'));
    const big = await count(page, 'count-flows');
    assert.ok(big > 0 && big < flows0, `flows of $10 M or more: ${big}`);
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });

  test('risk=china plus risk=no-china add up to risk=all, and the map changes', async () => {
    const n: Record<string, number> = {};
    const shots: Record<string, Buffer> = {};
    let last = null as Awaited<ReturnType<typeof app.open>> | null;
    for (const risk of ['all', 'china', 'no-china']) {
      const o = await app.open(`?mineral=rare-earths&year=2024&risk=${risk}&min=1000000&all=1`);
      await waitReady(o.page);
      n[risk] = await count(o.page, 'count-flows');
      shots[risk] = await mapShot(o.page);
      assert.match(
        await text(o.page, 'legend-risk'),
        risk === 'all' ? /All routes/ : risk === 'china' ? /Only flows with: Origin/ : /none of/,
      );
      if (last) await last.page.close();
      last = o;
    }
    assert.ok((n.china ?? 0) > 0 && (n['no-china'] ?? 0) > 0);
    assert.equal((n.china ?? 0) + (n['no-china'] ?? 0), n.all);
    assert.ok(last);
    assert.ok((await pixelDiff(last.page, shots.china as Buffer, shots['no-china'] as Buffer)) > 0.002);
    // A reason toggle: only the transit reason counts.
    await changeAndWait(last.page, async () => {
      await last.page.locator('[data-testid="risk-china"]').check();
    });
    const anyReason = await count(last.page, 'count-flows');
    for (const r of ['origin', 'destination', 'south-china-sea'])
      await last.page.locator(`[data-testid="reason-${r}"]`).uncheck();
    await waitReady(last.page);
    const transitOnly = await count(last.page, 'count-flows');
    assert.ok(
      transitOnly > 0 && transitOnly < anyReason,
      `transit only ${transitOnly} < any reason ${anyReason}`,
    );
    // The address bar follows fine-tuning after a short debounce (src/url/sync.ts).
    await last.page.waitForURL(/reasons=transit(&|$)/, { timeout: 5000 });
    await last.page.close();
  });

  test('the legend and the chart follow the filters', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    await page.waitForSelector('[data-testid="china-refining"]');
    assert.match(await text(page, 'share-chart'), /Who supplies rare earths/);
    assert.match(await text(page, 'china-refining'), /China's share of world refining: \d+%/);
    assert.match(await text(page, 'share-chart'), /Mining 2024[\s\S]*China/);
    await page.locator('summary', { hasText: 'Display' }).click();
    await changeAndWait(page, () => page.locator('[data-testid="colorBy-importer-dependence"]').check());
    assert.match(await text(page, 'legend-colour-title'), /importer's dependence/);
    await changeAndWait(page, () => page.locator('[data-testid="widthBy-tonnes"]').check());
    assert.match(await text(page, 'legend'), /quantity \(tonnes/);
    await changeAndWait(page, async () => {
      await page.locator('[data-testid="mineral-cobalt"]').check();
      await page.locator('[data-testid="mineral-rare-earths"]').uncheck();
    });
    assert.match(await text(page, 'share-chart'), /Who supplies cobalt/);
    await page.waitForURL(/color=importer.*width=tonnes|width=tonnes.*color=importer/, { timeout: 5000 });
    await page.close();
  });

  test("a flow's details list its risk reasons and sea route", async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&flow=rare-earths-850511-CHN-DEU');
    await waitReady(page);
    const reasons = page.locator('[data-testid="risk-reasons"] li');
    assert.deepEqual(await reasons.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.reason)), [
      'origin',
      'transit',
      'south-china-sea',
      'controlled',
    ]);
    // Controlled today by China's April 2025 measure on medium and heavy rare earths (magnets included), named.
    await page
      .locator('[data-testid="flow-controls"] [data-measure="cn-2025-18-medium-heavy-rare-earths"]')
      .waitFor();
    await page.waitForFunction(() =>
      /Sea route Shanghai → Hamburg/.test(
        document.querySelector('[data-testid="details"]')?.textContent ?? '',
      ),
    );
    const other = await app.open('?mineral=rare-earths&year=2024&flow=rare-earths-850511-DEU-USA');
    await waitReady(other.page);
    assert.deepEqual(
      await other.page
        .locator('[data-testid="risk-reasons"] li')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.reason)),
      ['none'],
    );
    await page.close();
    await other.page.close();
  });

  test('the names over the map follow a filter change as a fresh page draws them', async () => {
    const names = (page: import('playwright-core').Page) =>
      page.$$eval('.map-labels span', (spans) => spans.map((s) => s.textContent ?? '').sort());
    const { page, w } = await app.open('?mineral=rare-earths&year=2024');
    await waitReady(page);
    const before = await names(page);
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').check());
    const after = await names(page);
    assert.notDeepEqual(after, before, 'lithium names other countries');
    assert.equal(new Set(after).size, after.length, 'no name twice');
    await page.waitForURL(/mineral=rare-earths,lithium/, { timeout: 10_000 });
    const fresh = await app.open(new URL(page.url()).search);
    await waitReady(fresh.page);
    assert.deepEqual(after, await names(fresh.page));
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
    await fresh.page.close();
  });

  test('panels brought in line in place after a year, a mineral and a measure equal a fresh page', async () => {
    /** Each panel section's markup, the state of its form fields, and which <details> are open. */
    const panels = (page: import('playwright-core').Page) =>
      page.evaluate(() =>
        [
          '.counts',
          '[data-testid="legend"]',
          '[data-testid="share-chart"]',
          '[data-testid="measures-panel"]',
          '[data-testid="scenario-panel"]',
        ].map((sel) => {
          const section = document.querySelector(sel);
          return {
            sel,
            html: section?.outerHTML ?? null,
            fields: [
              ...(section?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select') ?? []),
            ].map((f) => `${f.name}=${f.value}${f instanceof HTMLInputElement ? `:${f.checked}` : ''}`),
          };
        }),
      );
    // Controls read at the flows' year: going back takes "in force" off the newer measures (attributes go).
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&controls=year');
    await waitReady(page);
    await page
      .locator('[data-testid="scenario-panel"] [data-testid="allies-table"]')
      .waitFor({ state: 'attached' });
    const before = await panels(page);
    // The newest export-control measure selected, then the year slider two years back and lithium on.
    await changeAndWait(page, () => page.locator('[data-action="select-measure"]').first().click());
    await changeAndWait(page, () =>
      page.locator('[data-testid="year-slider"]').evaluate((e: HTMLInputElement) => {
        e.value = String(Number(e.value) - 2);
        e.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    );
    await changeAndWait(page, () => page.locator('[data-testid="mineral-lithium"]').check());
    await page.waitForURL((u) => /measure=/.test(u.search) && /mineral=rare-earths,lithium/.test(u.search), {
      timeout: 10_000,
    });
    const kept = await panels(page);
    assert.notDeepEqual(kept, before, 'the panels show the new view');
    const fresh = await app.open(new URL(page.url()).search);
    await waitReady(fresh.page);
    await fresh.page.locator('[data-testid="measure-details"]').waitFor({ state: 'attached' });
    await fresh.page
      .locator('[data-testid="scenario-panel"] [data-testid="allies-table"]')
      .waitFor({ state: 'attached' });
    const drawn = await panels(fresh.page);
    for (const [i, k] of kept.entries()) assert.deepEqual(k, drawn[i], `${k.sel} as a fresh page draws it`);
    assert.deepEqual([...w.consoleErrors, ...fresh.w.consoleErrors], []);
    await page.close();
    await fresh.page.close();
  });

  test('the sea-lane view draws flows along their routes', async () => {
    const { page, w } = await app.open('?mineral=rare-earths&year=2024&risk=china');
    await waitReady(page);
    const arcs = await mapShot(page);
    const flows = await count(page, 'count-flows');
    await page.locator('summary', { hasText: 'Display' }).click();
    await changeAndWait(page, () => page.locator('[data-testid="flowView-sea-lanes"]').check());
    assert.equal(await count(page, 'count-flows'), flows, 'the same flows, drawn differently');
    assert.ok((await pixelDiff(page, arcs, await mapShot(page))) > 0.005);
    await page.waitForURL(/lanes=1/, { timeout: 10_000 });
    assert.deepEqual(w.consoleErrors, []);
    await page.close();
  });
});
