// Applying a link to the store: the view it names, one notice for what it ignores, flows and fit after the year loads.
import { describe, expect, test } from 'vitest';
import { actions, createAppStore, type AppStore } from '../../src/state/store';
import { applyLink } from '../../src/url/apply';
import type { ViewState } from '../../src/model/view';
import { flow, staticData, yearData } from './helpers/state';

function setup(flowsOf: Record<number, ReturnType<typeof flow>[]> = {}) {
  const store = createAppStore();
  const calls = { jumps: [] as ViewState[], fits: 0, frames: 0, quiet: 0, years: [] as number[] };
  const deps = {
    store,
    data: staticData(),
    jumpTo: (v: ViewState) => void calls.jumps.push(v),
    fitToData: () => void calls.fits++,
    frameWorld: () => void calls.frames++,
    loadYear: async (year: number) => {
      calls.years.push(year);
      actions.yearLoaded(store, yearData(year, flowsOf[year] ?? []));
    },
    quietly: (fn: () => void) => {
      calls.quiet++;
      fn();
    },
  };
  return { store, deps, calls };
}
const noticeText = (store: AppStore) =>
  store
    .getState()
    .notices.map((n) => n.text)
    .join('\n');

describe('applyLink', () => {
  test('a full link becomes the view: filters, scenario, allies, camera, selection, data', async () => {
    const { store, deps, calls } = setup();
    await applyLink(
      '?mineral=rare-earths&year=2022&risk=china&focus=JPN&role=importer&scenario=custom&stop=AUS&allies=JPN,USA&view=139,35,4&site=cur-a',
      deps,
    );
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.filters).toMatchObject({ year: 2022, risk: 'china', focus: 'JPN', role: 'importer' });
    expect(s.scenario).toEqual({ id: 'custom', exporters: ['AUS'] });
    expect(s.allies).toEqual({ preset: null, members: ['JPN', 'USA'] });
    expect(s.selection).toEqual({ type: 'site', id: 'cur-a' });
    expect(calls.jumps).toEqual([{ lng: 139, lat: 35, zoom: 4 }]);
    expect(calls.frames).toBe(0);
    expect(calls.years).toEqual([2022]);
    expect(s.notices).toEqual([]);
  });

  test('everything the link gets wrong is listed in one warning, the rest still applies', async () => {
    const { store, deps } = setup();
    await applyLink('?mineral=rare-earths&focus=XXX&allies=nosuchset&site=cur-zzz&risk=china', deps);
    const s = store.getState();
    expect(s.filters.risk).toBe('china');
    expect(s.filters.focus).toBeNull();
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]?.level).toBe('warning');
    const text = noticeText(store);
    expect(text).toMatch(/unknown country "XXX"/);
    expect(text).toMatch(/unknown partner set "nosuchset"/);
    expect(text).toMatch(/the linked site "cur-zzz" is not in the data/);
  });

  test('a linked flow is selected once its year has loaded; a missing one is reported', async () => {
    const { store, deps } = setup({ 2024: [flow('CHN', 'JPN', 100)] });
    await applyLink('?year=2024&flow=rare-earths-850511-CHN-JPN', deps);
    expect(store.getState().selection).toEqual({ type: 'flow', id: '2024-rare-earths-850511-CHN-JPN' });
    const other = setup({ 2024: [] });
    await applyLink('?year=2024&flow=rare-earths-850511-CHN-DEU', other.deps);
    expect(other.store.getState().selection).toBeNull();
    expect(noticeText(other.store)).toMatch(/flow "rare-earths-850511-CHN-DEU" is not in the data for 2024/);
  });

  test('fit=1 fits the camera to the data unless the link also names a view', async () => {
    const a = setup();
    await applyLink('?fit=1', a.deps);
    expect(a.calls.fits).toBe(1);
    const b = setup();
    await applyLink('?fit=1&view=10,10,3', b.deps);
    expect(b.calls.fits).toBe(0);
  });

  test('back to a link without scenario or selection clears them; changes are applied quietly', async () => {
    const { store, deps, calls } = setup();
    await applyLink('?scenario=china-stop&site=cur-a', deps);
    expect(store.getState().scenario?.id).toBe('china-stop');
    const { data: _first, ...later } = deps; // a later link: the data is already in the store
    await applyLink('?mineral=rare-earths', later);
    expect(store.getState().scenario).toBeNull();
    expect(store.getState().selection).toBeNull();
    expect(store.getState().allies.preset).toBe('us-japan-australia-eu');
    expect(calls.quiet).toBe(2);
  });

  test.each([
    ['', 1, 0],
    ['?view=10,20,3', 0, 0],
    ['?fit=1', 0, 1],
  ])(
    'link %j: the camera is framed on the world %i times, fitted to the data %i times',
    async (q, frames, fits) => {
      const { deps, calls } = setup();
      await applyLink(q, deps);
      expect(calls.frames).toBe(frames);
      expect(calls.fits).toBe(fits);
    },
  );
});
