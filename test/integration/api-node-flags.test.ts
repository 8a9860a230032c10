// The Node.js flags of the processes that serve HTTP (engine/api-node-flags.ts) are on every npm script that runs
// one: npm start, start:api, and the benchmarks and the drill whose API runs in their own process. A script that
// loses them (or a flag added to the list and not to the scripts) fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '../../engine/api-node-flags';

const scripts = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const SERVING = ['start', 'start:api', 'bench:votes', 'bench:signup', 'drill:votes'];

describe('the API processes’ Node.js flags', () => {
  it('include a larger young generation', () => {
    expect(API_NODE_FLAGS).toContain('--max-semi-space-size=64');
  });

  it.each(SERVING)('are on npm run %s, before the program', (name) => {
    const node = / node (.*?)(?:engine|scripts)\//.exec(` ${scripts[name]}`);
    expect(node).not.toBeNull();
    for (const flag of API_NODE_FLAGS) expect(node![1]!.split(/\s+/)).toContain(flag);
  });

  it('are not on the worker’s script (it serves no HTTP)', () => {
    for (const flag of API_NODE_FLAGS) expect(scripts['start:worker']).not.toContain(flag);
  });
});
