import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { SamlReplayGuard } from '../identity/saml-replay';
import { Sessions } from '../identity/sessions';
import { authorize } from '../policies';

/**
 * Deletes the tenant's login state that ended or expired before `asOf`: sessions, SAML request ids and
 * remembered assertion ids. Audited when anything went; returns how many rows went.
 */
export async function purgeExpiredSessions(db: Database, ctx: CommandContext, asOf: Date): Promise<number> {
  authorize(ctx.actor, 'sessions.purge', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const sessions = await new Sessions(db).purgeExpired(tx, asOf);
    const saml = await new SamlReplayGuard(db).purgeExpired(tx, asOf);
    if (sessions + saml > 0) {
      await recordAudit(db, tx, ctx, { action: 'session.purged', entityType: 'session', summary: { sessions, samlEntries: saml, endedBefore: asOf.toISOString() } });
    }
    return sessions + saml;
  });
}
