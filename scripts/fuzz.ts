// `npm run fuzz -- --count 20000 [--seed 7]`: the API fuzz suite (test/fuzz/api-fuzz.test.ts) for longer than
// `npm test` runs it, on the same real PostgreSQL and Temporal that jest's global setup starts. It prints
// progress and ends with the counts of 5xx answers, leaks and writes on refusal; exit 1 if any was found.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' }, seed: { type: 'string', default: String(Date.now() % 100_000) } } });
for (const [name, value] of Object.entries(values)) {
  if (!/^\d{1,7}$/.test(value)) {
    console.error(`--${name} must be a whole number, not "${value}"`);
    process.exit(2);
  }
}
console.log(`[fuzz] ${values.count} requests, seed ${values.seed} (repeat a run with --seed ${values.seed})`);
const jest = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', 'test/fuzz/api-fuzz.test.ts', '--testTimeout', String(24 * 3600 * 1000)], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_COUNT: values.count, FUZZ_SEED: values.seed, FUZZ_PROGRESS: '1' },
});
process.exit(jest.status ?? 1);
