// ESLint (flat config): typescript-eslint's recommended rules over the app, the build, the tests and the bench; the
// React hooks rules over the UI. Not type-aware: `npm run typecheck` (tsc) does the type checking, and this stays fast
// enough to run in every `npm test` on a 2-core machine (about 5 s).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default defineConfig(
  {
    // build outputs and generated assets (see .gitignore)
    ignores: ['dist/', 'public/generated/', '.geo-build/', '.bench/', 'scratch/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a binding kept for its position (a callback's parameter, a destructured key left out)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  // where the code runs: the app and the bench pages in the browser; the build, the tests and their drivers in Node
  { files: ['src/**', 'bench/**', 'tests/bench/in-page.js'], languageOptions: { globals: globals.browser } },
  {
    files: ['geo/**', 'data/**', 'prebuilt/**', 'edition/**', 'tests/**', '*.config.*', '.dependency-cruiser.cjs'],
    ignores: ['tests/bench/in-page.js'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The Vietnamese name key and the import pipeline tell Vietnamese text from plain ASCII with [\x00-\x7f]: a range,
    // not the stray control character the rule is for.
    files: ['src/common/vn-name.ts', 'src/import/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Browser tests and the bench drive the page: what page.evaluate runs sees the page's globals (window.ntmAtlas,
    // the bench pages' hooks), which the Node-side program does not type, and results come back as untyped JSON.
    files: ['tests/browser/**', 'tests/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
