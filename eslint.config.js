// ESLint flat config: typescript-eslint recommended rules plus the project's layering rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const renderingImports = {
  patterns: [
    {
      group: ['maplibre-gl', '@deck.gl/*', '@luma.gl/*'],
      message: 'Pure modules must not import rendering code.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'public/**'] },
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/data/**', 'src/derive/**', 'src/state/**', 'src/url/**', 'src/model/**', 'src/config/**'],
    rules: { 'no-restricted-imports': ['error', renderingImports] },
  },
);
