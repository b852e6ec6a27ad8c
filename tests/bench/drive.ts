// One measured visit of a page (app or reference): load to data-map-ready, bytes, heap, filter changes, year switch.
import { readFileSync, readdirSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { interactions } from './interactions';
import type { UiOptions, UiResult } from './interactions-dom';
import { attribute, type Part, type SourceMaps } from './profile';
import { requestedSizes, type FileSize } from './sizes';

export type PageKind = 'app' | 'ref';
export type Risk = 'all' | 'china' | 'no-china';

/** A filter change, made through the app's panel (DOM events) or the reference page's hook. */
export type Change = { type: 'mineral'; id: string } | { type: 'risk'; mode: Risk };

/** Ten changes that end where they started: mineral toggles and risk modes. */
export const TEN_CHANGES: readonly Change[] = [
  { type: 'mineral', id: 'lithium' },
  { type: 'mineral', id: 'lithium' },
  { type: 'risk', mode: 'china' },
  { type: 'risk', mode: 'all' },
  { type: 'mineral', id: 'cobalt' },
  { type: 'mineral', id: 'cobalt' },
  { type: 'risk', mode: 'no-china' },
  { type: 'risk', mode: 'all' },
  { type: 'mineral', id: 'lithium' },
  { type: 'mineral', id: 'lithium' },
];

/**
 * Recorded in the page by an init script: when data-map-ready turned "true", and what had been requested then.
 * `nullDraw`: while true, WebGL draw calls return at once (see VisitOptions.nullDraw).
 */
export interface BenchProbe {
  firstReady: number | null;
  lastReady: number | null;
  resourcesAtFirstReady: string[] | null;
  nullDraw: boolean;
}
declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

export interface VisitOptions {
  kind: PageKind;
  /** Absolute URL of the page, query included. */
  url: string;
  /** Served root of that page's build and its base URL, for sizes and source maps. */
  root: string;
  baseUrl: string;
  /** Every mineral id (the reference page's "all minerals" is null). */
  allMinerals: readonly string[];
  /** Untimed changes before the heap baseline: the first changes fill caches and compile code. */
  warmup: readonly Change[];
  changes: readonly Change[];
  /** Extra filter changes made under the CPU profiler (app only), to split panel from layer time. */
  profiledChanges: readonly Change[];
  maps: SourceMaps | null;
  yearSwitch: { year: number; index: number } | null;
  readyTimeoutMs: number;
  /**
   * 'after-load': WebGL draw calls (drawArrays*, drawElements*) become no-ops once the page is first ready, for
   * the rest of the visit (changes, year switch); 'always': from the start (synthetic scales). Buffer uploads, shader builds and all
   * JavaScript still run; only SwiftShader's vertex and pixel work is skipped, which on this machine takes up to
   * seconds per frame at the large scales and says nothing about a GPU.
   */
  nullDraw: 'after-load' | 'always';
  /** Take heap snapshots around the timed changes (retained data growth); a few seconds per snapshot. */
  heapSnapshots: boolean;
  /** App only: time the newer interactions (tests/bench/interactions.ts) after the load and the changes. */
  ui?: Omit<UiOptions, 'pageCpu' | 'waitReady' | 'drain' | 'readyTimeoutMs'> | null;
}

export interface ChangeSample {
  /** Synchronous time of the change (store update, panels, layer building), in-page performance.now(). */
  syncMs: number;
  /**
   * From the change to the end of the layer update (app: the end of its 'cmm:layers' User Timing measure: DOM event,
   * store update, selectors, layer props; reference: its whole setFilters). Excludes the panels.
   */
  layersMs: number;
  /**
   * The app's panels for this change ('cmm:panels' measure: the task after the frame that updates counts, legend,
   * filters, chart); NaN for the reference.
   */
  panelsMs: number;
  /** From the change to the end of that panel task (wall); NaN for the reference. */
  panelsWallMs: number;
  /** From the change to the end of the next animation frame (wall). */
  frameMs: number;
  /**
   * Main-thread busy time (CDP TaskDuration less DevTools commands) from before the change to the harness's read after
   * the next frame. The read arrives a few milliseconds after the frame's end, so the app's panel task (queued right
   * after that frame) is usually in it, whole or in part (TaskDuration counts a running task up to the read).
   */
  cpuMs: number;
  /** `cpuMs` less the part of the app's panel task that ran before the read: the change and its frame alone. */
  frameCpuMs: number;
  /** Whether some of the panel task was in `cpuMs` (false for the reference, and when the read came first). */
  panelsInCpu: boolean;
}

/** CPU milliseconds (user + system) spent by Chromium's processes, by kind, during one navigation to ready. */
export interface ProcessCpu {
  /** The GPU process: ANGLE over SwiftShader (shader compilation, rasterisation) and the compositor. */
  gpu: number;
  /** The page's renderer process: main thread, MapLibre's worker, V8's background threads. */
  renderer: number;
  /** Browser and utility processes (network service). */
  other: number;
}

export interface Visit {
  navMs: number;
  /** Per-process CPU of the navigation (Linux /proc); null where /proc is not readable. */
  navCpu: ProcessCpu | null;
  sizes: FileSize[];
  drawn: number;
  heapLoadBytes: number;
  /** After the warm-up changes, before the timed ones; and after the timed ones (back at the start state). */
  heapBeforeChangesBytes: number;
  heapAfterChangesBytes: number;
  /** Heap snapshot data bytes (compiled code excluded) before and after the timed changes; NaN when not taken. */
  dataBeforeChangesBytes: number;
  dataAfterChangesBytes: number;
  changes: ChangeSample[];
  /** Per profiled change: sampled ms in each part. */
  profile: Record<Part | 'gc', number> | null;
  year: { wallMs: number; cpuMs: number } | null;
  ui: UiResult | null;
  errors: string[];
}

const delay = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU ms used so far by every Chromium process, summed by kind (from /proc/<pid>/stat utime + stime; 10 ms ticks).
 * The bench runs one page at a time, so the difference over a navigation is that page's work. Null without /proc.
 */
export function chromiumCpu(): ProcessCpu | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((x) => /^\d+$/.test(x));
  } catch {
    return null;
  }
  const out: ProcessCpu = { gpu: 0, renderer: 0, other: 0 };
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/.test(cmd.split('\0')[0] ?? '')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name in parentheses: utime and stime are the 12th and 13th.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(f[11]) || 0) + (Number(f[12]) || 0)) * (1000 / USER_HZ);
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
      if (type === 'gpu-process') out.gpu += ms;
      else if (type === 'renderer') out.renderer += ms;
      else out.other += ms;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/**
 * Wait until Chromium's processes are idle (under 20 ms of CPU in 250 ms; at most 5 s), so that no visit starts
 * while the previous page is still being torn down or the GPU process is still busy with its frames.
 */
export async function browserQuiet(): Promise<void> {
  const total = (c: ProcessCpu) => c.gpu + c.renderer + c.other;
  const end = Date.now() + 5000;
  let prev = chromiumCpu();
  while (prev && Date.now() < end) {
    await delay(250);
    const now = chromiumCpu();
    if (!now) return;
    if (total(now) - total(prev) < 20) return;
    prev = now;
  }
}

function cpuSince(before: ProcessCpu | null): ProcessCpu | null {
  const after = chromiumCpu();
  if (!before || !after) return null;
  return {
    gpu: after.gpu - before.gpu,
    renderer: after.renderer - before.renderer,
    other: after.other - before.other,
  };
}

/**
 * Main-thread busy seconds so far, without the harness's own DevTools commands (readiness polling, these metric
 * calls): Performance.getMetrics TaskDuration - DevToolsCommandDuration.
 */
export async function pageCpu(cdp: CDPSession): Promise<number> {
  return (await pageCpuAt(cdp)).busy;
}

/**
 * `pageCpu` and when it was read, on the page's clock (ms since navigation start, as performance.now()): the metrics'
 * Timestamp less their NavigationStart (both on the same monotonic clock). A task counts in TaskDuration once it has
 * ended, so a task that ended before `pageMs` is in `busy`, one still running or yet to run is not.
 */
export async function pageCpuAt(cdp: CDPSession): Promise<{ busy: number; pageMs: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    busy: get('TaskDuration') - get('DevToolsCommandDuration'),
    pageMs: (get('Timestamp') - get('NavigationStart')) * 1000,
  };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Snapshot node names that are compiled code or its metadata: V8 adds these as more functions get optimised. */
const CODE_RE =
  /InstructionStream|TrustedByteArray|ProtectedFixedArray|system \/ Code$|CodeWrapper|TrustedWeakFixedArray|SharedFunctionInfoWrapper|WeakArrayList/;

/**
 * Bytes of the JS heap that are data, not compiled code: a heap snapshot (which collects garbage first), summing the
 * self size of every node except synthetic roots, off-heap natives and JIT code/metadata. Growth here is retained
 * data (a leak); growth of usedSize alone can be V8 compiling more hot functions.
 */
async function heapDataBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType] ?? 0];
    const name = snap.strings[snap.nodes[i + iName] ?? 0] ?? '';
    if (type === 'synthetic') continue;
    if (type === 'native' && (!name.startsWith('system /') || /JSArrayBufferData|ExternalString/.test(name)))
      continue;
    if (CODE_RE.test(name)) continue;
    total += snap.nodes[i + iSize] ?? 0;
  }
  return total;
}

export async function waitReady(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, {
    timeout,
    polling: 25,
  });
}

/** Two animation frames: lets the compositor and the (software) GPU process drain before the next measurement. */
export async function drain(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );
}

/** Wait until no new resource has been requested for `quietMs` (bounded), so lazy loads after ready are done. */
async function settle(page: Page, quietMs = 500, maxMs = 10_000): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  for (const start = Date.now(); Date.now() - start < maxMs;) {
    const n = await page.evaluate(() => performance.getEntriesByType('resource').length);
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) return;
    await delay(100);
  }
}

async function change(page: Page, kind: PageKind, c: Change, allMinerals: readonly string[]) {
  return page.evaluate(
    async ({ kind, c, allMinerals }) => {
      // The end of the next frame: a message posted from the first animation-frame callback after the change runs
      // once that frame has been rendered. The callback is registered before the change so that it runs before any
      // the change registers itself: work a page queues for after its frame (the app's panels) is not counted as
      // part of the frame.
      const frameEnd = new Promise<number>((ok) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => ok(performance.now());
          ch.port2.postMessage(0);
        }),
      );
      const t0 = performance.now();
      if (kind === 'app') {
        const id = c.type === 'mineral' ? `mineral-${c.id}` : `risk-${c.mode}`;
        const el = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
        if (!el) throw new Error(`no element [data-testid="${id}"] in the app`);
        el.checked = c.type === 'mineral' ? !el.checked : true;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        const ref = window.__cmmRef;
        if (!ref) throw new Error('no window.__cmmRef in the reference page');
        if (c.type === 'mineral') {
          const cur = ref.filters().minerals ?? [...allMinerals];
          ref.setFilters({
            minerals: cur.includes(c.id) ? cur.filter((m) => m !== c.id) : [...cur, c.id],
          });
        } else ref.setFilters({ risk: c.mode });
      }
      const t1 = performance.now();
      // The app's User Timing (src/app/timing.ts): the layer update inside the change, then the panels' task after
      // the frame ('cmm:panels', waited for below).
      const layers = performance.getEntriesByName('cmm:layers').at(-1);
      const layersMs =
        kind === 'ref'
          ? t1 - t0
          : layers && layers.startTime >= t0
            ? layers.startTime + layers.duration - t0
            : NaN;
      const t2 = await frameEnd;
      return { t0, syncMs: t1 - t0, layersMs, frameMs: t2 - t0 };
    },
    { kind, c, allMinerals },
  );
}

/**
 * The app's panel task of a change made at `t0` ('cmm:panels', queued after the frame): its CPU span and the wall time
 * from the change to its end. Waited for after the frame's CPU figure is taken (the wait is not in that figure).
 */
async function panelsOf(page: Page, kind: PageKind, t0: number) {
  if (kind !== 'app') return { panelsMs: NaN, panelsWallMs: NaN };
  return page.evaluate(async (t0) => {
    // (No named functions in here: the harness's transpiler would wrap them in a helper the page lacks.)
    let panels: PerformanceEntry | undefined;
    for (let i = 0; i < 400; i++) {
      panels = performance.getEntriesByName('cmm:panels').find((e) => e.startTime >= t0);
      if (panels) break;
      await new Promise((ok) => setTimeout(ok, 5));
    }
    return panels
      ? { panelsMs: panels.duration, panelsWallMs: panels.startTime + panels.duration - t0 }
      : { panelsMs: NaN, panelsWallMs: NaN };
  }, t0);
}

/** Open the page in a fresh tab, measure everything asked for, close the tab. */
export async function visit(context: BrowserContext, o: VisitOptions): Promise<Visit> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const requested: string[] = [];
  const origin = new URL(o.url).origin;
  page.on('request', (r) => {
    const u = r.url();
    requested.push(u);
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
      errors.push(`request left the page's origin: ${u}`);
  });
  await page.addInitScript((nullDraw: boolean) => {
    const probe: BenchProbe = { firstReady: null, lastReady: null, resourcesAtFirstReady: null, nullDraw };
    window.__bench = probe;
    // A page can turn ready and, in the same task, not ready again (the app's first view done, the work queued after
    // it starting): the records' old values show every value it took, so such a moment still counts.
    new MutationObserver((records) => {
      const values = [...records.slice(1).map((r) => r.oldValue), document.documentElement?.dataset.mapReady];
      if (!values.includes('true')) return;
      const t = performance.now();
      probe.lastReady = t;
      if (probe.firstReady === null) {
        probe.firstReady = t;
        probe.resourcesAtFirstReady = [
          location.href,
          ...performance.getEntriesByType('resource').map((e) => e.name),
        ];
      }
    }).observe(document, {
      attributes: true,
      attributeOldValue: true,
      subtree: true,
      attributeFilter: ['data-map-ready'],
    });
    const protos = [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype] as unknown as Record<
      string,
      unknown
    >[];
    for (const proto of protos) {
      for (const name of [
        'drawArrays',
        'drawElements',
        'drawArraysInstanced',
        'drawElementsInstanced',
        'drawRangeElements',
      ]) {
        const original = proto[name];
        if (typeof original !== 'function') continue;
        proto[name] = function (this: unknown, ...args: unknown[]): unknown {
          return probe.nullDraw ? undefined : (original as (...a: unknown[]) => unknown).apply(this, args);
        };
      }
    }
  }, o.nullDraw === 'always');
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const cpuBefore = chromiumCpu();
    await page.goto(o.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstReady != null, undefined, {
      timeout: o.readyTimeoutMs,
      polling: 50,
    });
    // Taken when the harness sees readiness (up to one 50 ms poll late, for both pages alike).
    const navCpu = cpuSince(cpuBefore);
    // The load figures are taken: from here on no frame adds software-raster work (see VisitOptions.nullDraw).
    const probe = (await page.evaluate(() => {
      if (window.__bench) window.__bench.nullDraw = true;
      return window.__bench;
    })) as BenchProbe;
    const navMs = probe.firstReady ?? NaN;
    // Files the page's workers fetched (the app's basemap is fetched inside MapLibre's worker): the page's own
    // resource list does not show them. Read right after readiness; no worker fetches anything later in a load.
    const workerFiles = (
      await Promise.all(
        page
          .workers()
          .map((w) =>
            w
              .evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
              .catch(() => [] as string[]),
          ),
      )
    ).flat();
    const sizes = requestedSizes(o.root, o.baseUrl, [
      ...(probe.resourcesAtFirstReady ?? requested),
      ...workerFiles,
    ]);
    const drawn = await page.evaluate(
      () => window.__cmm?.drawnFlows() ?? window.__cmmRef?.drawnFlows() ?? -1,
    );
    await settle(page);
    await waitReady(page, o.readyTimeoutMs);
    await drain(page);
    const heapLoadBytes = await heapUsed(cdp);

    for (const c of o.warmup) {
      await change(page, o.kind, c, o.allMinerals);
      await waitReady(page, o.readyTimeoutMs);
      await drain(page);
    }
    const heapBeforeChangesBytes = await heapUsed(cdp);
    const dataBeforeChangesBytes = o.heapSnapshots ? await heapDataBytes(cdp) : NaN;
    const changes: ChangeSample[] = [];
    for (const c of o.changes) {
      const before = await pageCpu(cdp);
      const { t0, ...r } = await change(page, o.kind, c, o.allMinerals);
      const after = await pageCpuAt(cdp);
      const panels = await panelsOf(page, o.kind, t0);
      const cpuMs = (after.busy - before) * 1000;
      // The app's panel task starts right after the frame. TaskDuration counts a task that is still running up to the
      // read (Blink's InspectorPerformanceAgent adds now - task start; DevTools commands interrupt running script), so
      // the part of the panel task before the read is in cpuMs: all of it when it had ended, some when it was running.
      const panelsEnd = t0 + panels.panelsWallMs;
      const panelsStart = panelsEnd - panels.panelsMs;
      const panelsCounted = Number.isFinite(panelsEnd)
        ? Math.max(0, Math.min(after.pageMs, panelsEnd) - panelsStart)
        : 0;
      const frameCpuMs = cpuMs - panelsCounted;
      changes.push({ ...r, ...panels, cpuMs, frameCpuMs, panelsInCpu: panelsCounted > 0 });
      await waitReady(page, o.readyTimeoutMs);
      await drain(page);
    }
    const heapAfterChangesBytes = await heapUsed(cdp);
    const dataAfterChangesBytes = o.heapSnapshots ? await heapDataBytes(cdp) : NaN;

    let profile: Visit['profile'] = null;
    if (o.maps && o.profiledChanges.length > 0) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      for (const c of o.profiledChanges) {
        await change(page, o.kind, c, o.allMinerals);
        await waitReady(page, o.readyTimeoutMs);
        await drain(page);
      }
      const { profile: p } = await cdp.send('Profiler.stop');
      await cdp.send('Profiler.disable');
      const parts = attribute(p, o.maps);
      const n = o.profiledChanges.length;
      profile = {
        panels: parts.panels / n,
        layers: parts.layers / n,
        other: parts.other / n,
        gc: parts.gc / n,
      };
    }

    const ui = o.ui
      ? await interactions(page, cdp, {
          ...o.ui,
          readyTimeoutMs: o.readyTimeoutMs,
          pageCpu,
          waitReady,
          drain,
        })
      : null;
    if (ui) errors.push(...ui.errors.map((e) => `interactions: ${e}`));

    let year: Visit['year'] = null;
    if (o.yearSwitch) {
      const before = await pageCpu(cdp);
      const t0 = await page.evaluate(
        ({ kind, y }) => {
          const t = performance.now();
          if (kind === 'app') {
            const el = document.querySelector<HTMLInputElement>('[data-testid="year-slider"]');
            if (!el) throw new Error('no year slider in the app');
            el.value = String(y.index);
            el.dispatchEvent(new Event('input', { bubbles: true }));
          } else void window.__cmmRef?.setYear(y.year);
          return t;
        },
        { kind: o.kind, y: o.yearSwitch },
      );
      await delay(20);
      await waitReady(page, o.readyTimeoutMs);
      const after = await pageCpu(cdp);
      const readyAt = await page.evaluate(() => window.__bench?.lastReady ?? NaN);
      const shown = await page.evaluate(
        () => window.__cmm?.state().filters.year ?? window.__cmmRef?.filters() ?? null,
      );
      if (o.kind === 'app' && shown !== o.yearSwitch.year)
        errors.push(`year switch: the app shows ${JSON.stringify(shown)}, expected ${o.yearSwitch.year}`);
      year = { wallMs: readyAt - t0, cpuMs: (after - before) * 1000 };
    }
    return {
      navMs,
      navCpu,
      sizes,
      drawn,
      heapLoadBytes,
      heapBeforeChangesBytes,
      heapAfterChangesBytes,
      dataBeforeChangesBytes,
      dataAfterChangesBytes,
      changes,
      profile,
      year,
      ui,
      errors,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
