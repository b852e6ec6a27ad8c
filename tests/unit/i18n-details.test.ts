// Unit tests of the Japanese details, tooltips, shortcuts and notices: English stays the text it was, Japanese reads so.
import { describe, expect, test } from 'vitest';
import { flowCoverage } from '../../src/derive/products';
import { RISK_TEXT } from '../../src/derive/risk-codes';
import { t } from '../../src/i18n';
import type { Flow, Mineral, Product, Site } from '../../src/model/types';
import type { StaticData } from '../../src/state/store';
import { tooltipLines } from '../../src/ui/chrome';

const site = {
  id: 'cur-mountain-pass',
  name: 'Mountain Pass',
  kind: 'mine',
  minerals: ['rare-earths'],
  country: 'USA',
  status: 'operating',
  vintage: 2024,
  precision: 'exact',
  sources: [],
  position: [-115.53, 35.48],
} as unknown as Site;

const flow: Flow = {
  id: '2024-rare-earths-850511-CHN-DEU',
  year: 2024,
  exporter: 'CHN',
  importer: 'DEU',
  mineral: 'rare-earths',
  hs: '850511',
  valueUsd: 513_918_501,
  tonnes: 1234,
  risk: 0,
};

const data = {
  minerals: [{ id: 'rare-earths', name: 'Rare earths' } as Mineral],
  countries: new Map([
    ['USA', { iso3: 'USA', iso2: 'US', name: 'United States' }],
    ['CHN', { iso3: 'CHN', iso2: 'CN', name: 'China' }],
    ['DEU', { iso3: 'DEU', iso2: 'DE', name: 'Germany' }],
  ]),
  sites: [site],
  manifest: null,
} as unknown as StaticData;

describe('tooltips', () => {
  test('English is the text it always was', () => {
    expect(tooltipLines({ site }, 'sites', data, 'en')).toEqual([
      'Mountain Pass',
      'Mine · United States',
      'Status: operating (as of 2024) · location exact',
    ]);
    const arc = { flow, exporterShare: 0.42, importerDependence: 0.051 };
    expect(tooltipLines(arc, 'flows-0', data, 'en')).toEqual([
      'China → Germany',
      'Rare earths (HS 850511), 2024: $514 M',
      "Exporter's world share: 42% · importer's dependence: 5.1%",
    ]);
    expect(tooltipLines({ name: 'X' }, 'projects', data, 'en')).toEqual([
      'X',
      'Funded project: click for its support, permits and capacity',
    ]);
  });

  test('Japanese names the kind, status, country, mineral and amounts in Japanese', () => {
    expect(tooltipLines({ site }, 'sites', data, 'ja')).toEqual([
      'Mountain Pass',
      '鉱山 · アメリカ合衆国',
      '状況: 操業中（2024年時点）· 位置の精度: 正確',
    ]);
    const arc = { flow, exporterShare: 0.42, importerDependence: 0.051 };
    expect(tooltipLines({ arc }, 'flow-lanes-0', data, 'ja')).toEqual([
      '中国 → ドイツ',
      'レアアース（HS 850511）、2024年: 5.14億ドル',
      '輸出国の世界シェア: 42% · 輸入国の依存度: 5.1%',
    ]);
  });
});

describe('the details catalogue', () => {
  test("English risk reasons and coverage are the data side's words", () => {
    const m = t('en').details;
    expect(m.risks.origin).toBe(RISK_TEXT.origin);
    expect(m.risks.destination).toBe(RISK_TEXT.destination);
    expect(m.risks.transit).toBe(RISK_TEXT.transit);
    expect(m.risks.southChinaSea).toBe(RISK_TEXT['south-china-sea']);
    expect(m.risks.controlled).toBe(RISK_TEXT.controlled);
    const product = { hs: '850511', coverage: 'x' } as Product;
    expect(m.coverageUnknownProduct).toBe(flowCoverage(undefined, true));
    expect(m.coverageBaci(m.rowsComplete)).toBe(flowCoverage(product, true));
    expect(m.coverageBaci(m.rowsPartial)).toBe(flowCoverage(product, false));
    expect(m.coverageBaci(m.rowsUnknown)).toBe(flowCoverage(product, undefined));
  });

  test('Japanese uses full-width brackets and the glossary', () => {
    const m = t('ja').details;
    expect(m.asOf('2024')).toBe('（2024年時点）');
    expect(m.valueUsd('5.14億ドル', '513,918,501')).toBe('5.14億ドル（513,918,501米ドル）');
    expect(m.sources).toBe('出典');
    expect(m.seaRoute('Shanghai → Hamburg', '19,800')).toMatch(
      /^海上航路（Shanghai → Hamburg）: 約19,800 km/,
    );
    expect(m.seaRoute(null, '19,800')).toMatch(/^海上航路: 約19,800 km/);
  });
});

describe('notices', () => {
  test('English notices are worded as before', () => {
    const m = t('en').notices;
    expect(m.restWorks(m.notLoaded(m.files.seaRoutes))).toBe(
      'The sea routes could not be loaded. The rest of the map still works.',
    );
    expect(m.fileError(m.yearFlows('2024'), 'data/flows-2024.json', 'is not valid JSON')).toBe(
      'The 2024 trade flows file data/flows-2024.json is not valid JSON.',
    );
    expect(m.linkedMissing(m.linkedMeasure, 'x')).toBe('The linked measure "x" is not in the data.');
  });

  test('Japanese notices', () => {
    const m = t('ja').notices;
    expect(m.restWorks(m.notLoaded(m.files.seaRoutes))).toBe(
      '海上航路を読み込めませんでした。地図のその他の機能は引き続き使用できます。',
    );
    expect(m.linkedMissing(m.linkedProject, 'p1')).toBe(
      'リンクで指定されたプロジェクト「p1」はデータにありません。',
    );
  });
});
