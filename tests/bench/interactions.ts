// The app's newer interactions, timed through the DOM in one app-only visit: search, table view, measure, project, scenario, language, a user file.
import type { CDPSession, Page } from 'playwright-core';
import { count, settle, timed, untimed, type UiOptions, type UiResult } from './interactions-dom';
import { userFile } from './user-file';

export const SEARCH_QUERY = 'mountain pass';
export const SORT_COLUMNS = ['exporter', 'value_usd'] as const;

async function search(page: Page, cdp: CDPSession, o: UiOptions, r: UiResult): Promise<void> {
  const box = '[data-testid="search"]';
  // Load the search chunk (on first focus) and let it build its index, untimed: a first query shows results.
  await page.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.focus(), box);
  await page.waitForFunction(
    (sel) => {
      const input = document.querySelector<HTMLInputElement>(sel);
      if (!input) return false;
      input.value = 'a';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return document.querySelector('[data-testid="search-result"]') !== null;
    },
    box,
    { timeout: 30_000, polling: 100 },
  );
  await untimed(page, o, { type: 'value', sel: box, value: '', event: 'input' });
  r.searchItems = await page.evaluate(() => {
    const s = window.__cmm?.state();
    if (!s?.data) return NaN;
    return (
      s.data.sites.length +
      s.data.countries.size +
      s.data.minerals.length +
      (s.measures?.measures.length ?? 0) +
      (s.projects?.projects.length ?? 0)
    );
  });
  for (let i = 1; i <= SEARCH_QUERY.length; i++) {
    const value = SEARCH_QUERY.slice(0, i);
    r.search.push(
      await timed(
        page,
        cdp,
        o,
        { type: 'value', sel: box, value, event: 'input' },
        '[data-testid="search-result"]',
      ),
    );
    await o.drain(page);
  }
  const shown = await page.evaluate(() => document.querySelectorAll('[data-testid="search-result"]').length);
  if (shown === 0) r.errors.push(`search: no results for "${SEARCH_QUERY}"`);
  await untimed(page, o, { type: 'value', sel: box, value: '', event: 'input' });
  await page.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.blur(), box);
}

async function panels(page: Page, cdp: CDPSession, o: UiOptions, r: UiResult): Promise<void> {
  // A measure of the export-controls panel (lazy chunk, loaded after the first view): select it, then deselect.
  const measure = '[data-testid="measure"] [data-action="select-measure"]';
  await page.waitForSelector(measure, { state: 'attached', timeout: 30_000 });
  r.measure = await timed(page, cdp, o, { type: 'click', sel: measure });
  await settle(page, o);
  await untimed(page, o, { type: 'click', sel: measure });
  // A scenario switched on (custom), then one of its shock controls changed: the timed recomputation.
  const select = '[data-testid="scenario-select"]';
  await page.waitForSelector(select, { state: 'attached', timeout: 30_000 });
  await untimed(page, o, { type: 'value', sel: select, value: 'custom', event: 'change' });
  const stop = '[data-testid^="stop-"]';
  await page.waitForSelector(stop, { state: 'attached', timeout: 30_000 });
  r.scenario = await timed(page, cdp, o, { type: 'toggle', sel: stop });
  await settle(page, o);
  await untimed(page, o, { type: 'value', sel: select, value: '', event: 'change' });
  // A project: the projects panel opened (its chunk and file), then one selected.
  await untimed(page, o, { type: 'click', sel: '[data-testid="projects-toggle"]' });
  const project = '[data-testid="project"] [data-action="select-project"]';
  await page.waitForSelector(project, { state: 'attached', timeout: 30_000 });
  await settle(page, o);
  r.project = await timed(page, cdp, o, { type: 'click', sel: project });
  await settle(page, o);
  await untimed(page, o, { type: 'click', sel: '[data-testid="projects-hide"]' });
}

async function table(page: Page, cdp: CDPSession, o: UiOptions, r: UiResult): Promise<void> {
  // Enough flows for the sort's target: every kept flow drawn, then more minerals (untimed).
  if ((await count(page, 'count-flows')) < o.tableMinRows) {
    if (await page.$('[data-testid="show-all-flows"]'))
      await untimed(page, o, { type: 'click', sel: '[data-testid="show-all-flows"]' });
    const minerals = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid^="mineral-"]')]
        .filter((e) => e.type === 'checkbox' && !e.checked)
        .map((e) => e.dataset.testid ?? ''),
    );
    for (const id of minerals) {
      if ((await count(page, 'count-flows')) >= o.tableMinRows) break;
      await untimed(page, o, { type: 'toggle', sel: `[data-testid="${id}"]` });
    }
  }
  r.tableOpen = await timed(
    page,
    cdp,
    o,
    { type: 'click', sel: '[data-testid="table-toggle"]' },
    '[data-testid="table-row"]',
  );
  await settle(page, o);
  await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="table-tab-flows"]')?.click());
  await page.waitForSelector('[data-testid="table-row"][data-type="flow"]', { state: 'attached' });
  await o.drain(page);
  r.tableRows = Number(
    await page.evaluate(
      () => document.querySelector('[data-testid="table-tab-flows"]')?.getAttribute('data-count') ?? NaN,
    ),
  );
  // Each column ascending, then descending.
  for (const key of SORT_COLUMNS)
    for (let k = 0; k < 2; k++) {
      r.sort.push(await timed(page, cdp, o, { type: 'click', sel: `.table-view [data-sort="${key}"]` }));
      await o.drain(page);
    }
  // One second of scrolling, a step every frame, long tasks recorded as they happen.
  r.scroll = await page.evaluate(
    () =>
      new Promise<{ longestTaskMs: number; longTasks: number; maxFrameGapMs: number }>((ok, fail) => {
        const box = document.querySelector<HTMLElement>('.table-view .table-scroll');
        if (!box) return fail(new Error('no .table-view .table-scroll'));
        const tasks: number[] = [];
        const obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        });
        obs.observe({ type: 'longtask' });
        box.scrollTop = 0;
        const range = Math.max(0, box.scrollHeight - box.clientHeight);
        const start = performance.now();
        let last = start;
        let maxGap = 0;
        const step = (now: number) => {
          maxGap = Math.max(maxGap, now - last);
          last = now;
          const f = Math.min(1, (now - start) / 1000);
          box.scrollTop = f * range;
          if (f < 1) requestAnimationFrame(step);
          else
            requestAnimationFrame(() => {
              for (const e of obs.takeRecords()) tasks.push(e.duration);
              obs.disconnect();
              ok({ longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, maxFrameGapMs: maxGap });
            });
        };
        requestAnimationFrame(step);
      }),
  );
  await untimed(page, o, { type: 'click', sel: '.table-view [data-action="close-table"]' });
}

/** Every interaction in turn, each one's failure recorded and the next one tried. */
export async function interactions(page: Page, cdp: CDPSession, o: UiOptions): Promise<UiResult> {
  // tsx names the page functions' inner helpers with __name (esbuild keepNames); the page has no such function.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const r: UiResult = {
    searchItems: NaN,
    search: [],
    tableOpen: null,
    tableRows: NaN,
    sort: [],
    scroll: null,
    measure: null,
    project: null,
    scenario: null,
    lang: null,
    userFile: null,
    errors: [],
  };
  const steps: (readonly [string, () => Promise<void>])[] = [
    ['search', () => search(page, cdp, o, r)],
    ['measure/scenario/project', () => panels(page, cdp, o, r)],
    [
      'language',
      async () => {
        r.lang = await timed(page, cdp, o, {
          type: 'value',
          sel: '[data-testid="lang-select"]',
          value: 'ja',
          event: 'change',
        });
        await settle(page, o);
        await untimed(page, o, {
          type: 'value',
          sel: '[data-testid="lang-select"]',
          value: 'en',
          event: 'change',
        });
      },
    ],
    ...(o.userFile ? [['user file', () => userFile(page, cdp, o, r, o.userFile as string)] as const] : []),
    ['table', () => table(page, cdp, o, r)],
  ];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      r.errors.push(
        `${name}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`,
      );
      await settle(page, o).catch(() => undefined);
    }
  }
  return r;
}
