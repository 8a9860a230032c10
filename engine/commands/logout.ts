import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { Sessions } from '../identity/sessions';

/** Ends the caller's own session; audited with the session id, never the token. */
export async function logout(db: Database, ctx: CommandContext, sessionId: string): Promise<void> {
  await db.withTenant(ctx.tenantId, async (tx) => {
    if (await new Sessions(db).end(tx, sessionId, new Date())) {
      await recordAudit(db, tx, ctx, { action: 'session.loggedOut', entityType: 'session', entityId: sessionId });
    }
  });
}
