// The Java time-skipping test server for tests and the history recorder, started so that a loaded machine does
// not break it. Two things go wrong with the SDK's `TestWorkflowEnvironment.createTimeSkipping` as it is:
//
// 1. The SDK gives the JVM 5 seconds to listen, fixed in its Rust core; on a busy CI machine the JVM sometimes
//    needs more, and the suite fails with "did not start within 5s". We start it again, a few times.
// 2. The SDK's client pings the server every 30 s; the test server (grpc-java) permits one ping per 5 minutes and
//    answers the third with GOAWAY ("excess pings"). An `env.sleep` that lasts more than about 90 s of real time
//    then fails with UNAVAILABLE, and the SDK's retry interceptor sends the sleep again: the clock skips the
//    duration twice (measured: `env.sleep('80 minutes')` skipped 137). So our client pings less often than that.
//    A long sleep is exactly a test of a retention period on a slow machine, where skipping too far hides a bug.
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/** Longer than grpc-java's default permitKeepAliveTime (5 minutes). */
const KEEPALIVE_MS = 6 * 60_000;
const START_ATTEMPTS = 4;

/** The SDK's own factory, which alone takes connection options (private in its typings, stable since 1.8). */
type CreateEnvironment = (opts: {
  server: { type: 'time-skipping'; executable: { type: 'existing-path'; path: string } };
  client?: { dataConverter?: DataConverter };
  supportsTimeSkipping: true;
  connectionOptions: { channelArgs: Record<string, number> };
}) => Promise<TestWorkflowEnvironment>;

export async function startTimeSkippingEnvironment(testServerPath: string, dataConverter?: DataConverter): Promise<TestWorkflowEnvironment> {
  const create = (TestWorkflowEnvironment as unknown as { create: CreateEnvironment }).create.bind(TestWorkflowEnvironment);
  for (let attempt = 1; ; attempt++) {
    try {
      return await create({
        server: { type: 'time-skipping', executable: { type: 'existing-path', path: testServerPath } },
        ...(dataConverter ? { client: { dataConverter } } : {}),
        supportsTimeSkipping: true,
        connectionOptions: { channelArgs: { 'grpc.keepalive_time_ms': KEEPALIVE_MS } },
      });
    } catch (err) {
      if (attempt >= START_ATTEMPTS || !/did not start within/.test(String(err))) throw err;
    }
  }
}
