// CSV and GeoJSON exports carry the same records with the same columns (a review found flow ids missing in GeoJSON).
import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { EXPORT_COLUMNS, viewCsv, viewGeoJson } from '../../src/state/export';
import { actions, createAppStore } from '../../src/state/store';
import { flow, staticData, yearData } from './helpers/state';

function state() {
  const store = createAppStore();
  actions.setData(store, staticData());
  actions.yearLoaded(
    store,
    yearData(2024, [flow('CHN', 'JPN', 9e8), flow('AUS', 'USA', 2e8), flow('DEU', 'XXX', 1e3)]),
  );
  actions.setFilters(store, { showAllFlows: true });
  return store.getState();
}

describe('exports', () => {
  test('GeoJSON features have exactly the CSV columns, with the same values, flow ids included', () => {
    const s = state();
    const csv = Papa.parse<Record<string, string>>(viewCsv(s), { header: true, skipEmptyLines: true });
    expect(csv.meta.fields).toEqual([...EXPORT_COLUMNS]);
    const geo = JSON.parse(viewGeoJson(s)) as {
      features: { properties: Record<string, unknown>; geometry: unknown }[];
    };
    expect(geo.features).toHaveLength(csv.data.length);
    geo.features.forEach((f, i) => {
      expect(Object.keys(f.properties)).toEqual([...EXPORT_COLUMNS]);
      const row = csv.data[i] ?? {};
      for (const c of EXPORT_COLUMNS) expect(String(f.properties[c] ?? '')).toBe(row[c] ?? '');
    });
    const flowIds = geo.features
      .filter((f) => f.properties.record_type === 'flow')
      .map((f) => f.properties.id);
    expect(flowIds).toEqual([
      '2024-rare-earths-850511-CHN-JPN',
      '2024-rare-earths-850511-AUS-USA',
      '2024-rare-earths-850511-DEU-XXX',
    ]);
  });

  test('sites are points, flows are lines between anchors; a flow with an unknown country keeps its record', () => {
    const geo = JSON.parse(viewGeoJson(state())) as {
      features: { properties: { id: string }; geometry: { type: string } | null }[];
    };
    const byId = new Map(geo.features.map((f) => [f.properties.id, f.geometry]));
    expect(byId.get('cur-a')?.type).toBe('Point');
    expect(byId.get('2024-rare-earths-850511-CHN-JPN')?.type).toBe('LineString');
    expect(byId.get('2024-rare-earths-850511-DEU-XXX')).toBeNull();
  });
});
