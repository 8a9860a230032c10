// The platform's Temporal client leaves no promise hooks behind (engine/temporal/call-deadline.ts): the SDK's
// connect and every deadline call run under an AsyncLocalStorage, which on Node 20 makes every later promise of
// the process about three times dearer. Counted in a fresh process against the real dev server, by Node's own
// tally of installed hooks with an init callback (test/fixtures/call-deadline-probe.ts); the SDK connecting
// alone, in the same process, shows the hook the count would catch.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testServices } from '../helpers/env';

const ROOT = join(__dirname, '../..');

it('connecting and deadline calls leave no hook installed, and each call keeps its deadline while it runs', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--no-deprecation', '--import', 'tsx', join(ROOT, 'test/fixtures/call-deadline-probe.ts'), testServices().temporalAddress], { cwd: ROOT, timeout: 60_000 });
  const seen = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  expect(seen).toEqual({
    atStart: 0,
    afterConnectTemporal: 0,
    during: { hooks: 1, deadline: 'number' },
    afterCall: 0,
    pastDeadlineRefused: true,
    afterRefusedCall: 0,
    whileOtherRuns: 1,
    otherKeptDeadline: 'number',
    afterBoth: 0,
    afterSdkConnect: 1,
  });
});
