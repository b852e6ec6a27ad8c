// `npm run bench`: builds the app and the reference page, drives headless Chromium over both (A B A B) and prints the table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingMessage, launch } from '../e2e/browser';
import { serveStatic, type StaticServer } from '../e2e/server';
import { browserQuiet, TEN_CHANGES, visit, type Change, type PageKind, type Visit } from './drive';
import { writeUserFile } from './user-file';
import { INTERACTIONS_LEGEND, interactionRows } from './interactions-report';
import { SourceMaps } from './profile';
import {
  kb,
  mb,
  median,
  ms,
  ratio,
  renderBlocks,
  renderChunks,
  type Block,
  type Cell,
  type Row,
} from './report';
import { flowFileText } from '../../src/data/flow-columns';
import { totals, type FileSize } from './sizes';
import { productsOf, SYNTHETIC_SEED, syntheticFlowFile } from './synthetic';

const started = Date.now();
const loadAtStart = loadavg()[0] ?? NaN;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'dist-bench');
const APP_ROOT = join(OUT, 'app');
const REF_ROOT = join(OUT, 'bench');
/** The seeded 200,000-row CSV the interaction visits read as a user file. */
const USER_FILE = join(OUT, 'user-sites-200000.csv');
const VIEWPORT = { width: 1024, height: 640 };
const DEFAULT_YEAR = 2024;
const REPS = Math.max(1, Math.min(20, Number(process.env.BENCH_REPS ?? 5)));
const ONLY = process.env.BENCH_SCALES?.split(',').filter(Boolean) ?? null;
const log = (msg: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);

interface Scale {
  id: string;
  title: string;
  appQuery: string;
  refQuery: string;
  /** Rows of synthetic flows served as flows-2024.json to both pages, or null for the real files. */
  synthetic: number | null;
  reps: number;
  /** Untimed changes before the heap baseline and the timed changes (caches filled, code optimised). */
  warmup: readonly Change[];
  changes: readonly Change[];
  /** Changes repeated under the CPU profiler in the app, to split panel from layer time. */
  profiled: readonly Change[];
  yearSwitch: number | null;
  readyTimeoutMs: number;
  /** Draw calls skipped from the start (synthetic scales: SwiftShader would take minutes per frame). */
  nullDrawAlways: boolean;
  /**
   * Extra load-only visits per repetition: with drawing (more navigation samples) and with draw calls skipped (to
   * split CPU from software raster).
   */
  cpuNav: boolean;
  /** One more app-only visit per repetition timing the newer interactions (interactions.ts); null: none. */
  ui: { tableMinRows: number } | null;
}

function build(): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const run = (args: string[], env: NodeJS.ProcessEnv) => {
    const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
    if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (status ${r.status})`);
  };
  // The app exactly as `vite build` ships it (hidden source maps change no byte of the JS; they map profiles back).
  run(['--outDir', APP_ROOT, '--emptyOutDir', '--sourcemap', 'hidden'], { ...process.env, BENCH: '' });
  // Same config with BENCH=1: the reference page as an extra input. Only its page is served from this build.
  run(['--outDir', REF_ROOT, '--emptyOutDir'], { ...process.env, BENCH: '1' });
}

interface DataInfo {
  years: number[];
  largestYear: number;
  rowsByYear: Map<number, number>;
  minerals: string[];
  countries: string[];
  mineralsJson: { minerals: { id: string; products: { hs: string }[] }[] };
}

function dataInfo(): DataInfo {
  const dir = join(ROOT, 'public/data');
  const rowsByYear = new Map<number, number>();
  for (const f of readdirSync(dir)) {
    const m = /^flows-(\d{4})\.json$/.exec(f);
    if (m)
      rowsByYear.set(Number(m[1]), (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { rows: number }).rows);
  }
  const years = [...rowsByYear.keys()].sort((a, b) => a - b);
  const largestYear = years.reduce((a, b) => ((rowsByYear.get(b) ?? 0) > (rowsByYear.get(a) ?? 0) ? b : a));
  const mineralsJson = JSON.parse(
    readFileSync(join(dir, 'minerals.json'), 'utf8'),
  ) as DataInfo['mineralsJson'];
  const countries = (
    JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as { countries: { iso3: string }[] }
  ).countries.map((c) => c.iso3);
  return {
    years,
    largestYear,
    rowsByYear,
    minerals: mineralsJson.minerals.map((m) => m.id),
    countries,
    mineralsJson,
  };
}

/** Put the year file for a scale in place in both served roots: the real one, or seeded synthetic rows. */
function placeFlows(info: DataInfo, synthetic: number | null): void {
  const name = `flows-${DEFAULT_YEAR}.json`;
  const targets = [join(APP_ROOT, 'data', name), join(REF_ROOT, 'data', name)];
  if (synthetic === null) {
    for (const t of targets) copyFileSync(join(ROOT, 'public/data', name), t);
    return;
  }
  const file = syntheticFlowFile({
    count: synthetic,
    seed: SYNTHETIC_SEED,
    year: DEFAULT_YEAR,
    countries: info.countries,
    products: productsOf(info.mineralsJson),
  });
  // Laid out as the pipeline writes the real files.
  const { rows, dictionaries, columns, ...head } = file;
  const text = flowFileText(head, { rows, dictionaries, columns });
  for (const t of targets) writeFileSync(t, text);
}

function scales(info: DataInfo): Scale[] {
  const L = info.largestYear;
  const other = [...info.years].reverse().find((y) => y !== L) ?? L;
  const base = {
    warmup: TEN_CHANGES,
    changes: TEN_CHANGES,
    readyTimeoutMs: 120_000,
    nullDrawAlways: false,
    cpuNav: false,
    ui: null,
  };
  const profiled = TEN_CHANGES.slice(0, 4);
  const list: Scale[] = [
    {
      ...base,
      id: 'default',
      title: `Default view: rare earths, ${DEFAULT_YEAR} (real data, ${info.rowsByYear.get(DEFAULT_YEAR)} rows in the year)`,
      appQuery: `?mineral=rare-earths&year=${DEFAULT_YEAR}`,
      refQuery: `?mineral=rare-earths&year=${DEFAULT_YEAR}`,
      synthetic: null,
      reps: REPS,
      profiled,
      yearSwitch: L,
      cpuNav: true,
      ui: { tableMinRows: 0 },
    },
    {
      ...base,
      id: 'all',
      title: `Every mineral, ${L} (largest real year, ${info.rowsByYear.get(L)} rows)`,
      appQuery: `?mineral=${info.minerals.join(',')}&year=${L}`,
      refQuery: `?all=1&year=${L}`,
      synthetic: null,
      reps: Math.min(REPS, 3),
      profiled: [],
      yearSwitch: other,
      cpuNav: true,
    },
    ...([10_000, 100_000, 1_000_000] as const).map((n): Scale => ({
      ...base,
      id: `synthetic-${n}`,
      title: `Synthetic: ${n.toLocaleString('en-US')} flows (seed ${SYNTHETIC_SEED}) served as flows-${DEFAULT_YEAR}.json, rare earths`,
      appQuery: `?mineral=rare-earths&year=${DEFAULT_YEAR}`,
      refQuery: `?mineral=rare-earths&year=${DEFAULT_YEAR}`,
      synthetic: n,
      reps: n >= 1_000_000 ? Math.min(REPS, 3) : REPS,
      // At 1M a change costs the app about half a second: a shorter warm-up keeps the run inside its budget.
      warmup: n >= 1_000_000 ? TEN_CHANGES.slice(0, 2) : TEN_CHANGES,
      profiled: n === 100_000 ? profiled : [],
      yearSwitch: null,
      readyTimeoutMs: n >= 1_000_000 ? 300_000 : 120_000,
      nullDrawAlways: true,
      ui: n >= 100_000 ? { tableMinRows: 10_000 } : null,
    })),
  ];
  return ONLY ? list.filter((s) => ONLY.includes(s.id)) : list;
}

/**
 * Visits per scale: full visits (load, then changes, heap, year switch), and at the real scales load-only visits:
 * with drawing (more samples for the navigation rows, which vary most) and with draw calls skipped (CPU side).
 */
type Visits = Record<
  PageKind | 'appNav' | 'refNav' | 'appCpuNav' | 'refCpuNav' | 'appUi',
  (Visit | { failed: string })[]
>;
const ok = (v: Visit | { failed: string }): v is Visit => !('failed' in v);

function sizesSummary(vs: Visit[]): { file: FileSize; seen: number; of: number }[] {
  const by = new Map<string, { file: FileSize; seen: number }>();
  for (const v of vs)
    for (const f of v.sizes) by.set(f.path, { file: f, seen: (by.get(f.path)?.seen ?? 0) + 1 });
  const order = { html: 0, js: 1, css: 2, data: 3, other: 4 };
  return [...by.values()]
    .map((x) => ({ ...x, of: vs.length }))
    .sort((a, b) => order[a.file.kind] - order[b.file.kind] || b.file.gzip - a.file.gzip);
}

function blockFor(scale: Scale, visits: Visits): { block: Block; chunks: string | null } {
  const A = visits.app.filter(ok);
  const R = visits.ref.filter(ok);
  const failed = (k: keyof Visits) => visits[k].find((v): v is { failed: string } => !ok(v))?.failed;
  const cell = (vs: Visit[], k: keyof Visits, f: (v: Visit) => number, unit: (n: number) => Cell): Cell => {
    if (vs.length === 0) return { na: `n/a (${failed(k) ?? 'not run'})`.slice(0, 60) };
    return unit(median(vs.map(f)));
  };
  const pooled = (vs: Visit[], k: PageKind, f: (c: Visit['changes'][number]) => number): Cell =>
    vs.length === 0 ? { na: 'n/a' } : ms(median(vs.flatMap((v) => v.changes.map(f))));
  const sum = (v: Visit, kind: keyof ReturnType<typeof totals>) => totals(v.sizes)[kind];
  const rows: Row[] = [];
  const at = (id: string) => scale.id === id;
  const jsApp = cell(A, 'app', (v) => sum(v, 'js'), kb);
  const jsRef = cell(R, 'ref', (v) => sum(v, 'js'), kb);
  rows.push({
    metric: 'first-view JS, gzip (requested until ready)',
    app: jsApp,
    ref: jsRef,
    ...(at('default') ? { target: { text: '<= 1.10x reference', pass: ratio(jsApp, jsRef) <= 1.1 } } : {}),
  });
  rows.push({
    metric: 'first-view CSS + HTML, gzip',
    app: cell(A, 'app', (v) => sum(v, 'css') + sum(v, 'html'), kb),
    ref: cell(R, 'ref', (v) => sum(v, 'css') + sum(v, 'html'), kb),
  });
  rows.push({
    metric: 'first-view data, gzip (requested until ready)',
    app: cell(A, 'app', (v) => sum(v, 'data'), kb),
    ref: cell(R, 'ref', (v) => sum(v, 'data'), kb),
  });
  // Every load of the scale's drawing mode: the full visits' and the load-only ones'.
  const AL = [...A, ...visits.appNav.filter(ok)];
  const RL = [...R, ...visits.refNav.filter(ok)];
  const navApp = cell(AL, 'app', (v) => v.navMs, ms);
  const navRef = cell(RL, 'ref', (v) => v.navMs, ms);
  const loads = `${AL.length}+${RL.length} loads`;
  rows.push({
    metric: scale.nullDrawAlways
      ? `navigation to data-map-ready (draw calls skipped; ${loads})`
      : `navigation to data-map-ready (SwiftShader drawing; ${loads})`,
    app: navApp,
    ref: navRef,
    ...(at('default') || at('synthetic-1000000')
      ? { target: { text: '<= 1.25x reference', pass: ratio(navApp, navRef) <= 1.25 } }
      : {}),
  });
  // Per-process CPU of the same loads (none where /proc is not readable).
  const cpuCell = (vs: Visit[], part: 'gpu' | 'renderer'): Cell => {
    const parts = vs.flatMap((v) => (v.navCpu ? [v.navCpu[part]] : []));
    return parts.length > 0 ? ms(median(parts)) : { na: 'n/a (no /proc)' };
  };
  const perProcess = [
    ['gpu', 'GPU-process CPU (SwiftShader, compositor)'],
    ['renderer', 'renderer CPU (main thread, workers)'],
  ] as const;
  for (const [part, what] of perProcess)
    rows.push({ metric: `  the same loads: ${what}`, app: cpuCell(AL, part), ref: cpuCell(RL, part) });
  if (scale.cpuNav) {
    const AN = visits.appCpuNav.filter(ok);
    const RN = visits.refCpuNav.filter(ok);
    rows.push({
      metric: 'navigation to ready, draw calls skipped (CPU side)',
      app: cell(AN, 'appCpuNav', (v) => v.navMs, ms),
      ref: cell(RN, 'refCpuNav', (v) => v.navMs, ms),
    });
  }
  rows.push({
    metric: 'flows drawn after load',
    app: cell(
      A,
      'app',
      (v) => v.drawn,
      (n) => ({ value: n, unit: 'n' }),
    ),
    ref: cell(
      R,
      'ref',
      (v) => v.drawn,
      (n) => ({ value: n, unit: 'n' }),
    ),
  });
  const heapApp = cell(A, 'app', (v) => v.heapLoadBytes, mb);
  const heapRef = cell(R, 'ref', (v) => v.heapLoadBytes, mb);
  rows.push({
    metric: 'JS heap after load (after GC, main thread)',
    app: heapApp,
    ref: heapRef,
    target: { text: '<= 1.25x reference', pass: ratio(heapApp, heapRef) <= 1.25 },
  });
  const n = scale.changes.length;
  const growthApp = cell(A, 'app', (v) => v.heapAfterChangesBytes - v.heapBeforeChangesBytes, mb);
  const growthRef = cell(R, 'ref', (v) => v.heapAfterChangesBytes - v.heapBeforeChangesBytes, mb);
  rows.push({
    metric: `JS heap growth, ${n} changes (usedSize: data + JIT code)`,
    app: growthApp,
    ref: growthRef,
  });
  if (A.some((v) => Number.isFinite(v.dataBeforeChangesBytes))) {
    const dataApp = cell(A, 'app', (v) => v.dataAfterChangesBytes - v.dataBeforeChangesBytes, mb);
    const dataRef = cell(R, 'ref', (v) => v.dataAfterChangesBytes - v.dataBeforeChangesBytes, mb);
    // "No growth": retained data within 1% of the heap after load (a leak would grow with every change).
    const dataOk =
      dataApp && 'value' in dataApp && heapApp && 'value' in heapApp
        ? dataApp.value <= 0.01 * heapApp.value
        : null;
    rows.push({
      metric: `retained data growth, ${n} changes (heap snapshot, no JIT code)`,
      app: dataApp,
      ref: dataRef,
      ...(at('default') ? { target: { text: '<= 1% of heap (none)', pass: dataOk } } : {}),
    });
  }
  const layersApp = pooled(A, 'app', (c) => c.layersMs);
  const layersRef = pooled(R, 'ref', (c) => c.layersMs);
  const changeTarget = at('synthetic-100000') ? 2 : at('synthetic-1000000') ? 5 : null;
  rows.push({
    metric: 'filter change: store update to layers updated, CPU',
    app: layersApp,
    ref: layersRef,
    ...(changeTarget !== null && layersApp && 'value' in layersApp
      ? { target: { text: `<= ${changeTarget} ms`, pass: layersApp.value <= changeTarget } }
      : {}),
  });
  const panelsApp = pooled(A, 'app', (c) => c.panelsMs);
  rows.push({
    metric: 'filter change: panels (after the frame: counts, legend, chart), CPU',
    app: panelsApp,
    ref: { na: 'no panels' },
    ...(at('synthetic-100000') && panelsApp && 'value' in panelsApp
      ? { target: { text: '<= 16 ms', pass: panelsApp.value <= 16 } }
      : {}),
  });
  const syncApp = pooled(A, 'app', (c) => c.syncMs);
  const syncTarget = at('default') ? 4 : at('synthetic-1000000') ? 16 : null;
  rows.push({
    metric: 'filter change: whole synchronous handler, CPU',
    app: syncApp,
    ref: pooled(R, 'ref', (c) => c.syncMs),
    ...(syncTarget !== null && syncApp && 'value' in syncApp
      ? { target: { text: `<= ${syncTarget} ms`, pass: syncApp.value <= syncTarget } }
      : {}),
  });
  rows.push({
    metric: 'filter change: to end of next frame (wall)',
    app: pooled(A, 'app', (c) => c.frameMs),
    ref: pooled(R, 'ref', (c) => c.frameMs),
  });
  rows.push({
    metric: 'filter change: to panels updated (wall)',
    app: pooled(A, 'app', (c) => c.panelsWallMs),
    ref: { na: 'no panels' },
  });
  const cpuApp = pooled(A, 'app', (c) => c.frameCpuMs);
  const cpuRef = pooled(R, 'ref', (c) => c.frameCpuMs);
  rows.push({
    metric: 'filter change + next frame: main-thread CPU',
    app: cpuApp,
    ref: cpuRef,
    ...(at('default') || at('synthetic-1000000')
      ? { target: { text: '<= 2x reference', pass: ratio(cpuApp, cpuRef) <= 2 } }
      : {}),
  });
  const counted = A.flatMap((v) => v.changes).filter((c) => c.panelsInCpu).length;
  const all = A.flatMap((v) => v.changes).length;
  rows.push({
    metric: `    with the panels' task up to the read (${counted}/${all})`,
    app: pooled(A, 'app', (c) => c.cpuMs),
    ref: pooled(R, 'ref', (c) => c.cpuMs),
  });
  if (scale.profiled.length > 0) {
    // A second opinion on the User Timing split: where sampled CPU time falls (source-mapped), per change.
    const prof = A.filter((v) => v.profile);
    const part = (k: 'panels' | 'layers' | 'other'): Cell =>
      prof.length ? ms(median(prof.map((v) => v.profile?.[k] ?? NaN))) : { na: 'n/a' };
    rows.push({ metric: 'panels CPU per change (sampled profile)', app: part('panels'), ref: null });
    rows.push({ metric: 'layers CPU per change (sampled profile)', app: part('layers'), ref: null });
  }
  if (scale.yearSwitch !== null) {
    const yApp = cell(A, 'app', (v) => v.year?.cpuMs ?? NaN, ms);
    // Real data only: only the real scales switch years.
    const target = scale.synthetic === null;
    rows.push({
      metric: `year switch to ${scale.yearSwitch}: main-thread CPU to ready`,
      app: yApp,
      ref: cell(R, 'ref', (v) => v.year?.cpuMs ?? NaN, ms),
      ...(target && yApp && 'value' in yApp ? { target: { text: '<= 50 ms', pass: yApp.value <= 50 } } : {}),
    });
    rows.push({
      metric: `year switch to ${scale.yearSwitch}: wall to ready`,
      app: cell(A, 'app', (v) => v.year?.wallMs ?? NaN, ms),
      ref: cell(R, 'ref', (v) => v.year?.wallMs ?? NaN, ms),
    });
  }
  if (scale.ui) {
    const U = visits.appUi.filter(ok);
    rows.push(
      ...interactionRows(
        U.flatMap((v) => (v.ui ? [v.ui] : [])),
        failed('appUi'),
      ),
    );
  }
  const block: Block = {
    title: `== ${scale.title}; ${A.length}+${R.length} visits (app+reference), ${n} filter changes each`,
    rows,
  };
  return {
    block,
    chunks: at('default') || at('all') ? renderChunks(sizesSummary(A), sizesSummary(R)) : null,
  };
}

async function main(): Promise<void> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the app and the reference page');
    build();
  }
  const info = dataInfo();
  if (scales(info).some((s) => s.ui)) writeUserFile(USER_FILE);
  const appServer: StaticServer = await serveStatic(APP_ROOT);
  const refServer: StaticServer = await serveStatic(REF_ROOT);
  const session = await launch(VIEWPORT);
  const blocks: Block[] = [];
  const chunkTexts: string[] = [];
  const errors = new Map<string, number>();
  let version: string;
  try {
    const probe = await session.context.newPage();
    const cdp = await session.context.newCDPSession(probe);
    version = (await cdp.send('Browser.getVersion')).product;
    await cdp.detach();
    await probe.close();
    const appMaps = new SourceMaps(APP_ROOT, appServer.url);
    // One unrecorded load of each page first: the very first load of a run pays the browser's cold start (GPU
    // process, caches), which would otherwise fall on the app's first visit alone.
    for (const [kind, server, path] of [
      ['app', appServer, '?mineral=rare-earths'],
      ['ref', refServer, 'tests/bench/reference.html?mineral=rare-earths'],
    ] as const) {
      await visit(session.context, {
        kind,
        url: `${server.url}${path}`,
        root: kind === 'app' ? APP_ROOT : REF_ROOT,
        baseUrl: server.url,
        allMinerals: info.minerals,
        warmup: [],
        changes: [],
        profiledChanges: [],
        maps: null,
        yearSwitch: null,
        readyTimeoutMs: 120_000,
        nullDraw: 'after-load',
        heapSnapshots: false,
      }).catch((error: unknown) => log(`warm-up ${kind}: ${String(error).split('\n')[0] ?? ''}`));
    }
    for (const scale of scales(info)) {
      placeFlows(info, scale.synthetic);
      const visits: Visits = {
        app: [],
        ref: [],
        appNav: [],
        refNav: [],
        appCpuNav: [],
        refCpuNav: [],
        appUi: [],
      };
      const runs: (keyof Visits)[] = [
        ...(scale.cpuNav
          ? (['app', 'ref', 'appNav', 'refNav', 'appCpuNav', 'refCpuNav'] as const)
          : (['app', 'ref'] as const)),
        ...(scale.ui ? (['appUi'] as const) : []),
      ];
      for (let rep = 0; rep < scale.reps; rep++) {
        for (const run of runs) {
          const kind: PageKind = run.startsWith('app') ? 'app' : 'ref';
          const loadOnly = run !== 'app' && run !== 'ref';
          const skipDraws = run === 'appCpuNav' || run === 'refCpuNav';
          const server = kind === 'app' ? appServer : refServer;
          const url =
            kind === 'app'
              ? `${server.url}${scale.appQuery}`
              : `${server.url}tests/bench/reference.html${scale.refQuery}`;
          await browserQuiet();
          const t = Date.now();
          try {
            const v = await visit(session.context, {
              kind,
              url,
              root: kind === 'app' ? APP_ROOT : REF_ROOT,
              baseUrl: server.url,
              allMinerals: info.minerals,
              warmup: loadOnly ? [] : scale.warmup,
              changes: loadOnly ? [] : scale.changes,
              profiledChanges: kind === 'app' && !loadOnly ? scale.profiled : [],
              maps: kind === 'app' ? appMaps : null,
              yearSwitch:
                scale.yearSwitch === null || loadOnly
                  ? null
                  : { year: scale.yearSwitch, index: info.years.indexOf(scale.yearSwitch) },
              readyTimeoutMs: scale.readyTimeoutMs,
              nullDraw: scale.nullDrawAlways || skipDraws ? 'always' : 'after-load',
              heapSnapshots: scale.id === 'default' && !loadOnly,
              ui:
                run === 'appUi' && scale.ui
                  ? { tableMinRows: scale.ui.tableMinRows, userFile: USER_FILE }
                  : null,
            });
            for (const e of v.errors) {
              const key = `${kind}: ${e.slice(0, 160)}`;
              errors.set(key, (errors.get(key) ?? 0) + 1);
            }
            visits[run].push(v);
            log(`${scale.id} ${run} #${rep + 1}: ready ${v.navMs.toFixed(0)} ms, visit ${Date.now() - t} ms`);
          } catch (error) {
            const msg = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
            visits[run].push({ failed: msg });
            log(`${scale.id} ${run} #${rep + 1}: FAILED ${msg}`);
          }
        }
      }
      const { block, chunks } = blockFor(scale, visits);
      blocks.push(block);
      if (chunks) chunkTexts.push(`${block.title.replace(/^== /, '')}\n${chunks}`);
    }
  } finally {
    placeFlows(info, null);
    await session.close();
    await appServer.close();
    await refServer.close();
  }
  const cpu = cpus();
  const header = [
    'Critical Minerals Map: benchmark against a bare maplibre-gl + deck.gl reference page',
    `Date ${new Date().toISOString()} | ${version} (Debian /usr/bin/chromium, headless) | ${platform()} ${release()} | ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) | ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM | Node ${process.version}`,
    `Load average (1 min) ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] ?? NaN).toFixed(1)} at end: other work on this machine adds noise to every wall and CPU figure.`,
    `Viewport ${VIEWPORT.width}x${VIEWPORT.height}, device scale 1. Visits alternate app, reference, app, ... in one browser, after one unrecorded load of each; medians over visits (filter changes pooled).`,
    'Rasterisation here is software: SwiftShader via ANGLE (no GPU). Pixel throughput and frame times say nothing about a',
    "user's GPU; the CPU-side figures (sync CPU of a change, panels, year switch CPU, heap, bytes) are the ones that carry over.",
    'Only the "navigation to data-map-ready" rows of the real scales include software drawing; see "draw calls" below.',
    'Sizes: gzip -9 (node:zlib) of the built files each page requested before data-map-ready. Targets never fail the process.',
  ];
  const footer = [
    '',
    'First-view files (gzip), per page:',
    ...chunkTexts,
    '',
    'How figures are taken:',
    '  ready         <html data-map-ready="true"> (basemap idle, deck.gl drew the data at full size), observed in the page',
    '                by a MutationObserver (a "true" that turned "false" again within one task counts: the records\'',
    '                old values show it); navigation = its performance.now() (ms since navigation start). At the',
    '                real scales each repetition adds load-only visits per page (with drawing, and with draw calls',
    '                skipped), so the navigation rows pool the full and the load-only loads of their drawing mode.',
    '  process CPU   utime + stime of every Chromium process (/proc/<pid>/stat, 10 ms ticks) from just before the',
    '                navigation to the harness seeing ready, by kind: the GPU process (ANGLE over SwiftShader: shader',
    "                compilation, rasterisation, compositing) and the page's renderer (main thread, MapLibre's worker,",
    "                V8's background threads). On 2 cores these compete: the GPU process's share is software-only.",
    '  draw calls    WebGL drawArrays*/drawElements* are no-ops (init script) after the load figures are taken, and from',
    '                the start at synthetic scales and in the "draw calls skipped" rows. Uploads, shader builds and',
    '                all JavaScript still run. Software rasterisation of every frame after a change would swamp the',
    "                CPU figures (and at 1M flows the run's budget) and says nothing about a user's GPU.",
    "  layers        from the change (app: panel checkbox/radio change event) to the end of the app's 'cmm:layers' User",
    '                Timing measure (src/app/timing.ts) (DOM event, zustand update, selectors, layer props set on deck.gl',
    '                synchronously); reference: its whole window.__cmmRef.setFilters (CPU filter + new layers).',
    "  panels        the app's 'cmm:panels' measure of the same change: one task after the frame that shows the change",
    '                (counts, legend, filters, chart, scenario, address bar debounced apart); "to panels updated" is',
    '                the wall time from the change to its end.',
    '  handler       in-page performance.now() around the whole synchronous change: also the address-bar update.',
    '                Changes: lithium on/off, risk china/all, cobalt on/off, risk no-china/all, lithium on/off, after',
    '                the same ten as an untimed warm-up (1M: two).',
    '  next frame    from the change to the end of the first animation frame after it (rAF, then a message task).',
    '  main-thread   CDP Performance.getMetrics TaskDuration minus DevToolsCommandDuration (the harness polling for',
    '                readiness and reading these metrics), delta around change + next frame (renderer main thread).',
    "                The read lands a few ms after the frame, mostly while the app's panel task (queued after that",
    '                frame) runs: TaskDuration counts a running task up to the read. The part of cmm:panels before',
    "                the read (the metrics' Timestamp - NavigationStart, on the page's clock) is taken out; the next",
    '                row keeps it in.',
    '  sampled       CPU profile (CDP Profiler, 50 us) of 4 more changes per app visit; stack frames mapped to',
    "                src/ through the build's hidden source maps (same JS bytes): nearest src/ui/* frame -> panels,",
    '                updateLayers, src/layers/*, src/map/* -> layers. Style/layout of the panel DOM is in next frame.',
    '  heap          CDP HeapProfiler.collectGarbage x2, then Runtime.getHeapUsage (page main thread; the maplibre',
    '                workers are excluded). Growth: before vs after the ten timed changes, which end at the start state.',
    '                usedSize also counts machine code V8 adds as more functions get optimised; the retained-data row',
    '                (default scale) sums a heap snapshot without JIT code and metadata: a leak shows there.',
    '  year switch   year slider input event (app) or __cmmRef.setYear (reference) until data-map-ready again;',
    '                CPU = main-thread delta as above (parse, validation, derivation, attribute building, frames).',
    '  synthetic     seeded mulberry32 rows (tests/bench/synthetic.ts) written as data/flows-2024.json into both',
    '                served builds: the app loads, validates and draws them through its normal path (no app hook).',
    '  reference     tests/bench/reference.html: maplibre-gl + one ArcLayer + one ScatterplotLayer, same basemap',
    "                style, same camera, same data files; draws what the app draws by default (the selected minerals'",
    '                sites and the flows making up 95% of their value, float32 cut as in src/derive/filter.ts).',
    '                It is served from a BENCH=1 build, where rolldown shares vendor chunks between both entries.',
    ...INTERACTIONS_LEGEND,
    ...(errors.size
      ? ['', 'Console errors seen (count):', ...[...errors].map(([e, n]) => `  ${n}x ${e}`)]
      : ['', 'No console errors.']),
    '',
    `Total bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ];
  process.stdout.write(`${[...header, renderBlocks(blocks), ...footer].join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
