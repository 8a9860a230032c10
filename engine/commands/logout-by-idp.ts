// Single logout started at the IdP: it ended the person's session there and tells every SP. We end this
// site's live sessions of that NameID (and SessionIndex, when given), each audited with the IdP as actor.
// NameIDs are stored sealed, so candidates are narrowed by SessionIndex first and then compared opened.
import { QueryTypes } from 'sequelize';
import { systemActor } from '../actors';
import { recordAudit } from '../audit/record';
import { open } from '../crypto/aead';
import type { Database, Site } from '../db/database';
import type { Identity } from '../identity';
import { NAME_ID_PURPOSE } from '../identity/login';

export async function logoutByIdp(identity: Pick<Identity, 'db' | 'sessions' | 'keyring'>, opts: { tenantId: string; site: Site; nameId: string; sessionIndex?: string; requestId?: string }): Promise<number> {
  const { db, sessions, keyring } = identity;
  return db.withTenant(opts.tenantId, async (tx) => {
    const candidates = await (db as Database).sequelize.query<{ id: string; idp_name_id_sealed: Buffer }>(
      `SELECT id, idp_name_id_sealed FROM sessions
        WHERE site = $1 AND ended_at IS NULL AND idp_name_id_sealed IS NOT NULL AND ($2::text IS NULL OR idp_session_index = $2)`,
      { bind: [opts.site, opts.sessionIndex ?? null], type: QueryTypes.SELECT, transaction: tx },
    );
    const key = await keyring.dataKey(tx, opts.tenantId, NAME_ID_PURPOSE);
    const now = new Date();
    let ended = 0;
    for (const candidate of candidates) {
      if (open(key, candidate.idp_name_id_sealed, opts.tenantId).toString() !== opts.nameId) continue;
      if (!(await sessions.end(tx, candidate.id, now))) continue;
      ended += 1;
      const ctx = { tenantId: opts.tenantId, actor: systemActor(opts.tenantId, 'identity-provider'), ...(opts.requestId ? { requestId: opts.requestId } : {}) };
      await recordAudit(db, tx, ctx, { action: 'session.loggedOutByIdp', entityType: 'session', entityId: candidate.id });
    }
    return ended;
  });
}
