// A person's consents: listed on their profile, and withdrawn by them (audited; the record stays, marked).
import { QueryTypes } from 'sequelize';
import type { Actor } from '../actors';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { NotFoundError, UnauthenticatedError } from '../errors';
import { authorize } from '../policies';
import { foundUuid } from '../ids';

export interface ConsentView {
  id: string;
  form: string;
  definitionId: string;
  version: number;
  title: Record<string, string>;
  consents: Record<string, boolean>;
  givenAt: string;
  withdrawnAt: string | null;
}

export async function listMyConsents(db: Database, actor: Actor): Promise<ConsentView[]> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const rows = await db.withTenant(actor.tenantId, (tx) =>
    db.sequelize.query<{ id: string; name: string; definition_id: string; version: number; title: Record<string, string>; consents: Record<string, boolean>; given_at: Date; withdrawn_at: Date | null }>(
      `SELECT c.id, d.name, c.definition_id, c.version, v.definition->'title' AS title, c.consents, c.given_at, c.withdrawn_at
         FROM consent_records c
         JOIN form_definitions d ON d.id = c.definition_id
         JOIN form_versions v ON v.definition_id = c.definition_id AND v.version = c.version
        WHERE c.user_id = $1 ORDER BY c.given_at DESC`,
      { bind: [actor.id], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
  return rows.map((r) => ({ id: r.id, form: r.name, definitionId: r.definition_id, version: r.version, title: r.title ?? {}, consents: r.consents, givenAt: new Date(r.given_at).toISOString(), withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null }));
}

export async function withdrawConsent(db: Database, ctx: CommandContext, consentId: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  foundUuid(consentId);
  await db.withTenant(ctx.tenantId, async (tx) => {
    const [row] = await db.sequelize.query<{ user_id: string; withdrawn_at: Date | null }>('SELECT user_id, withdrawn_at FROM consent_records WHERE id = $1 FOR UPDATE', { bind: [consentId], type: QueryTypes.SELECT, transaction: tx });
    // Someone else's consent is reported like a missing one.
    if (!row || row.user_id !== (ctx.actor as { id: string }).id) throw new NotFoundError();
    authorize(ctx.actor, 'consent.withdraw', { tenantId: ctx.tenantId, ownerId: row.user_id });
    if (row.withdrawn_at) return;
    await db.sequelize.query('UPDATE consent_records SET withdrawn_at = now() WHERE id = $1', { bind: [consentId], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'consent.withdrawn', entityType: 'consent', entityId: consentId });
  });
}
