// The layering rules fail on deliberate violations: imports that point up a layer, or rendering code in pure modules.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = y;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import directions (eslint.config.js)', () => {
  test.each([
    [
      'derive imports state',
      'src/derive/x.ts',
      "import type { AppState as y } from '../state/store';",
      /src\/derive must not import src\/state/,
    ],
    [
      'data imports state',
      'src/data/x.ts',
      "import { actions as y } from '../state/store';",
      /src\/data must not import src\/state/,
    ],
    [
      'ui imports map',
      'src/ui/x.ts',
      "import { createMap as y } from '../map/map';",
      /src\/ui must not import src\/map/,
    ],
    [
      'state imports ui',
      'src/state/x.ts',
      "import { el as y } from '../ui/dom';",
      /src\/state must not import src\/ui/,
    ],
    [
      'url imports app',
      'src/url/x.ts',
      "import { start as y } from '../app/start';",
      /src\/url must not import src\/app/,
    ],
    [
      'layers import map',
      'src/layers/x.ts',
      "import { createMap as y } from '../map/map';",
      /src\/layers must not import src\/map/,
    ],
    [
      'model imports config',
      'src/model/x.ts',
      "import { YEARS as y } from '../config/app';",
      /src\/model must not import src\/config/,
    ],
    [
      'derive imports deck.gl',
      'src/derive/x.ts',
      "import { ArcLayer as y } from '@deck.gl/layers';",
      /must not import rendering code/,
    ],
    [
      'state imports maplibre',
      'src/state/x.ts',
      "import { Map as y } from 'maplibre-gl';",
      /must not import rendering code/,
    ],
  ])('%s fails', async (_name, file, source, message) => {
    const errors = await importErrors(file, source);
    expect(errors.some((m) => message.test(m))).toBe(true);
  });

  test.each([
    ['derive imports model', 'src/derive/x.ts', "import type { Flow as y } from '../model/types';"],
    ['state imports derive', 'src/state/x.ts', "import { memo as y } from './memo';"],
    ['ui imports state', 'src/ui/x.ts', "import { actions as y } from '../state/store';"],
    ['app imports map', 'src/app/x.ts', "import { createMap as y } from '../map/map';"],
    ['layers import deck.gl', 'src/layers/x.ts', "import { ArcLayer as y } from '@deck.gl/layers';"],
  ])('%s passes', async (_name, file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
