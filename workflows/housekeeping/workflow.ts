// A tenant's retention housekeeping: once a day it purges what has expired: audit rows older than the
// tenant's retention setting, ended and expired login sessions, communication log entries older than 4 months. It lives as long as the tenant, continuing as new
// when the history grows. The workflow passes its own clock to the activity, so time skipping in tests
// moves the cut-off exactly as the passing of real days would.
import { condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { runNowSignal, statusQuery, type HousekeepingInput, type HousekeepingStatus } from './messages';

const { purgeExpiredAuditEntries, purgeExpiredSessions, purgeCommunicationLog } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '10 minutes' },
});

export const HOUSEKEEPING_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Runs per workflow run before continuing as new, whatever the server suggests. */
const RUNS_PER_HISTORY = 60;

export async function tenantHousekeeping(input: HousekeepingInput, carried?: HousekeepingStatus): Promise<void> {
  const status: HousekeepingStatus = { runs: 0, ...carried };
  let runRequested = false;
  setHandler(runNowSignal, () => {
    runRequested = true;
  });
  setHandler(statusQuery, () => status);

  for (let i = 0; i < RUNS_PER_HISTORY && !workflowInfo().continueAsNewSuggested; i++) {
    const asOf = new Date();
    const result = await purgeExpiredAuditEntries({ tenantId: input.tenantId, asOf: asOf.toISOString() });
    // Added after housekeeping workflows were already running: histories recorded before it replay unchanged.
    if (patched('purge-expired-sessions')) status.lastSessionsPurged = await purgeExpiredSessions({ tenantId: input.tenantId, asOf: asOf.toISOString() });
    if (patched('purge-communication-log')) status.lastMessagesPurged = await purgeCommunicationLog({ tenantId: input.tenantId, asOf: asOf.toISOString() });
    Object.assign(status, { runs: status.runs + 1, lastRunAt: asOf.toISOString(), lastPurged: result.purged, lastCutoff: result.cutoff });
    status.nextRunAt = new Date(asOf.getTime() + HOUSEKEEPING_INTERVAL_MS).toISOString();
    runRequested = false;
    await condition(() => runRequested, HOUSEKEEPING_INTERVAL_MS);
  }
  await continueAsNew<typeof tenantHousekeeping>(input, status);
}
