import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { Sessions } from '../identity/sessions';
import { authorize } from '../policies';

/** Deletes the tenant's sessions that ended or expired before `asOf`; audited when any went. */
export async function purgeExpiredSessions(db: Database, ctx: CommandContext, asOf: Date): Promise<number> {
  authorize(ctx.actor, 'sessions.purge', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const purged = await new Sessions(db).purgeExpired(tx, asOf);
    if (purged > 0) await recordAudit(db, tx, ctx, { action: 'session.purged', entityType: 'session', summary: { purged, endedBefore: asOf.toISOString() } });
    return purged;
  });
}
