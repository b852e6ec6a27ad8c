// Unit tests of the UI languages: catalogue keys alike in English and Japanese, number formats, default language, `lang=` links.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { countryLabel, countryLabelOf, langAttr } from '../../src/i18n/countries';
import { formatShare, formatUsd } from '../../src/derive/format';
import {
  defaultLang,
  formatMoney,
  formatPercent,
  kindLabel,
  LANGS,
  mineralName,
  statusLabel,
  t,
} from '../../src/i18n';
import { KINDS_JA, MINERALS_JA, STATUSES_JA } from '../../src/i18n/glossary-ja';
import { en } from '../../src/i18n/messages-en';
import { enMore } from '../../src/i18n/messages-en-more';
import { ja } from '../../src/i18n/messages-ja';
import { SITE_KINDS, SITE_STATUSES } from '../../src/model/types';
import { parseUrl, serializeUrl } from '../../src/url/codec';

/** Every leaf of a catalogue by dotted key; functions are called with sample arguments. */
function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'function') out.set(key, (v as (...a: unknown[]) => string)(3, '7', '8', '9'));
    else for (const [kk, vv] of leaves(v as object, key)) out.set(kk, vv);
  }
  return out;
}

describe('message catalogues', () => {
  // English is two modules (the first view's, and the parts loaded on first use); Japanese is one.
  const e = leaves({ ...en, ...enMore });
  const j = leaves(ja);
  test('the same keys in English and Japanese', () => {
    expect([...j.keys()].sort()).toEqual([...e.keys()].sort());
    expect(e.size).toBeGreaterThan(100);
  });
  test('no empty message', () => {
    for (const [k, v] of [...e, ...j]) expect(v.trim(), k).not.toBe('');
  });
  test('Japanese differs from English for at least 90% of the keys (no copy-paste)', () => {
    const same = [...e].filter(([k, v]) => j.get(k) === v).map(([k]) => k);
    expect(same.length / e.size, same.join(', ')).toBeLessThanOrEqual(0.1);
  });
  test('t(lang) gives each catalogue', () => {
    expect(t('en')).toBe(en);
    expect(t('ja')).toBe(ja);
    expect(LANGS).toEqual(['en', 'ja']);
  });
});

describe('glossary', () => {
  test('every site kind and status has a Japanese name', () => {
    for (const k of SITE_KINDS) expect(KINDS_JA[k]).toMatch(/\S/);
    for (const s of SITE_STATUSES) expect(STATUSES_JA[s]).toMatch(/\S/);
    expect(Object.keys(MINERALS_JA)).toHaveLength(18);
  });
  test('names per language; English stays as the data and config say', () => {
    expect(mineralName('ja', 'rare-earths', 'Rare earths')).toBe('レアアース');
    expect(mineralName('ja', 'unobtainium', 'Unobtainium')).toBe('Unobtainium');
    expect(mineralName('en', 'lithium', 'Lithium')).toBe('Lithium');
    expect(kindLabel('en', 'deposit')).toBe('Deposit');
    expect(kindLabel('ja', 'deposit')).toBe('鉱床');
    expect(statusLabel('en', 'care-and-maintenance')).toBe('care-and-maintenance');
    expect(statusLabel('ja', 'operating')).toBe('操業中');
  });
});

describe('number formats', () => {
  const values = [null, undefined, NaN, 0, 12, 950, 1e3, 3.4e5, 1e6, 5.14e8, 1.2e9, 4.96e9, 2.5e10, -3e8];
  test.each(values)('English money is formatUsd exactly (%s)', (v) => {
    expect(formatMoney('en', v)).toBe(formatUsd(v));
  });
  test.each([
    [0, '0ドル'],
    [950, '950ドル'],
    [3.4e5, '34万ドル'],
    [1e6, '100万ドル'],
    [5.14e8, '5.14億ドル'],
    [1.2e9, '12億ドル'],
    [4.96e9, '49.6億ドル'],
    [1.234e11, '1230億ドル'],
    [2.5e12, '2.5兆ドル'],
    [null, '不明'],
  ])('Japanese money: %s -> %s', (v, want) => {
    expect(formatMoney('ja', v)).toBe(want);
  });
  test.each([0, 0.05, 0.4213, 1, null])('English percent is formatShare exactly (%s)', (v) => {
    expect(formatPercent('en', v)).toBe(formatShare(v));
  });
  test.each([
    [0.4213, '42%'],
    [0.05, '5.0%'],
    [1, '100%'],
    [null, '不明'],
  ])('Japanese percent: %s -> %s', (v, want) => {
    expect(formatPercent('ja', v)).toBe(want);
  });
});

describe('defaultLang', () => {
  test.each([
    [['ja'], 'ja'],
    [['ja-JP', 'en-US'], 'ja'],
    [['JA-jp'], 'ja'],
    [['en-US', 'ja'], 'en'],
    [['jav'], 'en'],
    [['fr-FR'], 'en'],
    [[], 'en'],
    [undefined, 'en'],
  ] as const)('%j -> %s', (langs, want) => {
    expect(defaultLang(langs)).toBe(want);
  });
});

describe('lang in the link', () => {
  const none = new Set<string>();
  test('lang=ja and lang=en are read', () => {
    expect(parseUrl('?lang=ja', none)).toEqual({ state: { lang: 'ja' }, ignored: [] });
    expect(parseUrl('?lang=en', none)).toEqual({ state: { lang: 'en' }, ignored: [] });
  });
  test('another language is dropped with a message', () => {
    const r = parseUrl('?lang=fr', none);
    expect(r.state.lang).toBeUndefined();
    expect(r.ignored).toEqual([{ key: 'lang', text: 'language "fr" is not en or ja' }]);
  });
  test('ja is written, en (the default) is not; both survive a round trip', () => {
    expect(serializeUrl({ lang: 'ja' })).toBe('v=2&lang=ja');
    expect(serializeUrl({ lang: 'en' })).toBe('v=2');
    expect(parseUrl(serializeUrl({ lang: 'ja', year: 2020 }), none).state).toEqual({
      lang: 'ja',
      year: 2020,
    });
    expect(parseUrl(serializeUrl({ lang: 'en' }), none).state.lang ?? 'en').toBe('en');
  });
});

describe('country names', () => {
  const table = new Map([
    ['CHN', { iso2: 'CN', name: 'China' }],
    ['USA', { iso2: 'US', name: 'United States' }],
    ['XXX', { iso2: null, name: 'Nowhere' }],
  ]);
  test.each([
    ['en', 'USA', { text: 'United States', lang: 'en' }],
    ['ja', 'CHN', { text: '中国', lang: 'ja' }],
    ['ja', 'USA', { text: 'アメリカ合衆国', lang: 'ja' }],
    ['ja', 'XXX', { text: 'Nowhere', lang: 'en' }],
    ['ja', 'ZZZ', { text: 'ZZZ', lang: 'en' }],
  ] as const)('%s %s', (lang, iso3, want) => {
    expect(countryLabelOf(lang, table, iso3)).toEqual(want);
  });

  test('every published country has a Japanese name from its ISO2 code', () => {
    const file = JSON.parse(readFileSync('public/data/countries.json', 'utf8')) as {
      countries: { iso3: string; iso2: string | null; name: string }[];
    };
    const missing = file.countries.filter((c) => countryLabel('ja', c).lang !== 'ja').map((c) => c.iso3);
    expect(missing).toEqual([]);
  });

  test('a text in another language than the page is marked with its own', () => {
    expect(langAttr('ja', { text: 'Nowhere', lang: 'en' })).toBe('en');
    expect(langAttr('ja', { text: '中国', lang: 'ja' })).toBeUndefined();
  });
});
