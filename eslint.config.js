// Hearth's linter (`npm run lint`, and a step of `npm test`).
// What it guards: no import cycles (docs/architecture.md: imports run one way), files small enough
// to read (a warning past 400 lines), and typescript-eslint's recommended checks.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import hearth from './scripts/eslint/no-type-import-cycle.js';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'data/**', 'public/build/**', '.hearth-css/**', 'bench/results/**', 'scratch/**', 'test-results/**'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX, hearth },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    settings: {
      // Without these the plugin reads only .js files and sees no cycle among .ts ones.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // import-x ignores type-only imports here: they vanish at run time, so they cannot cycle there.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // ...so this one of ours follows them as well.
      'hearth/no-type-import-cycle': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
