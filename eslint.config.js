// ESLint flat config: type-aware rules everywhere, and the import boundaries between main, renderer and shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process'];

/** What no main/ code outside main/app/ may import. */
const MAIN_IMPORT_RULES = [
  { group: ['electron', 'electron-store'], message: 'Only main/app/ may import electron.' },
  { group: ['**/renderer/**'], message: 'main/ never imports from renderer/.' },
  { group: ['**/test/**'], message: 'Product code never imports test code; load simulators lazily.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-output/',
      'coverage/',
      'bin/',
      'scripts/*.cjs',
      '.scratch*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // Tests read untyped JSON from servers and simulators all the time; the no-unsafe-* family adds noise there.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: MAIN_IMPORT_RULES,
        },
      ],
    },
  },
  {
    files: ['main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...MAIN_IMPORT_RULES,
            {
              group: ['**/app/**', '**/cli/**', '**/host/**', '**/webhooks/**', '**/api/**', '**/cli'],
              message: 'The engine imports no host code (app, cli, host, webhooks, api).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports from renderer/.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((n) => !n.includes('*')),
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
            {
              group: ['**/main/**', '**/renderer/**', 'electron'],
              message: 'shared/ depends on nothing but itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((n) => !n.includes('*')),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: talk to main through the contract.' },
            { group: ['**/main/**', 'electron'], message: 'renderer/ never imports from main/ or electron.' },
          ],
        },
      ],
    },
  },
);
