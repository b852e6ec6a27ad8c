// The address bar follows the store: a new view adds a history entry, fine-tuning replaces it (debounced).
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
  ])('%s adds a history entry at once', (_name, patch) => {
    const { store, pushed, replaced } = setup();
    actions.setFilters(store, patch);
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
    actions.select(store, { type: 'site', id: 'cur-a' });
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
    expect(pushed).toHaveLength(2);
  });

  test('dispose stops writing', () => {
    const { store, pushed, sync } = setup();
    sync.dispose();
    actions.setFilters(store, { year: 2019 });
    expect(pushed).toEqual([]);
  });
});
