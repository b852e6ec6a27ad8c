// Rare-earth products: US import rows from the raw extract, the product filter's series, its link key and its words.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_RAW_DIR } from '../../data/pipeline/raw-dir';
import { readUsImports, US_IMPORTS_DIR, US_TOTALS_FILE } from '../../data/pipeline/us-imports';
import { flowRowAt, type FlowColumns } from '../../src/data/flow-columns';
import { buildFilterIndex, defaultFilterSpec, keptSeries } from '../../src/derive/filter';
import { flowCoverage, productNotes, productRefs } from '../../src/derive/products';
import { mineralName, t } from '../../src/i18n';
import type { ProductChoice } from '../../src/model/products';
import type { Mineral } from '../../src/model/types';
import { parseUrl, serializeUrl } from '../../src/url/codec';

const minerals = (JSON.parse(readFileSync('public/data/minerals.json', 'utf8')) as { minerals: Mineral[] })
  .minerals;
const rareEarths = minerals.find((m) => m.id === 'rare-earths') as Mineral;
const RE_PRODUCTS = new Map([
  ['280530', 'rare-earths'],
  ['284610', 'rare-earths'],
]);
const anyCountry = () => true;

describe('readUsImports (raw excerpt: every HS 280530 and 284610 row)', () => {
  const read = (dir = FIXTURE_RAW_DIR, years = [2018, 2024]) =>
    readUsImports(dir, RE_PRODUCTS, years, anyCountry, anyCountry);
  test('rows run partner -> USA, values only (no tonnes), in the years asked for', () => {
    const { sets } = read();
    expect(sets.map((s) => `${s.hs}/${s.year}`)).toEqual([
      '280530/2018',
      '280530/2024',
      '284610/2018',
      '284610/2024',
    ]);
    for (const s of sets)
      for (const r of s.rows) {
        expect(r[1]).toBe('USA');
        expect(r[2]).toBe('rare-earths');
        expect(r[3]).toBe(s.hs);
        expect(r[5]).toBeNull();
      }
    // SOURCE.md: China's share of US rare-earth metal imports, 2018 = 0.768327 of 7,915,298 USD.
    const metals2018 = sets.find((s) => s.hs === '280530' && s.year === 2018)?.rows ?? [];
    expect(metals2018.reduce((t, r) => t + r[4], 0)).toBe(7915298);
    expect(metals2018.find((r) => r[0] === 'CHN')?.[4]).toBe(6081534);
  });
  test('years outside the map and products not asked for are left out, with why', () => {
    const { skipped } = read();
    expect(skipped.map((s) => s.why)).toContain("2025: outside the map's trade years");
    expect(skipped.some((s) => s.why === "2019: outside the map's trade years")).toBe(true);
  });
  test.each([
    [
      'a total that does not match its rows',
      (t: string) => t.replace('280530,2018,7915298.0', '280530,2018,7915299.0'),
      /280530\/2018/,
    ],
    [
      'a missing total',
      (t: string) =>
        t
          .split('\n')
          .filter((l) => !l.includes(',284610,2020,'))
          .join('\n'),
      /no total for product\/year 284610\/2020/,
    ],
  ])('%s stops the build', (_, edit, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-us-'));
    try {
      cpSync(join(FIXTURE_RAW_DIR, US_IMPORTS_DIR), join(dir, US_IMPORTS_DIR), { recursive: true });
      const file = join(dir, US_TOTALS_FILE);
      writeFileSync(file, edit(readFileSync(file, 'utf8')));
      expect(() => read(dir)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('published US import flows', () => {
  const file = JSON.parse(readFileSync('public/data/flows-2024.json', 'utf8')) as FlowColumns & {
    sources: { publisher: string }[];
  };
  const rows = Array.from({ length: file.rows }, (_, i) => flowRowAt(file, i));
  const us = rows.filter((r) => ['280530', '284610', '284690'].includes(r[3]));
  test('rare earths, into the United States only, without tonnes; the year cites UN Comtrade', () => {
    expect(us.length).toBeGreaterThan(30);
    expect(new Set(us.map((r) => `${r[1]} ${r[2]} ${r[5]}`))).toEqual(new Set(['USA rare-earths null']));
    expect(file.sources.map((s) => s.publisher)).toContain('UN Comtrade (United States as reporter)');
  });
  test('the products say whose reports they are', () => {
    const byHs = new Map(rareEarths.products.map((p) => [p.hs, p]));
    expect(byHs.get('850511')?.reportedBy).toBeUndefined();
    for (const hs of ['280530', '284610', '284690']) {
      expect(byHs.get(hs)?.reportedBy).toBe('USA');
      expect(flowCoverage(byHs.get(hs), true)).toMatch(/^As reported by the United States, imports only/);
    }
    expect(flowCoverage(byHs.get('850511'), false)).toMatch(/top partners per country only/);
  });
});

describe('the product filter', () => {
  const index = buildFilterIndex(['CHN', 'USA'], ['rare-earths', 'lithium'], productRefs(minerals));
  const at = (key: string) => index.mineral.get(key) ?? -1;
  test.each<[ProductChoice, string[], string[]]>([
    ['magnets', ['rare-earths'], ['rare-earths']],
    ['compounds', ['rare-earths'], ['rare-earths:compounds']],
    ['metals', ['rare-earths', 'lithium'], ['rare-earths:metals', 'lithium']],
    ['all', ['rare-earths'], ['rare-earths', 'rare-earths:compounds', 'rare-earths:metals']],
    ['compounds', ['lithium'], ['lithium']],
  ])('%s with %j draws %j', (product, selected, series) => {
    const f = { ...defaultFilterSpec(selected), product };
    expect(keptSeries(f, index).sort()).toEqual(series.map(at).sort());
  });
  const name = (iso3: string) => (iso3 === 'USA' ? 'the United States' : iso3);
  test.each<[ProductChoice, RegExp]>([
    ['magnets', /^Rare earths: Permanent magnets .*HS 850511\): every reporter's trade\.$/],
    [
      'compounds',
      /HS 284610\), .*HS 284690\): as reported by the United States, imports only \(not world trade\)\.$/,
    ],
    [
      'all',
      /every reporter's trade; .*imports only \(not world trade\)\. Totals and shares here mix the two coverages\.$/,
    ],
  ])('%s is said as %s', (product, text) => {
    const notes = productNotes({ minerals: ['rare-earths', 'lithium'], product }, minerals, name);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(text);
  });
  test.each([
    ['?product=compounds', 'compounds', 'product=compounds'],
    ['?product=all', 'all', 'product=all'],
    ['?product=magnets', 'magnets', null],
  ])('link %s reads as %s and writes back', (search, product, written) => {
    const { state, ignored } = parseUrl(search, new Set(['rare-earths']));
    expect(ignored).toEqual([]);
    expect(state.product).toBe(product);
    const query = serializeUrl(state);
    if (written) expect(query).toContain(written);
    else expect(query).not.toContain('product=');
  });
  test('a bad product is dropped with a message, not applied', () => {
    const { state, ignored } = parseUrl('?product=<b>oxides</b>', new Set(['rare-earths']));
    expect(state.product).toBeUndefined();
    expect(ignored[0]?.text).toMatch(/^product ".*" is not magnets, compounds, metals or all$/);
  });
});

describe('product notes in Japanese', () => {
  const name = (iso3: string) => (iso3 === 'USA' ? 'アメリカ合衆国' : iso3);
  const words = t('ja').products;
  const jaMineral = (id: string, english: string) => mineralName('ja', id, english);
  test.each<[ProductChoice, RegExp]>([
    ['magnets', /^レアアース: Permanent magnets .*（HS 850511）: 全報告国の貿易。$/],
    ['compounds', /（HS 284690）: アメリカ合衆国の報告による輸入のみ（世界貿易ではありません）。$/],
    [
      'all',
      /全報告国の貿易; .*輸入のみ（世界貿易ではありません）。 ここでの合計とシェアは2種類の網羅範囲が混在しています。$/,
    ],
  ])('%s is said as %s', (product, text) => {
    const notes = productNotes(
      { minerals: ['rare-earths', 'lithium'], product },
      minerals,
      name,
      words,
      jaMineral,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(text);
  });
});
