// The address bar follows the store once it is quiet: a new view adds a history entry, fine-tuning replaces it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { actions, createAppStore } from '../../src/state/store';
import { startUrlSync } from '../../src/url/sync';
import { staticData } from './helpers/state';

function setup() {
  const store = createAppStore();
  actions.setData(store, staticData());
  const pushed: string[] = [];
  const replaced: string[] = [];
  const history = {
    pushState: (_: unknown, __: string, url: string) => void pushed.push(url),
    replaceState: (_: unknown, __: string, url: string) => void replaced.push(url),
  };
  const sync = startUrlSync(store, history, { pathname: '/map/', search: '', hash: '#x' }, 250);
  return { store, pushed, replaced, sync };
}

describe('url sync history policy', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  test.each([
    ['a different mineral', { minerals: ['lithium'] }],
    ['a different year', { year: 2020 }],
    ['a focus country', { focus: 'JPN' }],
    ['a risk mode', { risk: 'china' as const }],
    ['sea lanes', { flowView: 'sea-lanes' as const }],
  ])('%s adds a history entry once the store is quiet', (_name, patch) => {
    const { store, pushed, replaced } = setup();
    actions.setFilters(store, patch);
    vi.advanceTimersByTime(200);
    expect(pushed).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatch(/^\/map\/\?v=2&.*#x$/);
    expect(replaced).toEqual([]);
  });

  test.each([
    ['site kinds', { kinds: ['mine' as const] }],
    ['the minimum value', { minValueUsd: 1e6 }],
    ['the colour mode', { colorBy: 'importer-dependence' as const }],
    ['the width mode', { widthBy: 'tonnes' as const }],
  ])('%s replaces the entry after the debounce, once for a burst', (_name, patch) => {
    const { store, pushed, replaced } = setup();
    actions.setFilters(store, patch);
    actions.setView(store, { lng: 5, lat: 5, zoom: 2 });
    expect(replaced).toEqual([]);
    vi.advanceTimersByTime(260);
    expect(pushed).toEqual([]);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatch(/view=5,5,2/);
  });

  test('a scenario and a selection are worth a Back step; nothing is written while loading or suspended', () => {
    const { store, pushed, sync } = setup();
    actions.setScenario(store, { id: 'china-stop', exporters: [] });
    vi.advanceTimersByTime(260);
    actions.select(store, { type: 'site', id: 'cur-a' });
    vi.advanceTimersByTime(260);
    expect(pushed).toHaveLength(2);
    expect(pushed[1]).toMatch(/scenario=china-stop.*site=cur-a/);
    sync.suspend(() => actions.setFilters(store, { minerals: ['lithium'] }));
    expect(pushed).toHaveLength(2);
    // After the suspension the applied state is the baseline: no entry for it afterwards either.
    actions.setView(store, { lng: 1, lat: 1, zoom: 1 });
    vi.advanceTimersByTime(300);
    expect(pushed).toHaveLength(2);
    store.setState({ status: 'loading' });
    actions.setFilters(store, { year: 2019 });
    vi.advanceTimersByTime(300);
    expect(pushed).toHaveLength(2);
  });

  test('a burst of new views inside the debounce is one Back step, ending at the last view', () => {
    const { store, pushed, replaced } = setup();
    actions.setFilters(store, { minerals: ['lithium'] });
    vi.advanceTimersByTime(100);
    actions.setFilters(store, { minerals: ['lithium', 'cobalt'] });
    vi.advanceTimersByTime(100);
    actions.setFilters(store, { risk: 'china' });
    vi.advanceTimersByTime(260);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatch(/mineral=lithium,cobalt.*risk=china|risk=china.*mineral=lithium,cobalt/);
    expect(replaced).toEqual([]);
  });

  test('flush writes a pending change at once (the page is being left), and only once', () => {
    const { store, pushed, sync } = setup();
    sync.flush();
    expect(pushed).toEqual([]);
    actions.setFilters(store, { year: 2019 });
    sync.flush();
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatch(/year=2019/);
    vi.advanceTimersByTime(300);
    expect(pushed).toHaveLength(1);
  });

  test('dispose stops writing', () => {
    const { store, pushed, sync } = setup();
    sync.dispose();
    actions.setFilters(store, { year: 2019 });
    vi.advanceTimersByTime(300);
    expect(pushed).toEqual([]);
  });
});
