// The weekly schedule's request (an activity of the weekly workflow): this week's refresh of every active
// election's participants, idempotent by the schedule's key (the weekly run's id). A tenant without an active
// election gets none that week. Answers the refresh and its workflow's id for the child workflow to start.
import type { Database } from '../../../db/database';
import { select } from '../db';
import { requestRegistryRefresh } from './request';
import { registryRefreshWorkflowId } from './workflows';

export async function requestWeeklyRegistryRefresh(db: Database, input: { tenantId: string; scheduleKey: string }): Promise<{ refreshId: string; workflowId: string } | null> {
  return db.withTenant(input.tenantId, async (tx) => {
    const [active] = await select<{ id: string }>(db, tx, 'SELECT id FROM elections WHERE active LIMIT 1');
    if (!active) return null;
    const { id } = await requestRegistryRefresh(db, tx, { tenantId: input.tenantId, reason: 'weekly', scheduleKey: input.scheduleKey });
    return { refreshId: id, workflowId: registryRefreshWorkflowId(input.tenantId, id) };
  });
}
