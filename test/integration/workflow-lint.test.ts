// Workflow determinism is guarded by lint: prove the rule catches Node, database and activity-value imports,
// and that the real workflows pass it.
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

it('rejects side-effecting imports in workflow code', async () => {
  const code = [
    "import { readFileSync } from 'node:fs';",
    "import { Sequelize } from 'sequelize';",
    "import { createActivities } from '../../activities';",
    'export const x = [readFileSync, Sequelize, createActivities, Math.random()];',
  ].join('\n');
  const [result] = await eslint.lintText(code, { filePath: 'workflows/example/workflow.ts' });
  const rules = result!.messages.map((m) => m.ruleId);
  expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
  expect(rules).toContain('no-restricted-properties');
});

it('the workflows folder passes the determinism rules', async () => {
  const results = await eslint.lintFiles(['workflows/**/*.ts']);
  expect(results.length).toBeGreaterThan(0);
  expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`))).toEqual([]);
});
