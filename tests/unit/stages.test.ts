// Stage by stage: the curated stage figures (read and checked in the pipeline) and the stage view's choice per year.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readStageShares, STAGE_SHARES_FILE } from '../../data/pipeline/stage-shares';
import { sharesFileSchema } from '../../src/data/shares-schema';
import { stageLines, stageView, type StageCell } from '../../src/derive/stages';
import { stageLocale } from '../../src/state/selectors';
import type { Site } from '../../src/model/types';

const MINERALS = new Set(['rare-earths', 'gallium', 'germanium', 'graphite', 'lithium', 'cobalt']);
const known = (iso3: string) => /^[A-Z]{3}$/.test(iso3) && iso3 !== 'XXX';
const shares = sharesFileSchema.parse(JSON.parse(readFileSync('public/data/shares.json', 'utf8')));

describe('readStageShares', () => {
  const figures = readStageShares('data/curated', MINERALS, known);
  test('every figure cites a source with a URL and a verbatim quote; countries largest first', () => {
    expect(figures.length).toBeGreaterThan(15);
    for (const f of figures) {
      expect(f.source.url).toMatch(/^https:\/\//);
      expect(f.quotes.length).toBeGreaterThan(0);
      expect(f.rows.map((r) => r.share)).toEqual([...f.rows.map((r) => r.share)].sort((a, b) => b - a));
    }
  });
  test('rows of one source and year form one figure (Reuters 2023 magnets: China 92%, Vietnam 1%)', () => {
    const magnets = figures.find(
      (f) => f.mineral === 'rare-earths' && f.stage === 'component' && f.year === 2023,
    );
    expect(magnets?.rows).toEqual([
      { country: 'CHN', share: 0.92 },
      { country: 'VNM', share: 0.01 },
    ]);
    expect(magnets?.source.publisher).toMatch(/^Reuters/);
  });
  test.each([
    [
      'an unknown mineral',
      (l: string) => l.replace(/^gallium,/, 'unobtainium,'),
      /unknown mineral "unobtainium"/,
    ],
    [
      'an unknown country',
      (l: string) => l.replace(/^gallium,refining,CHN,/, 'gallium,refining,XXX,'),
      /unknown country "XXX"/,
    ],
    [
      'a share above 1',
      (l: string) => l.replace(/^(gallium,refining,CHN,)0\.98/, '$11.5'),
      /share: a fraction 0\.\.1/,
    ],
    [
      'a figure year after its source',
      (l: string) => l.replace(/^(gallium,refining,CHN,0\.98,about,)2023/, '$12030'),
      /figure year 2030 is after/,
    ],
  ])('%s stops the build', (_, edit, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-stages-'));
    try {
      cpSync(join('data/curated', STAGE_SHARES_FILE), join(dir, STAGE_SHARES_FILE));
      const text = readFileSync(join(dir, STAGE_SHARES_FILE), 'utf8').split('\n').map(edit).join('\n');
      writeFileSync(join(dir, STAGE_SHARES_FILE), text);
      expect(() => readStageShares(dir, MINERALS, known)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stageView: the latest figure up to the year, yearly tables first', () => {
  const name = (iso3: string) => iso3;
  test.each([
    // year, stage, expected figure year (null: none cited up to that year), publisher pattern
    [2024, 'mining', 2024, /U\.S\. Geological Survey/],
    [2021, 'mining', 2021, /U\.S\. Geological Survey/],
    [2019, 'mining', null, null],
    [2019, 'refining', 2019, /Fortune India/],
    [2024, 'refining', 2024, /International Energy Agency/],
    [2024, 'metal', null, null],
    [2012, 'component', 2010, /China\.org\.cn/],
    [2024, 'component', 2023, /Reuters/],
  ] as const)('%i %s -> %s', (year, stage, figureYear, publisher) => {
    const cell = stageView(shares, 'rare-earths', year, []).find((c) => c.stage === stage);
    expect(cell?.figure?.year ?? null).toBe(figureYear);
    if (publisher) expect(cell?.figure?.source.publisher).toMatch(publisher);
    const line = stageLines(cell ? [cell] : [], year, name)[0];
    if (figureYear === null) expect(line).toMatch(new RegExp(`no cited figure up to ${year}$`));
    else expect(line).toMatch(new RegExp(` ${figureYear}e?: `));
  });
  test('plants: the sites passed in, of the mineral and of the stage kinds', () => {
    const site = (kind: Site['kind'], minerals: string[]) => ({ kind, minerals }) as Site;
    const cells = stageView(shares, 'rare-earths', 2024, [
      site('magnet', ['rare-earths']),
      site('magnet', ['rare-earths']),
      site('separation', ['rare-earths']),
      site('battery-materials', ['lithium']),
      site('mine', ['rare-earths', 'lithium']),
    ]);
    expect(Object.fromEntries(cells.map((c) => [c.stage, c.plants]))).toEqual({
      mining: 1,
      refining: 1,
      metal: 0,
      component: 2,
    });
  });
  test('graphite names its component stage anode material; lithium has mining and refining only', () => {
    expect(stageView(shares, 'graphite', 2024, []).map((c) => c.label)).toEqual([
      'Mining',
      'Spherical / purified',
      'Anode material',
    ]);
    expect(stageView(shares, 'lithium', 2024, []).map((c) => c.stage)).toEqual(['mining', 'refining']);
  });
});

describe('stage lines in Japanese', () => {
  const name = (iso3: string) => ({ CHN: '中国', USA: 'アメリカ合衆国' })[iso3] ?? iso3;
  const source = { publisher: 'Reuters', title: 't', year: 2024, url: 'https://example.org' };
  const cell = (label: string, figure: StageCell['figure']): StageCell => ({
    stage: 'component',
    label,
    figure,
    plants: 0,
  });
  const figure = (
    china: number | null,
    bound: 'about' | 'at-least' | 'at-most',
    leaders: [string, number][],
  ) => ({
    year: 2023,
    label: '2023',
    bound,
    china,
    leaders: leaders.map(([iso3, share]) => ({ iso3, share })),
    measure: 'm',
    source,
    approximate: false,
  });
  test.each<[StageCell, string]>([
    [cell('Magnets', null), '永久磁石: 2024年までの出典付き数値なし'],
    [
      cell('Separation (oxides)', figure(0.9, 'at-least', [['CHN', 0.9]])),
      '分離・精製（酸化物） 2023年: 中国 90%超（Reuters, 2024）',
    ],
    [
      cell('Mining', figure(0.6, 'about', [['USA', 0.12]])),
      '採掘 2023年: アメリカ合衆国 12%、中国 60%（Reuters, 2024）',
    ],
    [
      cell('Anode material', figure(null, 'at-most', [['USA', 0.05]])),
      '負極材 2023年: アメリカ合衆国 5.0%未満、中国は記載なし（Reuters, 2024）',
    ],
  ])('%o -> %s', (c, line) => {
    expect(stageLines([c], 2024, name, stageLocale('ja'))).toEqual([line]);
  });
  test('English through stageLocale is the default English', () => {
    const c = cell('Magnets', figure(0.9, 'at-least', [['USA', 0.05]]));
    expect(stageLines([c], 2024, name, stageLocale('en'))).toEqual(stageLines([c], 2024, name));
    expect(stageLines([c], 2024, (iso3) => iso3)).toEqual([
      'Magnets 2023: USA over 5.0%; China over 90% (Reuters, 2024)',
    ]);
  });
});
