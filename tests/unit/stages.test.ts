// Stage by stage: the curated stage figures (read and checked in the pipeline) and the stage view's choice per year.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readStageShares, STAGE_SHARES_FILE } from '../../data/pipeline/stage-shares';
import { sharesFileSchema } from '../../src/data/shares-schema';
import { stageLines, stageView } from '../../src/derive/stages';
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
