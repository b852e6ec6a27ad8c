// Loading the data files into the store: the first view's files, each year's flows (once), the sea routes; a file
// that fails or records that are skipped become notices, and the rest of the map keeps working.
import { DATA_PATHS, YEARS } from '../config/app';
import {
  DataFileError,
  fetchBytes,
  fetchJson,
  parseFlows,
  parseManifest,
  parseRoutes,
  parseSites,
  type DataProblem,
  type Fetcher,
} from '../data/load';
import { parseCountries, parseMinerals } from '../data/records';
import type { FilterIndex } from '../derive/filter';
import { unpackYear } from '../derive/year-packet';
import type { ControlReading } from '../model/measures';
import { selectFilterIndex } from '../state/selectors';
import type { YearReply } from '../workers/year.worker';
import type { YearBuild } from './year-worker';
import { decodeRoutes } from '../derive/routes';
import { t, type Messages } from '../i18n';
import { actions, type AppStore, type StaticData } from '../state/store';

/** The English names callers give `fileFailed`, and their catalogue keys (`notices.files`). */
const FILE_NAMES: Readonly<Record<string, keyof Messages['notices']['files']>> = {
  minerals: 'minerals',
  countries: 'countries',
  sites: 'sites',
  'sources list': 'sourcesList',
  'sea routes': 'seaRoutes',
  'country shares': 'countryShares',
  'scenario tools': 'scenarioTools',
  'export-control measures': 'measures',
  'funded projects': 'projects',
  'table view': 'tableView',
  'details panel': 'detailsPanel',
  basemap: 'basemap',
  search: 'search',
  'Japanese text': 'japanese',
  'PNG export': 'pngExport',
};

export interface Loaders {
  /**
   * The first view's files (the basemap is the map's: MapHandle.loadBasemap). `firstYear`'s flows are requested with
   * the static files (the largest first-view file; parsed later by loadYear, like any other year).
   */
  loadStatic(firstYear: number): Promise<StaticData>;
  /** Load a year's flows once; concurrent callers share the same promise. */
  loadYear(year: number): Promise<void>;
  loadRoutes(): Promise<void>;
  /**
   * Start the year worker now (after the first view), so the first year switch does not wait for its start; with
   * `readAhead`, the worker then reads the other years one by one while the page is idle, nearest year first.
   */
  warmYears(readAhead: boolean): void;
  /**
   * Say that a file could not be used (and which), as an error notice in the reader's language. `what` is the part's
   * English name (one of FILE_NAMES; another name is shown as it is).
   */
  fileFailed(error: unknown, what: string): void;
}

/**
 * `measure` records the User Timing spans the benchmark reads ('cmm:year-fetch', 'cmm:year-parse'). `startYearWorker`
 * starts the worker that parses and tables the years after the first (null: every year is parsed on the page).
 */
export function createLoaders(
  store: AppStore,
  fetcher: Fetcher,
  measure: (name: `cmm:${string}`, start: number, end?: number) => void,
  startYearWorker: () => YearBuild | null = () => null,
): Loaders {
  /** Started on the first year switch (never in the first view); null once it could not start. */
  let yearBuild: YearBuild | null | undefined;

  /** A year the worker has read: its reply, and the page's filter index and control reading it was built for. */
  interface Built {
    reply: YearReply;
    index: FilterIndex;
    reading: ControlReading;
  }

  /**
   * A year off the page: its bytes move to the worker, which validates the rows and builds the value-sorted table.
   * Null when there is no worker (or it failed): the year is parsed on the page. A download that fails throws.
   */
  async function buildInWorker(year: number, data: StaticData): Promise<Built | null> {
    yearBuild ??= startYearWorker();
    if (!yearBuild) return null;
    const path = DATA_PATHS.flows(year);
    const t0 = performance.now();
    const bytes = await fetchBytes(fetcher, path);
    if (!bytes) return null;
    const t1 = performance.now();
    const s = store.getState();
    const index = selectFilterIndex(s);
    const reading = s.filters.controls;
    try {
      const reply = await yearBuild({ bytes, file: path, known: [...data.countries.keys()], index, reading });
      measure('cmm:year-fetch', t0, t1);
      measure('cmm:year-parse', t1);
      return { reply, index, reading };
    } catch (error) {
      // The worker itself broke (not the file): this and later years are read on the page.
      console.warn('The year worker failed; reading years on the page instead.', error);
      yearBuild = null;
      return null;
    }
  }

  /** The page makes the flow records from the worker's packet; a file the worker rejected is reported as such. */
  function applyBuilt({ reply, index, reading }: Built, problems: DataProblem[]): void {
    if (!reply.ok) throw reply.file ? new DataFileError(reply.file, reply.message) : new Error(reply.message);
    problems.push(...reply.problems);
    const { year: parsed, table } = unpackYear(reply.packet);
    actions.yearLoaded(store, { ...parsed, table: { index, reading, table } });
  }

  /**
   * Years the worker has read ahead (warmYears), until they are shown: a switch to one of them, or the play button,
   * applies it in the same task as the input (no "loading" state, one panel update, no wait for a download and a
   * parse). Undefined: reading ahead failed (a download), and the year is read again when it is shown.
   */
  const ahead = new Map<number, Promise<Built | null | undefined>>();

  async function readAhead(): Promise<void> {
    const data = store.getState().data;
    if (!data) return;
    const from = store.getState().filters.year;
    const years = [...YEARS].sort((a, b) => Math.abs(a - from) - Math.abs(b - from) || a - b);
    for (const year of years) {
      await idle();
      // Shown (or being shown) meanwhile: loadYear has it.
      if (yearLoads.has(year) || ahead.has(year)) continue;
      const built = buildInWorker(year, data).catch(() => undefined);
      ahead.set(year, built);
      if ((await built) === null) return;
    }
  }

  function reportProblems(problems: DataProblem[]): void {
    if (problems.length === 0) return;
    const { lang } = store.getState();
    const byFile = new Map<string, DataProblem[]>();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, list] of byFile) {
      const examples = list
        .slice(0, 3)
        .map((p) => `${p.id ?? ''} ${p.message}`.trim())
        .join('; ');
      actions.notify(
        store,
        'warning',
        // The examples are the validator's plain words (data/issues.ts), English for now.
        t(lang).notices.skipped(String(list.length), file, examples),
      );
      console.warn(`Invalid records in ${file}:`, list);
    }
  }

  function fileFailed(error: unknown, what: string): void {
    const m = t(store.getState().lang).notices;
    const key = FILE_NAMES[what];
    partFailed(error, key ? m.files[key] : what);
  }

  /** `fileFailed` for a part already named in the reader's language. */
  function partFailed(error: unknown, name: string): void {
    const m = t(store.getState().lang).notices;
    // The file error's own words (data/load.ts) are English for now.
    const text =
      error instanceof DataFileError ? m.fileError(name, error.file, error.message) : m.notLoaded(name);
    actions.notify(store, 'error', m.restWorks(text));
  }

  /** Year files requested before the data they are validated against has arrived (see loadStatic). */
  const prefetched = new Map<number, Promise<unknown>>();

  async function loadStatic(firstYear: number): Promise<StaticData> {
    const problems: DataProblem[] = [];
    const settle = async <T>(
      path: string,
      what: string,
      parse: (v: unknown) => T | Promise<T>,
    ): Promise<T | null> => {
      try {
        return await parse(await fetchJson(fetcher, path));
      } catch (error) {
        fileFailed(error, what);
        return null;
      }
    };
    const early = fetchJson(fetcher, DATA_PATHS.flows(firstYear));
    early.catch(() => undefined); // reported by loadYear when it awaits this promise
    prefetched.set(firstYear, early);
    const [minerals, countries, sites, manifest] = await Promise.all([
      settle(DATA_PATHS.minerals, 'minerals', (v) => parseMinerals(v, DATA_PATHS.minerals, problems)),
      settle(DATA_PATHS.countries, 'countries', (v) => parseCountries(v, DATA_PATHS.countries, problems)),
      settle(DATA_PATHS.sites, 'sites', (v) => parseSites(v, DATA_PATHS.sites, problems)),
      settle(DATA_PATHS.sources, 'sources list', (v) => parseManifest(v, DATA_PATHS.sources)),
    ]);
    reportProblems(problems);
    return {
      minerals: minerals ?? [],
      countries: new Map((countries ?? []).map((c) => [c.iso3, c])),
      sites: sites ?? [],
      manifest,
    };
  }

  const yearLoads = new Map<number, Promise<void>>();
  function loadYear(year: number): Promise<void> {
    const s = store.getState();
    if (!s.data) return Promise.resolve();
    const pending = yearLoads.get(year);
    if (pending) return pending;
    const data = s.data;
    const load = (async () => {
      actions.yearLoading(store, year);
      const problems: DataProblem[] = [];
      try {
        const early = prefetched.get(year);
        prefetched.delete(year);
        // The first view's year was requested with the static files and is read here; later years in the worker
        // (or already read ahead by it).
        const held = ahead.get(year);
        ahead.delete(year);
        const built = early ? null : ((held && (await held)) ?? (await buildInWorker(year, data)));
        if (built) applyBuilt(built, problems);
        else {
          const t0 = performance.now();
          const raw = await (early ?? fetchJson(fetcher, DATA_PATHS.flows(year)));
          const t1 = performance.now();
          const parsed = await parseFlows(
            raw,
            DATA_PATHS.flows(year),
            new Set(data.countries.keys()),
            problems,
          );
          measure('cmm:year-fetch', t0, t1);
          measure('cmm:year-parse', t1);
          actions.yearLoaded(store, parsed);
        }
      } catch (error) {
        actions.yearFailed(store, year);
        partFailed(error, t(store.getState().lang).notices.yearFlows(String(year)));
      }
      reportProblems(problems);
    })();
    yearLoads.set(year, load);
    return load;
  }

  async function loadRoutes(): Promise<void> {
    if (store.getState().routesStatus !== 'idle') return;
    actions.routesLoading(store);
    try {
      actions.routesLoaded(
        store,
        decodeRoutes(await parseRoutes(await fetchJson(fetcher, DATA_PATHS.routes), DATA_PATHS.routes)),
      );
    } catch (error) {
      actions.routesFailed(store);
      fileFailed(error, 'sea routes');
    }
  }

  const warmYears = (andRead: boolean) => {
    yearBuild ??= startYearWorker();
    // Not on a metered connection that asks to save data: there each year is read when it is shown.
    const nav = (globalThis as { navigator?: { connection?: { saveData?: boolean } } }).navigator;
    const saveData = nav?.connection?.saveData === true;
    if (andRead && yearBuild && !saveData) void readAhead();
  };

  return { loadStatic, loadYear, loadRoutes, warmYears, fileFailed };
}

/** Resolves when the page is idle (or after a second where idle callbacks do not exist). */
const idle = (): Promise<void> =>
  new Promise((ok) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => ok());
    else setTimeout(ok, 1000);
  });
