import { recordAudit, type CommandContext } from '../audit/record';
import { open } from '../crypto/aead';
import type { Identity } from '../identity';
import { NAME_ID_PURPOSE } from '../identity/login';

/**
 * Ends the caller's own session (audited with the session id, never the token) and returns what the IdP
 * knows it by, so the caller can ask the IdP for single logout.
 */
export async function logout(identity: Pick<Identity, 'db' | 'sessions' | 'keyring'>, ctx: CommandContext, sessionId: string): Promise<{ nameId: string; sessionIndex: string | null } | undefined> {
  const { db, sessions, keyring } = identity;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const idp = await sessions.idpSession(tx, sessionId);
    if (await sessions.end(tx, sessionId, new Date())) {
      await recordAudit(db, tx, ctx, { action: 'session.loggedOut', entityType: 'session', entityId: sessionId });
    }
    if (!idp) return undefined;
    const key = await keyring.dataKey(tx, ctx.tenantId, NAME_ID_PURPOSE);
    return { nameId: open(key, idp.nameIdSealed, ctx.tenantId).toString(), sessionIndex: idp.sessionIndex };
  });
}
