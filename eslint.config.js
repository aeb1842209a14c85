// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces the process boundaries of docs/ARCHITECTURE.md:
 * - `electron` only in electron/main/{adapters,window,ipc}, the composition root and preload;
 * - shared/ is pure: no node:*, no electron, no DOM globals (its tsconfig has no DOM lib either);
 * - renderer/ never imports electron or node:*, and shows no literal strings in JSX.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'url', 'util', 'net'];
const electronImport = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only electron/main/{adapters,window,ipc}, electron/main/index.ts and electron/preload may touch Electron.' };
const nodeImport = { group: nodeBuiltins, message: 'This layer runs in every process: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/adapters/**', 'electron/main/window/**', 'electron/main/ipc/**', 'electron/main/index.ts', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronImport] }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronImport, nodeImport] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [electronImport, nodeImport] }],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      // Every user-visible string goes through i18next; markup attributes such as
      // className, data-testid and type are not user-visible and are allowed.
      'i18next/no-literal-string': ['error', { mode: 'jsx-only', 'jsx-attributes': { include: ['^(aria-label|aria-description|title|alt|placeholder|label)$'] } }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts', 'server/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Runs on whatever Node the machine has, before dependencies exist: plain CommonJS.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
