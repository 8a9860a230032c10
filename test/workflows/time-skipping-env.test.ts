// The time-skipping test server as every suite starts it (engine/dev/time-skipping-env.ts): a sleep that
// takes longer in real time than the server's keepalive allowance (three 30 s pings) skips the clock exactly
// as far as asked. With the SDK's own client the server answered the third ping with GOAWAY, the sleep was
// sent again, and 80 minutes asked became 137 skipped — a retention test then saw data purged too early.
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { testServices } from '../helpers/env';
import { quietTemporalRuntime } from '../helpers/platform';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath);
});

afterAll(async () => {
  await env?.teardown();
});

it('skips exactly the duration asked when the sleep outlasts the server’s keepalive allowance in real time', async () => {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'busy-clock',
    workflowsPath: require.resolve('../fixtures/workflows/busy-clock'),
    activities: { takeRealTime: () => new Promise<void>((resolve) => setTimeout(resolve, 1_600)) },
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('busyClock', { taskQueue: 'busy-clock', workflowId: 'busy-clock' });
    const before = await env.currentTimeMs();
    const realStart = Date.now();
    await env.sleep('64 minutes');
    const skipped = (await env.currentTimeMs()) - before;
    // The claim needs the sleep to have lasted past the third ping (30 s apart).
    expect(Date.now() - realStart).toBeGreaterThan(95_000);
    expect(skipped).toBeGreaterThanOrEqual(64 * 60_000);
    expect(skipped).toBeLessThan(64 * 60_000 + 1_000);
    await handle.terminate('test finished');
  });
}, 300_000);
