// The app's newer interactions, timed through the DOM in one app-only visit: search, table view, measure, project, scenario, language, a user file.
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { mulberry32 } from './synthetic';

/** One timed interaction: main-thread CPU and wall from just before it to the end of the next frame. */
export interface UiSample {
  cpuMs: number;
  frameMs: number;
  /** The synchronous part (the DOM event's handlers), in-page performance.now(). */
  syncMs: number;
}

export interface UiResult {
  /** Items in the search index when it was timed (sites, countries, minerals, measures, projects loaded then). */
  searchItems: number;
  /** One sample per keystroke. */
  search: UiSample[];
  /** First opening of the table view (its lazy chunk included) until its rows are shown. */
  tableOpen: UiSample | null;
  /** Rows of the flows tab when sorted. */
  tableRows: number;
  /** One sample per header click. */
  sort: UiSample[];
  /** One second of programmatic scrolling: long tasks (> 50 ms) seen and the longest gap between frames. */
  scroll: { longestTaskMs: number; longTasks: number; maxFrameGapMs: number } | null;
  measure: UiSample | null;
  project: UiSample | null;
  scenario: UiSample | null;
  lang: UiSample | null;
  /** A user file read (worker), shown in the panel and the legend. */
  userFile: (UiSample & { rows: number }) | null;
  errors: string[];
}

export interface UiOptions {
  /** Path of the user file to read (USER_FILE_ROWS rows of sites), or null to skip it. */
  userFile: string | null;
  /** Before the table is timed, widen the view (all flows, more minerals) until its flows tab has this many rows. */
  tableMinRows: number;
  readyTimeoutMs: number;
  /** From drive.ts: main-thread busy seconds (TaskDuration - DevToolsCommandDuration), readiness, two frames. */
  pageCpu(cdp: CDPSession): Promise<number>;
  waitReady(page: Page, timeout: number): Promise<void>;
  drain(page: Page): Promise<void>;
}

export const SEARCH_QUERY = 'mountain pass';
export const SORT_COLUMNS = ['exporter', 'value_usd'] as const;
export const USER_FILE_ROWS = 200_000;
const USER_FILE_SEED = 20_260_120;

/** A seeded CSV of USER_FILE_ROWS sites (name, position, kind, mineral, country, status), written to `path`. */
export function writeUserFile(path: string): void {
  const rand = mulberry32(USER_FILE_SEED);
  const kinds = ['mine', 'refinery', 'separation', 'magnet'];
  const minerals = ['rare-earths', 'lithium', 'cobalt', 'graphite', 'nickel'];
  const countries = ['Australia', 'USA', 'Canada', 'Brazil', 'Japan', 'Germany', 'Chile', 'China'];
  const rows = ['name,lat,lng,kind,mineral,country,status'];
  const pick = (list: readonly string[]) => list[Math.floor(rand() * list.length)] as string;
  for (let i = 0; i < USER_FILE_ROWS; i++)
    rows.push(
      `Site ${i},${(rand() * 140 - 60).toFixed(4)},${(rand() * 358 - 179).toFixed(4)},${pick(kinds)},${pick(minerals)},${pick(countries)},operating`,
    );
  writeFileSync(path, `${rows.join('\n')}\n`);
}

/** What to do in the page: click an element, or set a value / toggle a check box and send the event the app reads. */
type Act =
  | { type: 'click'; sel: string }
  | { type: 'value'; sel: string; value: string; event: 'input' | 'change' }
  | { type: 'toggle'; sel: string };

/**
 * Do `act` in the page and, if `doneSel` is given, wait until an element matches it; then wait for the end of the next
 * frame (rAF, then a message task, as drive.ts's `change`). CPU: main-thread delta around the whole.
 */
async function timed(
  page: Page,
  cdp: CDPSession,
  o: UiOptions,
  act: Act,
  doneSel?: string,
): Promise<UiSample> {
  const before = await o.pageCpu(cdp);
  const r = await page.evaluate(
    async ({ act, doneSel, timeout }) => {
      const t0 = performance.now();
      const el = document.querySelector<HTMLInputElement>(act.sel);
      if (!el) throw new Error(`no element ${act.sel}`);
      if (act.type === 'click') el.click();
      else {
        if (act.type === 'toggle') el.checked = !el.checked;
        else el.value = act.value;
        el.dispatchEvent(new Event(act.type === 'toggle' ? 'change' : act.event, { bubbles: true }));
      }
      const t1 = performance.now();
      if (doneSel && !document.querySelector(doneSel))
        await new Promise<void>((ok, fail) => {
          const obs = new MutationObserver(() => {
            if (!document.querySelector(doneSel)) return;
            obs.disconnect();
            ok();
          });
          obs.observe(document.body, { childList: true, subtree: true, attributes: true });
          setTimeout(() => fail(new Error(`timeout waiting for ${doneSel}`)), timeout);
        });
      const t2 = await new Promise<number>((ok) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => ok(performance.now());
          ch.port2.postMessage(0);
        }),
      );
      return { syncMs: t1 - t0, frameMs: t2 - t0 };
    },
    { act, doneSel, timeout: o.readyTimeoutMs },
  );
  const after = await o.pageCpu(cdp);
  return { ...r, cpuMs: (after - before) * 1000 };
}

/** Back to a quiet page: data-map-ready again, two frames. */
async function settle(page: Page, o: UiOptions): Promise<void> {
  await o.waitReady(page, o.readyTimeoutMs);
  await o.drain(page);
}

async function untimed(page: Page, o: UiOptions, act: Act): Promise<void> {
  await page.evaluate((act) => {
    const el = document.querySelector<HTMLInputElement>(act.sel);
    if (!el) throw new Error(`no element ${act.sel}`);
    if (act.type === 'click') el.click();
    else {
      if (act.type === 'toggle') el.checked = !el.checked;
      else el.value = act.value;
      el.dispatchEvent(new Event(act.type === 'toggle' ? 'change' : act.event, { bubbles: true }));
    }
  }, act);
  await settle(page, o);
}

const count = (page: Page, testid: string) =>
  page.evaluate(
    (id) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\D/g, '') || 0),
    testid,
  );

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

/** In-page result of the user file's read: change event, end of the frame after it was shown, sites kept. */
type Kept = { t0: number; t2: number; kept: number };

async function userFile(page: Page, cdp: CDPSession, o: UiOptions, r: UiResult, path: string): Promise<void> {
  const input = page.locator('[data-testid="user-file-input"]');
  await input.waitFor({ state: 'attached', timeout: 30_000 });
  await page
    .locator('[data-testid="user-data"]:not([data-storage="idle"])')
    .waitFor({ state: 'attached', timeout: 30_000 });
  // In the page: the time of the input's change event, then the status and the legend showing the file, next frame.
  await page.evaluate(() => {
    const w = window as unknown as { __benchUser?: Promise<Kept> };
    w.__benchUser = new Promise((ok) => {
      let t0 = NaN;
      document.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true });
      const obs = new MutationObserver(() => {
        const status = document.querySelector('[data-testid="user-status"]')?.textContent ?? '';
        const kept = /([\d,]+) sites kept/.exec(status)?.[1];
        if (!kept || !document.querySelector('[data-testid="legend-user"]')) return;
        obs.disconnect();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => ok({ t0, t2: performance.now(), kept: Number(kept.replace(/,/g, '')) });
          ch.port2.postMessage(0);
        });
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  const before = await o.pageCpu(cdp);
  await input.setInputFiles(path);
  const { t0, t2, kept } = await page.evaluate(
    () => (window as unknown as { __benchUser: Promise<Kept> }).__benchUser,
  );
  if (kept !== USER_FILE_ROWS) r.errors.push(`user file: ${kept} of ${USER_FILE_ROWS} sites kept`);
  const after = await o.pageCpu(cdp);
  const inApp = await page.evaluate(
    () => performance.getEntriesByName('cmm:user-file', 'measure').at(-1)?.duration ?? NaN,
  );
  r.userFile = { cpuMs: (after - before) * 1000, frameMs: t2 - t0, syncMs: inApp, rows: USER_FILE_ROWS };
  await settle(page, o);
  // Removed, so that no later visit of this browser profile loads it back.
  while ((await page.locator('[data-testid="user-file-remove"]').count()) > 0)
    await page.locator('[data-testid="user-file-remove"]').first().click();
  await settle(page, o);
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
