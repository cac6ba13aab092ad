// Lint rules, including the import boundaries between runtimes (see README, Architecture).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.data/**', 'resources/**/*.js', 'sync/supabase/functions/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node modules. Use the platform interface.' },
            { regex: '^electron(/.*)?$', message: 'The renderer never imports Electron. Use renderer/platform.' },
            { regex: '/electron/(main|preload|dev)/|/sync/server/', message: 'The renderer cannot reach main-process or backend code.' },
            { regex: '/electron/contract/', allowTypeImports: true, message: 'The renderer may import only types from the IPC contract.' },
          ],
        },
      ],
    },
  },
  {
    // The shell (renderer/app) imports features; nothing imports the shell but the entry point.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/app/**', 'renderer/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)app(/|$)', message: 'renderer/app is the shell: it imports features, never the other way round. Use renderer/platform, renderer/session or renderer/ui.' }] },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The sandboxed preload only bridges IPC.' },
            { group: ['**/electron/main/**', '**/sync/**', '**/renderer/**', 'zod'], message: 'The preload imports only electron and the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['sync/domain/**/*.ts', 'sync/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'electron', '@supabase/*', ...nodeBuiltins], message: 'Domain rules and schemas are plain TypeScript without side effects.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'electron/dev/**/*.ts', 'sync/server/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
