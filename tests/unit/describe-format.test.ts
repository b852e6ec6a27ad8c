// Views in words (embed titles, image titles, file names) and the number formats of panels and tooltips.
import { describe, expect, test } from 'vitest';
import { describeView, fileStem } from '../../src/derive/describe';
import { formatShare, formatTonnes, formatUsd } from '../../src/derive/format';
import { viewLocale } from '../../src/state/selectors';
import { defaultFilters } from '../../src/state/store';
import { COUNTRIES, MINERALS } from './helpers/state';

const name = (c: string) => COUNTRIES.get(c)?.name ?? c;

describe('describeView and fileStem', () => {
  test.each([
    [{}, null, 'Rare earths: trade 2024, all routes', 'critical-minerals_rare-earths_2024_all-routes'],
    [
      {
        minerals: ['rare-earths', 'lithium'],
        risk: 'china' as const,
        focus: 'JPN',
        role: 'importer' as const,
      },
      null,
      'Rare earths and Lithium: trade 2024, China-exposed routes only, flows into Japan',
      'critical-minerals_rare-earths+lithium_2024_china-exposed_importer-JPN',
    ],
    [
      { risk: 'no-china' as const, minValueUsd: 1e6, focus: 'USA', role: 'exporter' as const },
      { id: 'china-stop' as const, exporters: [] },
      'Rare earths: trade 2024, routes avoiding China, flows from United States, flows of $1.0 M or more, if China stops exporting',
      'critical-minerals_rare-earths_2024_avoid-china_exporter-USA_china-stop',
    ],
    [
      { minerals: ['rare-earths', 'lithium', 'cobalt', 'nickel'], focus: 'DEU' },
      { id: 'custom' as const, exporters: ['AUS'] },
      'Rare earths, Lithium and 2 more: trade 2024, all routes, flows to and from Germany, if selected exporters stop',
      'critical-minerals_rare-earths+lithium+cobalt+nickel_2024_all-routes_either-DEU_custom',
    ],
  ])('%o %o', (patch, scenario, title, stem) => {
    const f = { ...defaultFilters(), year: 2024, ...patch };
    expect(describeView(f, MINERALS, name, scenario)).toBe(title);
    expect(fileStem(f, scenario)).toBe(stem);
  });

  test('file names keep only safe characters', () => {
    const f = { ...defaultFilters(), minerals: ['a b/c'] };
    expect(fileStem(f, null)).toBe('critical-minerals_a-b-c_2024_all-routes');
  });
});

describe('formats', () => {
  test.each([
    [0, '$0'],
    [950, '$950'],
    [950_000, '$950 k'],
    [1_500_000, '$1.5 M'],
    [514_000_000, '$514 M'],
    [1_234_000_000, '$1.2 B'],
    [12_000_000_000, '$12 B'],
    [-2_000_000, '$-2.0 M'],
    [null, 'unknown'],
    [Number.NaN, 'unknown'],
  ])('formatUsd(%s) = %s', (v, want) => expect(formatUsd(v)).toBe(want));

  test.each([
    [0.4213, '42%'],
    [0.05, '5.0%'],
    [1, '100%'],
    [null, 'unknown'],
    [Infinity, 'unknown'],
  ])('formatShare(%s) = %s', (v, want) => expect(formatShare(v)).toBe(want));

  test.each([
    [12345.6, '12,346 t'],
    [2.345, '2.35 t'],
    [null, 'unknown (not in source)'],
  ])('formatTonnes(%s) = %s', (v, want) => expect(formatTonnes(v)).toBe(want));
});

describe('describeView in Japanese (selectViewTitle uses the page language)', () => {
  const jaName = (c: string) => ({ JPN: '日本', USA: 'アメリカ合衆国', DEU: 'ドイツ' })[c] ?? c;
  test.each([
    [{}, null, 'レアアース: 2024年の貿易、すべての経路'],
    [
      {
        minerals: ['rare-earths', 'lithium'],
        risk: 'china' as const,
        focus: 'JPN',
        role: 'importer' as const,
      },
      null,
      'レアアース・リチウム: 2024年の貿易、中国関連の経路のみ、日本へのフロー',
    ],
    [
      { risk: 'no-china' as const, minValueUsd: 1e6, focus: 'USA', role: 'exporter' as const },
      { id: 'china-stop' as const, exporters: [] },
      'レアアース: 2024年の貿易、中国を回避する経路、アメリカ合衆国からのフロー、100万ドル以上のフロー、中国が輸出を停止した場合',
    ],
    [
      { minerals: ['rare-earths', 'lithium', 'cobalt', 'nickel'], focus: 'DEU' },
      { id: 'custom' as const, exporters: ['AUS'] },
      'レアアース・リチウムほか2鉱物: 2024年の貿易、すべての経路、ドイツとの間のフロー、選択した輸出国が輸出を停止した場合',
    ],
    [
      { controls: 'today' as const },
      { id: 'controls' as const, exporters: [] },
      'レアアース: 2024年の貿易、すべての経路、現在の輸出規制措置の下で輸出許可が一切下りない場合',
    ],
    [
      { controls: 'flow-year' as const, risk: 'china' as const },
      { id: 'route-block' as const, exporters: [] },
      'レアアース: 2024年の貿易、中国関連の経路のみ、中国関連の海上航路が封鎖された場合',
    ],
  ])('%o %o', (patch, scenario, title) => {
    const f = { ...defaultFilters(), year: 2024, ...patch };
    expect(describeView(f, MINERALS, jaName, scenario, viewLocale('ja'))).toBe(title);
  });

  test('English through viewLocale is the default English', () => {
    const f = { ...defaultFilters(), year: 2024, focus: 'JPN', minValueUsd: 1e6 };
    const scenario = { id: 'controls' as const, exporters: [] };
    expect(describeView(f, MINERALS, name, scenario, viewLocale('en'))).toBe(
      describeView(f, MINERALS, name, scenario),
    );
  });
});
