// Mojibake repair of raw names (UTF-8 once decoded as Latin-1): known BACI cases, and text that must stay as it is.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repairMojibake } from '../../data/pipeline/text';

describe('repairMojibake', () => {
  test.each([
    ['CuraÃ§ao', 'Curaçao'],
    ['Saint BarthÃ©lemy', 'Saint Barthélemy'],
    ["CÃ´te d'Ivoire", "Côte d'Ivoire"],
    ['RÃ©union', 'Réunion'],
    ['\u00c3\u0085land Islands', 'Åland Islands'],
    // Already right, plain ASCII, or an "Ã" that is not part of a UTF-8 pair: unchanged.
    ['Curaçao', 'Curaçao'],
    ['Japan', 'Japan'],
    ['Ã', 'Ã'],
    ['São Tomé and Príncipe', 'São Tomé and Príncipe'],
    ['Türkiye 中国', 'Türkiye 中国'],
  ])('%s -> %s', (raw, fixed) => {
    expect(repairMojibake(raw)).toBe(fixed);
  });
  test('no published country name keeps a mojibake pair', () => {
    const countries = JSON.parse(readFileSync('public/data/countries.json', 'utf8')) as { name: string }[];
    const list = Array.isArray(countries) ? countries : Object.values(countries);
    const bad = (list as { name: string }[]).filter((c) => /[\u00c2\u00c3][\u0080-\u00bf]/.test(c.name));
    expect(bad.map((c) => c.name)).toEqual([]);
  });
});
