// Replays recorded histories (scripts/record-histories.ts) through today's workflow code: a change that
// would make running workflows non-deterministic fails here, before it reaches a running tenant.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { testServices } from '../helpers/env';
import { quietTemporalRuntime } from '../helpers/platform';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.binpb'));

beforeAll(() => quietTemporalRuntime());

it('has recorded histories to replay', () => {
  expect(files.length).toBeGreaterThanOrEqual(1);
});

it.each(files)('replays %s without a determinism error', async (file) => {
  const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, file)));
  expect(history.events.length).toBeGreaterThan(5);
  await Worker.runReplayHistory({ workflowBundle: { codePath: testServices().workflowBundlePath } }, history, file);
});
