// Exports in the reader's language: translated column names for people, the stable ids for scripts (issue 18).
import { more } from '../../src/i18n/more';
import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { ATTRIBUTION } from '../../src/derive/describe';
import { SCENARIO_CSV_COLUMNS } from '../../src/derive/scenario';
import { EXPORT_COLUMNS, exportCell, scenarioCsvHeader, viewCsv, viewGeoJson } from '../../src/state/export';
import { actions, createAppStore } from '../../src/state/store';
import { flow, staticData, yearData } from './helpers/state';

function state(lang: 'en' | 'ja' = 'en') {
  const store = createAppStore();
  actions.setData(store, staticData());
  actions.yearLoaded(store, yearData(2024, [flow('CHN', 'JPN', 9e8), flow('AUS', 'USA', 2e8)]));
  actions.setFilters(store, { showAllFlows: true });
  actions.setLang(store, lang);
  return store.getState();
}

const parse = (csv: string) => Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;

describe('CSV column names', () => {
  test('English: the header is the ids whatever the option, byte for byte the same file', () => {
    const s = state('en');
    const plain = viewCsv(s);
    expect(plain.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(viewCsv(s, { lang: 'en', ids: false })).toBe(plain);
    expect(viewCsv(s, { lang: 'en', ids: true })).toBe(plain);
    for (const c of EXPORT_COLUMNS) expect(more('en').exportColumns[c]).toBe(c);
  });

  test('Japanese: names in Japanese by default (all distinct), closed-list words translated, ids and data kept', () => {
    const s = state('ja');
    const [header = [], ...rows] = parse(viewCsv(s, { lang: 'ja', ids: false }));
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => more('ja').exportColumns[c]));
    expect(new Set(header).size).toBe(EXPORT_COLUMNS.length);
    expect(header.slice(0, 4)).toEqual(['レコード種別', 'ID', '名称', '拠点の種類']);
    const col = (c: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(c);
    const flows = rows.filter((r) => r[col('record_type')] === '貿易フロー');
    expect(flows).toHaveLength(2);
    // Identifiers stay as they are: flow ids, ISO3 codes, mineral ids.
    expect(flows[0]?.[col('id')]).toBe('2024-rare-earths-850511-CHN-JPN');
    expect(flows[0]?.[col('exporter')]).toBe('CHN');
    expect(flows[0]?.[col('mineral')]).toBe('rare-earths');
    expect(rows.filter((r) => r[col('record_type')] === '拠点').length).toBeGreaterThan(0);
    expect(rows.every((r) => r.length === EXPORT_COLUMNS.length)).toBe(true);
  });

  test('Japanese with the script option: exactly the English file (ids and codes)', () => {
    expect(viewCsv(state('ja'), { lang: 'ja', ids: true })).toBe(viewCsv(state('en')));
  });

  test('cells: words translated for people, codes in machine mode', () => {
    const ja = { lang: 'ja' as const, ids: false };
    const ids = { lang: 'ja' as const, ids: true };
    expect(exportCell(ja, 'kind', 'mine')).toBe('鉱山');
    expect(exportCell(ids, 'kind', 'mine')).toBe('mine');
    expect(exportCell(ja, 'status', 'operating')).toBe('操業中');
    expect(exportCell(ja, 'precision', 'approximate')).toBe('おおよその位置');
    expect(exportCell(ja, 'china_risk_reasons', 'origin;south-china-sea')).toBe('輸出元;南シナ海');
    expect(exportCell(ja, 'china_risk_reasons', 'none')).toBe('なし');
    expect(exportCell(ja, 'export_controls', 'none')).toBe('なし');
    expect(exportCell(ja, 'export_controls', 'CN-2023-GA;CN-2024-SB')).toBe('CN-2023-GA;CN-2024-SB');
    expect(exportCell(ja, 'value_usd', 9e8)).toBe(9e8);
    expect(exportCell(ja, 'name', 'Mount Weld')).toBe('Mount Weld');
  });
});

describe('GeoJSON', () => {
  test('English: unchanged, no column_labels member', () => {
    const s = state('en');
    expect(viewGeoJson(s, 'en')).toBe(viewGeoJson(s));
    expect(JSON.parse(viewGeoJson(s))).not.toHaveProperty('column_labels');
  });

  test('Japanese: property keys and values are the ids; column_labels maps each id to its Japanese name', () => {
    const en = JSON.parse(viewGeoJson(state('en'))) as { features: unknown[] };
    const ja = JSON.parse(viewGeoJson(state('ja'), 'ja')) as {
      features: { properties: Record<string, unknown> }[];
      column_labels: { lang: string; labels: Record<string, string> };
    };
    expect(ja.features).toEqual(en.features);
    expect(Object.keys(ja.features[0]?.properties ?? {})).toEqual([...EXPORT_COLUMNS]);
    expect(ja.column_labels.lang).toBe('ja');
    expect(Object.keys(ja.column_labels.labels)).toEqual([...EXPORT_COLUMNS]);
    expect(ja.column_labels.labels.value_usd).toBe('金額（米ドル）');
  });
});

describe('scenario CSV column names', () => {
  test('English and the script option: the ids; Japanese: distinct names in the same order', () => {
    expect(scenarioCsvHeader('en', false)).toEqual(SCENARIO_CSV_COLUMNS);
    expect(scenarioCsvHeader('en', true)).toEqual(SCENARIO_CSV_COLUMNS);
    expect(scenarioCsvHeader('ja', true)).toEqual(SCENARIO_CSV_COLUMNS);
    const ja = scenarioCsvHeader('ja', false);
    expect(ja).toHaveLength(SCENARIO_CSV_COLUMNS.length);
    expect(new Set(ja).size).toBe(ja.length);
    expect(ja[0]).toBe('輸入国ISO3コード');
    expect(ja[SCENARIO_CSV_COLUMNS.indexOf('remaining_supplier_2_usd')]).toBe(
      '残る供給国2の輸入額（米ドル）',
    );
    // The English catalogue builds exactly the ids (the functions for the supplier columns included).
    const m = more('en').scenarioColumns;
    expect(
      [1, 2, 3].flatMap((n) => [
        m.supplierIso3(`${n}`),
        m.supplier(`${n}`),
        m.supplierUsd(`${n}`),
        m.supplierShare(`${n}`),
      ]),
    ).toEqual(SCENARIO_CSV_COLUMNS.filter((c) => c.startsWith('remaining_supplier_')));
  });
});

describe('PNG text', () => {
  test('the English attribution is the one images always had; the Japanese names the same sources', () => {
    expect(more('en').png.attribution).toBe(ATTRIBUTION);
    for (const source of ['USGS', 'CEPII BACI', 'NGA World Port Index', 'Natural Earth', 'Eurostat SeaRoute'])
      expect(more('ja').png.attribution).toContain(source);
  });
});
