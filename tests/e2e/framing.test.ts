// Browser tests of the first view's framing: the framework's countries in sight beside the panel, at two desktop sizes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitReady } from './browser';
import { useApp } from './harness';

/** Points well inside each country (lng, lat): where the map must show them. */
const PLACES: Record<string, [number, number]> = {
  'United States': [-98, 39],
  Japan: [138, 36],
  Australia: [134, -25],
  Germany: [10, 51],
  China: [104, 35],
};

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  const app = useApp(viewport);
  describe(`first view at ${viewport.width}x${viewport.height}`, () => {
    test('the United States, Europe, China, Japan and Australia are all in the map area the panel leaves free', async () => {
      const { page, w } = await app.open('');
      await waitReady(page);
      const seen = await page.evaluate((places) => {
        const panel = document.getElementById('panel')?.getBoundingClientRect();
        const map = document.getElementById('map')?.getBoundingClientRect();
        return {
          panelRight: panel?.right ?? 0,
          width: map?.width ?? 0,
          height: map?.height ?? 0,
          at: Object.fromEntries(
            Object.entries(places).map(([name, p]) => [name, window.__cmm?.project(p) ?? null]),
          ),
        };
      }, PLACES);
      for (const [name, at] of Object.entries(seen.at)) {
        assert.ok(at, `${name} projected`);
        const [x, y] = at;
        // Right of the panel, left of the zoom buttons (56 px), and inside the map's height.
        assert.ok(
          x > seen.panelRight && x < seen.width - 56,
          `${name} at x=${x.toFixed(0)} (panel ends ${seen.panelRight})`,
        );
        assert.ok(y > 0 && y < seen.height, `${name} at y=${y.toFixed(0)}`);
      }
      assert.deepEqual(w.consoleErrors, []);
      await page.close();
    });

    test('a link naming a scenario or a measure opens with that section in sight in the panel', async () => {
      for (const [query, selector] of [
        ['?mineral=rare-earths&year=2024&scenario=china-stop', '[data-testid="scenario-panel"]'],
        [
          '?mineral=gallium&year=2024&measure=cn-2023-23-gallium-germanium',
          '[data-testid="measure-details"]',
        ],
      ] as const) {
        const { page } = await app.open(query);
        await waitReady(page);
        await page.locator(selector).waitFor();
        // In sight: the section's top inside the panel's visible box (after the lazy parts above it arrived).
        await page.waitForFunction(
          (sel) => {
            const panel = document.getElementById('panel')?.getBoundingClientRect();
            const top = document.querySelector(sel)?.getBoundingClientRect().top;
            return !!panel && top !== undefined && top >= panel.top - 1 && top < panel.bottom - 60;
          },
          selector,
          { timeout: 15_000 },
        );
        await page.close();
      }
    });
  });
}
