// The bare baseline of `npm run bench:flows`: what Temporal costs with nothing of Tingvalla's on top — one
// timer, then one activity writing one row. Bundled on its own (not part of workflows/).
import { proxyActivities, sleep } from '@temporalio/workflow';

export interface BaselineActivities {
  writeRow(i: number): Promise<void>;
}

const { writeRow } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

export async function timerThenRow(input: { i: number; delayMs: number }): Promise<void> {
  await sleep(input.delayMs);
  await writeRow(input.i);
}
