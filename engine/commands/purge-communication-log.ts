import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { authorize } from '../policies';

/** How long the communication log keeps an entry (the tenant's messages and their delivery attempts). */
export const COMMUNICATION_LOG_MONTHS = 4;

/**
 * Deletes the tenant's communication log entries created more than COMMUNICATION_LOG_MONTHS months before `asOf`
 * (their delivery attempts go with them, ON DELETE CASCADE). Audited with the count when anything went.
 */
export async function purgeCommunicationLog(db: Database, ctx: CommandContext, asOf: Date): Promise<number> {
  authorize(ctx.actor, 'communicationLog.purge', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [rows] = await db.sequelize.query("DELETE FROM communication_log WHERE created_at < $1::timestamptz - make_interval(months => $2) RETURNING id", {
      bind: [asOf.toISOString(), COMMUNICATION_LOG_MONTHS],
      transaction: tx,
    });
    const purged = (rows as unknown[]).length;
    if (purged > 0) {
      await recordAudit(db, tx, ctx, { action: 'communicationLog.purged', entityType: 'communicationLog', summary: { purged, createdBefore: asOf.toISOString(), months: COMMUNICATION_LOG_MONTHS } });
    }
    return purged;
  });
}
