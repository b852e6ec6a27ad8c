// Years read ahead by the worker: shown without a download at the switch; a failed download is tried again when the
// year is shown; a file the worker rejects is reported only when its year is shown; no reading ahead when not asked.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLoaders } from '../../src/app/loading';
import { DATA_PATHS, YEARS } from '../../src/config/app';
import { parseFlows, type DataProblem, type Fetcher } from '../../src/data/load';
import { parseCountries, parseMinerals } from '../../src/data/records';
import { packetTransfer, packYear } from '../../src/derive/year-packet';
import { actions, createAppStore, type StaticData } from '../../src/state/store';
import type { YearBuild } from '../../src/app/year-worker';

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const countries = await parseCountries(json('public/data/countries.json'), 'countries', []);
const minerals = await parseMinerals(json('public/data/minerals.json'), 'minerals', []);
const data: StaticData = {
  countries: new Map(countries.map((c) => [c.iso3, c])),
  minerals,
  sites: [],
  manifest: null,
};

/** The app's files from public/, with a count of requests per path; `broken` paths answer as the test says. */
function files(broken: Map<string, 'network' | 'garbled'>) {
  const requests = new Map<string, number>();
  const fetcher: Fetcher = async (path) => {
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const how = broken.get(path);
    if (how === 'network') {
      broken.delete(path); // fails once
      throw new TypeError('Failed to fetch');
    }
    const bytes =
      how === 'garbled'
        ? new TextEncoder().encode('{"rows": 3, ').buffer
        : readFileSync(`public/${path}`).buffer;
    return {
      ok: true,
      status: 200,
      json: async () => JSON.parse(new TextDecoder().decode(bytes)),
      arrayBuffer: async () => bytes.slice(0),
    };
  };
  return { fetcher, requests };
}

/** The worker's work (src/workers/year.worker.ts), done here: parse, validate, table, pack; the packet moved. */
const worker: YearBuild = async ({ bytes, file, known, index, reading }) => {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { id: 0, ok: false, file, message: 'is not valid JSON' };
  }
  const problems: DataProblem[] = [];
  const packet = packYear(await parseFlows(raw, file, new Set(known), problems), index, reading);
  return { id: 0, ok: true, packet: structuredClone(packet, { transfer: packetTransfer(packet) }), problems };
};

async function setUp(broken = new Map<string, 'network' | 'garbled'>()) {
  const store = createAppStore();
  actions.setData(store, data);
  actions.setFilters(store, { year: 2024 });
  const { fetcher, requests } = files(broken);
  const loaders = createLoaders(
    store,
    fetcher,
    () => undefined,
    () => worker,
  );
  await loaders.loadYear(2024);
  return { store, loaders, requests };
}

/** Let the idle waits (a second each where there are no idle callbacks) and the reads between them run. */
const idleFor = (years: number) => vi.advanceTimersByTimeAsync(1100 * years);

describe('years read ahead', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  test('the other years are read once, nearest first, and a switch shows one without downloading it again', async () => {
    const { store, loaders, requests } = await setUp();
    loaders.warmYears(true);
    await idleFor(YEARS.length);
    expect([...requests.keys()]).toEqual(
      [2024, 2023, 2022, 2021, 2020, 2019, 2018].map((y) => DATA_PATHS.flows(y)),
    );
    // Nothing is in the store until a year is shown.
    expect(Object.keys(store.getState().years)).toEqual(['2024']);
    actions.setFilters(store, { year: 2022 });
    await loaders.loadYear(2022);
    expect(requests.get(DATA_PATHS.flows(2022))).toBe(1);
    expect(store.getState().yearStatus[2022]).toBe('ready');
    const direct = await parseFlows(
      json(`public/${DATA_PATHS.flows(2022)}`),
      'f',
      new Set(data.countries.keys()),
      [],
    );
    expect(store.getState().years[2022]?.flows.map((f) => f.id)).toEqual(direct.flows.map((f) => f.id));
  });

  test('a download that failed ahead is tried again when its year is shown', async () => {
    const { store, loaders, requests } = await setUp(new Map([[DATA_PATHS.flows(2023), 'network']]));
    loaders.warmYears(true);
    await idleFor(YEARS.length);
    expect(requests.get(DATA_PATHS.flows(2023))).toBe(1);
    await loaders.loadYear(2023);
    expect(requests.get(DATA_PATHS.flows(2023))).toBe(2);
    expect(store.getState().yearStatus[2023]).toBe('ready');
    expect(store.getState().notices).toEqual([]);
  });

  test('a file the worker rejects is reported when its year is shown, not before', async () => {
    const { store, loaders } = await setUp(new Map([[DATA_PATHS.flows(2021), 'garbled']]));
    loaders.warmYears(true);
    await idleFor(YEARS.length);
    expect(store.getState().notices).toEqual([]);
    await loaders.loadYear(2021);
    expect(store.getState().yearStatus[2021]).toBe('error');
    const said = store
      .getState()
      .notices.map((n) => n.text)
      .join(' ');
    expect(said).toContain('flows-2021.json');
    expect(said).toContain('is not valid JSON');
  });

  test('nothing is read ahead when not asked (an embed)', async () => {
    const { loaders, requests } = await setUp();
    loaders.warmYears(false);
    await idleFor(YEARS.length);
    expect([...requests.keys()]).toEqual([DATA_PATHS.flows(2024)]);
  });

  test('nothing is read ahead when the browser asks to save data', async () => {
    vi.stubGlobal('navigator', { connection: { saveData: true } });
    try {
      const { loaders, requests } = await setUp();
      loaders.warmYears(true);
      await idleFor(YEARS.length);
      expect([...requests.keys()]).toEqual([DATA_PATHS.flows(2024)]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
