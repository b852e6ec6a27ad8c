// A link's notice stays short: a few values per key and a count of the rest, however many values the link has.
import { describe, expect, test } from 'vitest';
import { parseUrl } from '../../src/url/codec';
import { linkNotice } from '../../src/url/notice';

const MINERALS = new Set(['rare-earths']);

describe('linkNotice', () => {
  test('2,000 bad minerals give one short notice with the count', () => {
    const query = `?mineral=${Array.from({ length: 2000 }, (_, i) => `m${i}`).join(',')}`;
    const text = linkNotice(parseUrl(query, MINERALS).ignored, 'en');
    expect(text.length).toBeLessThan(300);
    expect(text).toMatch(
      /^Some settings in the link were ignored: unknown mineral "m0"; unknown mineral "m1"/,
    );
    expect(text).toMatch(/1,997 more values of "mineral" ignored/);
  });

  test('thousands of unknown keys are counted together', () => {
    const query = `?${Array.from({ length: 3000 }, (_, i) => `k${i}=1`).join('&')}`;
    const text = linkNotice(parseUrl(query, MINERALS).ignored, 'en');
    expect(text).toMatch(/2,997 more unknown settings/);
    expect(text.length).toBeLessThan(300);
  });

  test('every key with problems is named; the notice is capped', () => {
    const text = linkNotice(
      parseUrl('?mineral=zz&year=abcd&risk=maybe&view=1,2&foo=bar', MINERALS).ignored,
      'en',
    );
    for (const part of [
      'unknown mineral "zz"',
      'year "abcd"',
      'risk "maybe"',
      'view "1,2"',
      'unknown setting "foo"',
    ])
      expect(text).toContain(part);
    const many = Array.from({ length: 40 }, (_, i) => ({
      key: `key${i}`,
      text: `value ${i} of a long list was ignored`,
    }));
    expect(linkNotice(many, 'en').length).toBeLessThanOrEqual(600);
    expect(linkNotice([], 'en')).toBe('');
  });
});

describe('link notice in Japanese', () => {
  test('the frame and the counts are Japanese; each value keeps its English words', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ key: 'mineral', text: `unknown mineral "m${i}"` }));
    expect(linkNotice(many, 'ja')).toBe(
      'リンクの一部の設定を無視しました（詳細は英語）: unknown mineral "m0"; unknown mineral "m1"; ' +
        'unknown mineral "m2"; 「mineral」のほか2件の値を無視。',
    );
  });
});
