// The export controls in the app: the risk code's reading, the panel's list and outlines, the link keys, the
// controls scenario on stored bits, the CSV columns and the monthly chart's geometry.
import { describe, expect, test } from 'vitest';
import { readRisk, decodeRisk, CONTROL_BIT_IN_YEAR, CONTROL_BIT_TODAY } from '../../src/derive/risk-codes';
import { chartGeometry, monthAt, monthIndex, seriesFor } from '../../src/derive/monthly';
import { scenarioResults } from '../../src/derive/scenario';
import type { Measure, MeasuresFile, MonthlySeries } from '../../src/model/measures';
import {
  controlsText,
  readingLabel,
  selectControllingCountries,
  selectFlowControls,
  selectMeasureCoverage,
  selectMeasureList,
  selectNeedsMeasures,
} from '../../src/state/measures';
import { exportRecords } from '../../src/state/export';
import { createAppStore, defaultFilters, type AppState } from '../../src/state/store';
import { parseUrl, serializeUrl } from '../../src/url/codec';
import { urlStateFromApp } from '../../src/url/state';
import { flow, staticData, yearData } from './helpers/state';

const measure = (over: Partial<Measure> & Pick<Measure, 'id'>): Measure => ({
  country: 'CHN',
  issuer: 'MOFCOM',
  announcementNo: over.id,
  announced: null,
  inForce: null,
  suspended: null,
  lifted: null,
  suspendedUntil: null,
  form: 'licence',
  minerals: ['rare-earths'],
  materials: 'test scope',
  hs: ['850511'],
  hsMapping: 'stated',
  destinations: null,
  sources: [{ publisher: 'MOFCOM', title: 'Announcement', year: 2025 }],
  checked: 'test',
  notes: '',
  ...over,
});

const MEASURES: Measure[] = [
  measure({ id: 'magnets-2025', announced: '2025-04-04', inForce: '2025-04-04' }),
  measure({ id: 'old-2023', announced: '2023-07-03', inForce: '2023-08-01', hs: ['280530'] }),
  measure({ id: 'undated', country: 'ZWE', hs: [] }),
  measure({ id: 'lithium-only', minerals: ['lithium'], inForce: '2024-01-01', hs: ['283691'] }),
  measure({
    id: 'to-usa',
    inForce: '2024-12-03',
    hs: ['850511'],
    destinations: ['USA'],
    form: 'ban-destinations',
  }),
];
const FILE: MeasuresFile = { asOf: '2026-12-03', measures: MEASURES, hs: {}, monthly: [], sources: [] };

function state(patch: Partial<AppState> = {}, filters: Partial<AppState['filters']> = {}): AppState {
  const store = createAppStore({
    data: staticData(),
    status: 'ready',
    measures: FILE,
    measuresStatus: 'ready',
    filters: { ...defaultFilters(), year: 2024, ...filters },
    years: {
      2024: yearData(2024, [
        { ...flow('CHN', 'JPN', 100), risk: CONTROL_BIT_TODAY | 1 },
        { ...flow('CHN', 'USA', 50), risk: CONTROL_BIT_TODAY | CONTROL_BIT_IN_YEAR | 1 },
        { ...flow('AUS', 'JPN', 30), risk: 0 },
      ]),
    },
    ...patch,
  });
  return store.getState();
}

describe('the controlled reason is read per reading from the stored code', () => {
  test.each([
    [0, 'today', []],
    [CONTROL_BIT_TODAY, 'today', ['controlled']],
    [CONTROL_BIT_TODAY, 'flow-year', []],
    [CONTROL_BIT_IN_YEAR | 1, 'flow-year', ['origin', 'controlled']],
    [CONTROL_BIT_IN_YEAR | 1, 'today', ['origin']],
    [CONTROL_BIT_TODAY | CONTROL_BIT_IN_YEAR | 16 | 4, 'today', ['transit', 'controlled']],
  ] as const)('stored %i read %s -> %j', (code, reading, reasons) => {
    const app = readRisk(code, reading);
    expect(app).toBeLessThanOrEqual(63);
    expect(decodeRisk(app)).toEqual(reasons);
  });
});

describe('the measures panel and map', () => {
  test('lists the selected minerals’ measures newest first, undated last', () => {
    expect(selectMeasureList(state()).map((m) => m.id)).toEqual([
      'magnets-2025',
      'to-usa',
      'old-2023',
      'undated',
    ]);
    expect(selectMeasureList(state({}, { minerals: ['lithium'] })).map((m) => m.id)).toEqual([
      'lithium-only',
    ]);
  });
  test('outlines the countries with a measure in force in the reading', () => {
    expect(selectControllingCountries(state())).toEqual(['CHN']);
    // In 2022 (flow-year reading) none of the rare-earth measures was in force yet.
    expect(selectControllingCountries(state({}, { controls: 'flow-year', year: 2022 }))).toEqual([]);
  });
  test('a measure covers the flows of its products and destinations, counted once each', () => {
    const s = state();
    const magnets = MEASURES[0] as Measure;
    expect(selectMeasureCoverage(s, magnets)).toEqual({ flows: 2, usd: 150 });
    expect(selectMeasureCoverage(s, MEASURES[4] as Measure)).toEqual({ flows: 1, usd: 50 });
  });
  test('details name the measures in force for the flow under the reading', () => {
    const s = state();
    const toUsa = s.years[2024]?.flows[1];
    if (!toUsa) throw new Error('fixture');
    expect(selectFlowControls(s, toUsa).map((m) => m.id)).toEqual(['magnets-2025', 'to-usa']);
    const y = state({}, { controls: 'flow-year' });
    expect(selectFlowControls(y, toUsa).map((m) => m.id)).toEqual(['to-usa']);
  });
  test.each<[Partial<AppState>, { reasons?: AppState['filters']['reasons'] }, boolean]>([
    [{}, {}, false],
    [{}, { reasons: ['origin', 'controlled'] }, true],
    [{ scenario: { id: 'controls', exporters: [] } }, {}, true],
    [{ measure: 'old-2023' }, {}, true],
  ])('needs the measure table: %j %j -> %s', (patch, filters, need) => {
    expect(
      selectNeedsMeasures(state(patch, { ...filters, reasons: [...(filters.reasons ?? ['origin'])] })),
    ).toBe(need);
  });
});

describe('links', () => {
  test.each([
    ['?controls=year', { controls: 'flow-year' }, ''],
    ['?controls=today', { controls: 'today' }, ''],
    ['?controls=tomorrow', {}, 'controls "tomorrow" is not today or year'],
    ['?measure=cn-2025-18-medium-heavy-rare-earths', { measure: 'cn-2025-18-medium-heavy-rare-earths' }, ''],
    ['?measure=%3Cb%3E', {}, 'measure id "<b>" is not valid'],
    ['?reasons=controlled', { reasons: ['controlled'] }, ''],
  ])('%s', (query, expected, why) => {
    const r = parseUrl(query, new Set(['rare-earths']));
    expect(r.state).toEqual(expected);
    expect(r.ignored.map((x) => x.text).join(' ')).toBe(why);
  });
  test('the default reasons and reading stay out of the link; controlled and the flow-year reading are written', () => {
    expect(serializeUrl(urlStateFromApp(state()))).not.toMatch(/reasons=|controls=|measure=/);
    const s = state({ measure: 'to-usa' }, { reasons: ['origin', 'controlled'], controls: 'flow-year' });
    const link = serializeUrl(urlStateFromApp(s));
    expect(link).toMatch(/reasons=origin,controlled/);
    expect(link).toMatch(/controls=year/);
    expect(link).toMatch(/measure=to-usa/);
    const back = parseUrl(`?${link}`, new Set(['rare-earths']));
    expect(back.state.controls).toBe('flow-year');
    expect(back.state.reasons).toEqual(['origin', 'controlled']);
  });
});

describe('the controls scenario and the CSV follow the reading', () => {
  test('today: both Chinese flows stop; flow year: only the one its year’s measure covered', () => {
    const flows = state().years[2024]?.flows ?? [];
    const loss = (reading: 'today' | 'flow-year') =>
      Object.fromEntries(
        scenarioResults(flows, { id: 'controls', reading }).map((r) => [r.importer, r.lossShare]),
      );
    expect(loss('today')).toEqual({ JPN: 100 / 130, USA: 1 });
    expect(loss('flow-year')).toEqual({ JPN: 0, USA: 1 });
  });
  test('the CSV says the reading and names the measures', () => {
    const rows = exportRecords(state({}, { showAllFlows: true }))
      .map((x) => x.record)
      .filter((r) => r.record_type === 'flow');
    const usa = rows.find((r) => r.importer === 'USA');
    expect(usa?.china_risk_reasons).toBe('origin;controlled');
    expect(usa?.export_controls).toBe('magnets-2025;to-usa');
    expect(usa?.controls_reading).toBe('in force on 2026-12-03');
    expect(rows.find((r) => r.exporter === 'AUS')?.export_controls).toBe('none');
  });
});

describe('the monthly chart', () => {
  const series: MonthlySeries = {
    id: 'cn-test',
    exporter: 'CHN',
    label: 'Test',
    hs: ['850511'],
    minerals: ['rare-earths'],
    partners: ['USA'],
    start: '2023-11',
    valueUsd: [10, null, 20, 40],
    coverage: 'test',
    sources: [],
  };
  test('months count from the start and wrap years', () => {
    expect(monthIndex('2023-11', '2024-01-15')).toBe(2);
    expect(monthAt('2023-11', 3)).toBe('2024-02');
  });
  test('a month without a figure breaks the line; the in-force month is marked', () => {
    const g = chartGeometry(series, '2024-01-01', 300, 100);
    expect(g.runs).toEqual(['0.0,75.0', '200.0,50.0 300.0,0.0']);
    expect(g.markerX).toBe(200);
    expect(g.last).toBe('2024-02');
    expect(chartGeometry(series, '2025-04-04', 300, 100).markerX).toBeNull();
  });
  test('a measure finds the series of its exporter and minerals', () => {
    expect(seriesFor(MEASURES[0] as Measure, [series])?.id).toBe('cn-test');
    expect(seriesFor(MEASURES[2] as Measure, [series])).toBeNull();
  });
});

describe('the control reading in words, per language', () => {
  test.each([
    ['today', '2025-04-04', 'en', 'in force on 2025-04-04'],
    ['today', null, 'en', 'in force on the date the measure table was last checked'],
    ['flow-year', '2025-04-04', 'en', "in force in the flow's year"],
    ['today', '2025-04-04', 'ja', '2025年4月4日時点で施行中'],
    ['today', null, 'ja', '措置の表の最終確認日時点で施行中'],
    ['flow-year', null, 'ja', 'フローの年に施行中'],
  ] as const)('%s %s %s -> %s', (reading, asOf, lang, text) => {
    expect(readingLabel(reading, asOf, lang)).toBe(text);
    if (reading === 'today') expect(controlsText(reading, asOf, lang)).toContain(text);
  });
  test('English is the default', () => {
    expect(controlsText('today', '2025-04-04')).toBe(controlsText('today', '2025-04-04', 'en'));
    expect(controlsText('today', '2025-04-04', 'ja')).toMatch(/^輸出規制対象: /);
  });
});
