// Browser tests that long labels fit, in Japanese and English, on a desktop (1440x900) and a phone (390x844):
// no clipped control text and no control past the screen's right edge or its panel's sides. This machine has
// no Japanese font, so kana and kanji are drawn as boxes about 1em wide, a fair stand-in for real CJK widths.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';
import { useApp } from './harness';

/** Where controls are looked for: the side panel, the details, the table view and any open dialog. */
const SCOPES = ['#panel', '.details', '.table-view', 'dialog[open]'];
/** What must fit: controls and their labels, tabs, disclosure summaries and links. */
const CONTROLS = 'button, select, label, summary, [role="tab"], a';

interface Offender {
  where: string;
  what: string;
  text: string;
  box: string;
}

/** Every visible control in the scopes whose text is clipped or which sticks out of the screen or its panel. */
function offenders(page: Page): Promise<Offender[]> {
  return page.evaluate(
    ({ scopes, controls }) => {
      const found: { where: string; what: string; text: string; box: string }[] = [];
      const ctx = document.createElement('canvas').getContext('2d');
      const width = window.innerWidth;
      for (const scope of document.querySelectorAll<HTMLElement>(scopes.join(','))) {
        if (!scope.checkVisibility()) continue;
        const s = scope.getBoundingClientRect();
        const where = scope.id ? `#${scope.id}` : `${scope.tagName.toLowerCase()}.${scope.className}`;
        // The panel itself must not scroll sideways (a sign that something in it is too wide).
        if (scope.scrollWidth > scope.clientWidth + 1)
          found.push({
            where,
            what: 'panel scrolls sideways',
            text: '',
            box: `${scope.scrollWidth} > ${scope.clientWidth}`,
          });
        for (const e of scope.querySelectorAll<HTMLElement>(controls)) {
          if (!e.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          // Controls inside a scroller of their own (the data table's columns) may sit out of sight: the scroller itself
          // is held to the screen by the check of its panel.
          const inScroller = e.closest('.table-scroll, .table-wrap') !== null;
          const text = (e.innerText || e.getAttribute('aria-label') || '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 60);
          const what = `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''}`;
          const box = `x ${Math.round(r.left)}–${Math.round(r.right)}, ${Math.round(r.width)}x${Math.round(r.height)}`;
          const cs = getComputedStyle(e);
          if (e instanceof HTMLSelectElement) {
            // A select clips its chosen option's text without saying so: measure it against the box.
            const option = e.selectedOptions[0]?.text ?? '';
            if (ctx) {
              ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
              const need = ctx.measureText(option).width + 20; // the arrow and padding
              if (need > e.clientWidth + 1)
                found.push({
                  where,
                  what: `${what} text clipped`,
                  text: option,
                  box: `${box}, needs ${Math.round(need)}`,
                });
            }
          } else if (e.scrollWidth > e.clientWidth + 1 && !inScroller) {
            // Text wider than its box is clipped (overflow hidden/clip, ellipsis) or spills out of it.
            const clip = /hidden|clip/.test(cs.overflowX) || cs.textOverflow === 'ellipsis';
            found.push({
              where,
              what: `${what} text ${clip ? 'clipped' : 'overflows'}`,
              text,
              box: `${box}, content ${e.scrollWidth} > ${e.clientWidth}`,
            });
          }
          // A box between the control and its panel that hides or scrolls what spills out of it.
          for (let a = e.parentElement; a && a !== scope && !inScroller; a = a.parentElement) {
            const ox = getComputedStyle(a).overflowX;
            if (ox === 'visible') continue;
            const b = a.getBoundingClientRect();
            if (r.left < b.left - 1 || r.right > b.right + 1)
              found.push({
                where,
                what: `${what} cut off by ${a.tagName.toLowerCase()}.${a.className} (overflow ${ox})`,
                text,
                box: `${box}, box ${Math.round(b.left)}–${Math.round(b.right)}`,
              });
          }
          if (r.right > width + 1 && !inScroller)
            found.push({ where, what: `${what} past the screen`, text, box: `${box}, screen ${width}` });
          else if (!inScroller && (r.left < s.left - 1 || r.right > s.right + 1))
            found.push({
              where,
              what: `${what} outside its panel`,
              text,
              box: `${box}, panel ${Math.round(s.left)}–${Math.round(s.right)}`,
            });
        }
      }
      return found;
    },
    { scopes: SCOPES, controls: CONTROLS },
  );
}

const report = (list: Offender[]) =>
  list.map((o) => `${o.where} ${o.what}: "${o.text}" (${o.box})`).join('\n');

/** Check what is on screen now, then the share dialog and the shortcuts dialog. */
async function checkAll(page: Page, label: string, open: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const add = (step: string, list: Offender[]) => {
    if (list.length) problems.push(`${label}, ${step}:\n${report(list)}`);
  };
  await open();
  add('panel', await offenders(page));
  await page.locator('[data-testid="share-button"]').click();
  await page.locator('dialog#share[open]').waitFor();
  add('share dialog', await offenders(page));
  await page.keyboard.press('Escape');
  await page.locator('dialog#share[open]').waitFor({ state: 'detached' });
  await open();
  await page.locator('#panel h1').click();
  await page.keyboard.press('?');
  await page.locator('dialog[data-testid="shortcuts"][open]').waitFor();
  add('shortcuts dialog', await offenders(page));
  await page.keyboard.press('Escape');
  return problems;
}

const LANGS = ['ja', 'en'] as const;

describe('long labels fit at 1440x900', () => {
  const app = useApp({ width: 1440, height: 900 });
  test('Japanese pages use the system Japanese fonts first, then system-ui (none is bundled)', async () => {
    const { page } = await app.open('?mineral=rare-earths&year=2024&lang=ja');
    await waitReady(page);
    const family = await page.locator('#panel h1').evaluate((e) => getComputedStyle(e).fontFamily);
    assert.match(family, /^"Hiragino Sans", "Yu Gothic", Meiryo, "Noto Sans CJK JP", system-ui, sans-serif$/);
    const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(body, /^"Hiragino Sans"/, 'the whole page, not only the panel');
    await page.close();
  });
  for (const lang of LANGS)
    for (const extra of ['', '&scenario=china-stop', '&projects=1', '&table=1', '&site=cur-mountain-pass'])
      test(`lang=${lang}${extra}: no clipped or out-of-panel controls`, async () => {
        const { page, w } = await app.open(`?mineral=rare-earths&year=2024&lang=${lang}${extra}`);
        await waitReady(page);
        const problems = await checkAll(page, `${lang}${extra} 1440`, async () => {});
        assert.deepEqual(problems, [], problems.join('\n\n'));
        assert.deepEqual(w.consoleErrors, []);
        await page.close();
      });
});

describe('long labels fit at 390x844, touch', () => {
  const app = useApp({ width: 390, height: 844 }, { hasTouch: true, isMobile: true });
  for (const lang of LANGS)
    for (const extra of ['', '&scenario=china-stop', '&projects=1'])
      test(`lang=${lang}${extra}: no clipped or off-screen controls in the raised sheet and the menu`, async () => {
        const { page, w } = await app.open(`?mineral=rare-earths&year=2024&lang=${lang}${extra}`);
        await waitReady(page);
        // Raise the sheet and unfold the toolbar's "more" menu so every control is shown.
        const raise = async () => {
          if ((await page.locator('#panel').getAttribute('data-sheet')) !== 'open')
            await page.locator('[data-testid="sheet-handle"]').tap();
          const more = page.locator('[data-testid="toolbar-more"]');
          if ((await more.getAttribute('aria-expanded')) !== 'true') await more.tap();
        };
        const problems = await checkAll(page, `${lang}${extra} 390`, raise);
        assert.deepEqual(problems, [], problems.join('\n\n'));
        assert.deepEqual(w.consoleErrors, []);
        await page.close();
      });
  for (const lang of LANGS)
    test(`lang=${lang}: a site's details sheet has no clipped or off-screen controls`, async () => {
      const { page, w } = await app.open(`?site=cur-mountain-pass&lang=${lang}`);
      await waitReady(page);
      await page.locator('[data-testid="details"]').waitFor({ state: 'visible' });
      const list = await offenders(page);
      assert.deepEqual(list, [], report(list));
      assert.deepEqual(w.consoleErrors, []);
      await page.close();
    });
});
