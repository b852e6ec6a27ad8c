// ESLint flat config: typescript-eslint recommended rules plus the project's layering rules (imports point one way).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may not import (README "Development"). Imports point one way:
 * config, model <- data, derive <- i18n <- state <- layers, ui, url <- app <- main; only app and main import map.
 * Pure folders (config, model, data, derive, i18n, state, url) never import rendering code either; they are also
 * type-checked without the DOM library (tsconfig.pure.json).
 */
const RENDERING = ['maplibre-gl', 'maplibre-gl/*', '@deck.gl/*', '@luma.gl/*'];
const LAYERS = {
  model: {
    forbid: ['config', 'data', 'derive', 'i18n', 'state', 'layers', 'ui', 'url', 'map', 'app'],
    pure: true,
  },
  config: { forbid: ['data', 'derive', 'i18n', 'state', 'layers', 'ui', 'url', 'map', 'app'], pure: true },
  data: { forbid: ['derive', 'i18n', 'state', 'layers', 'ui', 'url', 'map', 'app'], pure: true },
  derive: { forbid: ['i18n', 'state', 'layers', 'ui', 'url', 'map', 'app'], pure: true },
  i18n: { forbid: ['data', 'state', 'layers', 'ui', 'url', 'map', 'app'], pure: true },
  state: { forbid: ['layers', 'ui', 'url', 'map', 'app'], pure: true },
  url: { forbid: ['layers', 'ui', 'map', 'app'], pure: true },
  layers: { forbid: ['ui', 'url', 'map', 'app'], pure: false },
  ui: { forbid: ['layers', 'map', 'app'], pure: false },
  map: { forbid: ['state', 'layers', 'ui', 'url', 'app'], pure: false },
  app: { forbid: [], pure: false },
};

const layerRules = Object.entries(LAYERS).map(([layer, { forbid, pure }]) => ({
  files: [`src/${layer}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbid.map((f) => ({
            group: [`../${f}`, `../${f}/*`, `../../${f}/*`, `**/src/${f}/*`],
            message: `src/${layer} must not import src/${f}: imports point one way (see eslint.config.js).`,
          })),
          ...(pure ? [{ group: RENDERING, message: 'Pure modules must not import rendering code.' }] : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'public/**', 'data/raw/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  ...layerRules,
);
