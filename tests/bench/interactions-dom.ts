// Shared by the interaction rows: result types, and doing one thing in the page through the DOM, timed or not.
import type { CDPSession, Page } from 'playwright-core';

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

/** What to do in the page: click an element, or set a value / toggle a check box and send the event the app reads. */
export type Act =
  | { type: 'click'; sel: string }
  | { type: 'value'; sel: string; value: string; event: 'input' | 'change' }
  | { type: 'toggle'; sel: string };

/**
 * Do `act` in the page and, if `doneSel` is given, wait until an element matches it; then wait for the end of the next
 * frame (rAF, then a message task, as drive.ts's `change`). CPU: main-thread delta around the whole.
 */
export async function timed(
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
export async function settle(page: Page, o: UiOptions): Promise<void> {
  await o.waitReady(page, o.readyTimeoutMs);
  await o.drain(page);
}

export async function untimed(page: Page, o: UiOptions, act: Act): Promise<void> {
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

export const count = (page: Page, testid: string) =>
  page.evaluate(
    (id) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\D/g, '') || 0),
    testid,
  );
