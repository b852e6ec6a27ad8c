// The store's actions: each changes what a user would see change, and nothing else.
import { describe, expect, test } from 'vitest';
import { DEFAULT_YEAR } from '../../src/config/app';
import { actions, createAppStore, defaultFilters } from '../../src/state/store';
import { staticData, yearData, flow } from './helpers/state';

describe('store actions', () => {
  test('setData makes the app ready with the data', () => {
    const store = createAppStore();
    expect(store.getState().status).toBe('loading');
    actions.setData(store, staticData());
    expect(store.getState().status).toBe('ready');
    expect(store.getState().data?.sites).toHaveLength(2);
  });

  test('choosing a year not loaded yet marks it loading in the same update (one render, not two)', () => {
    const store = createAppStore();
    actions.setData(store, staticData());
    const states: number[] = [];
    store.subscribe((s) => states.push(s.filters.year));
    actions.setFilters(store, { year: 2022 });
    expect(states).toEqual([2022]);
    expect(store.getState().yearStatus[2022]).toBe('loading');
  });

  test('a year already loaded is not marked loading again; other filters leave the year status alone', () => {
    const store = createAppStore();
    actions.setData(store, staticData());
    actions.yearLoaded(store, yearData(2022, [flow('CHN', 'JPN', 5)]));
    actions.setFilters(store, { year: 2022 });
    expect(store.getState().yearStatus[2022]).toBe('ready');
    actions.setFilters(store, { risk: 'china' });
    expect(store.getState().filters).toMatchObject({ year: 2022, risk: 'china' });
  });

  test('a failed year is marked error, and yearLoading does not overwrite a load in progress', () => {
    const store = createAppStore();
    actions.yearLoading(store, 2019);
    const before = store.getState();
    actions.yearLoading(store, 2019);
    expect(store.getState()).toBe(before);
    actions.yearFailed(store, 2019);
    expect(store.getState().yearStatus[2019]).toBe('error');
  });

  test('reset restores the default filters but keeps the year and stops playing', () => {
    const store = createAppStore();
    actions.setFilters(store, { year: 2021, risk: 'no-china', focus: 'JPN', minValueUsd: 1e6 });
    actions.setPlaying(store, true);
    actions.resetFilters(store);
    expect(store.getState().filters).toEqual({ ...defaultFilters(), year: 2021 });
    expect(store.getState().playing).toBe(false);
  });

  test('applyView puts a whole link in one update and marks its year loading', () => {
    const store = createAppStore();
    let updates = 0;
    store.subscribe(() => updates++);
    actions.applyView(store, {
      data: staticData(),
      status: 'ready',
      filters: { ...defaultFilters(), year: 2020 },
      scenario: { id: 'china-stop', exporters: [] },
      selection: { type: 'site', id: 'cur-a' },
    });
    expect(updates).toBe(1);
    const s = store.getState();
    expect(s.yearStatus[2020]).toBe('loading');
    expect(s.scenario?.id).toBe('china-stop');
    expect(s.selection).toEqual({ type: 'site', id: 'cur-a' });
  });

  test('notices are numbered, added in order and dismissed by id', () => {
    const store = createAppStore();
    const a = actions.notify(store, 'warning', 'first');
    const b = actions.notify(store, 'error', 'second');
    expect(b).toBeGreaterThan(a);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['first', 'second']);
    actions.dismiss(store, a);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['second']);
  });

  test('selection, view, scenario, allies, routes and shares are set as given', () => {
    const store = createAppStore();
    actions.select(store, { type: 'flow', id: 'x' });
    actions.setView(store, { lng: 1, lat: 2, zoom: 3 });
    actions.setScenario(store, { id: 'custom', exporters: ['AUS'] });
    actions.setAllies(store, { preset: null, members: ['JPN', 'USA'] });
    actions.routesLoading(store);
    expect(store.getState().routesStatus).toBe('loading');
    actions.routesLoaded(store, new Map());
    const s = store.getState();
    expect(s.selection).toEqual({ type: 'flow', id: 'x' });
    expect(s.view).toEqual({ lng: 1, lat: 2, zoom: 3 });
    expect(s.scenario).toEqual({ id: 'custom', exporters: ['AUS'] });
    expect(s.allies.members).toEqual(['JPN', 'USA']);
    expect(s.routesStatus).toBe('ready');
    actions.routesFailed(store);
    expect(store.getState().routesStatus).toBe('error');
    expect(s.filters.year).toBe(DEFAULT_YEAR);
  });
});
