// The proposer follows the link in the e-mail: the address is confirmed and the proposal joins the moderation
// queue. The token works once (its hash is cleared) and only until it expires.
import { recordAudit, type CommandContext } from '../../../audit/record';
import { NotFoundError } from '../../../errors';
import { execute, petitionByToken, type PetitionDeps, type PetitionStatus } from '../db';
import { petitionConflict } from '../errors';
import { authorize } from '../policies';
import { tokenHashOf } from '../tokens';
import { tellPetitionFlow } from '../flow-events';

export async function confirmPetitionEmail(deps: PetitionDeps, ctx: CommandContext, token: unknown): Promise<{ id: string; status: PetitionStatus }> {
  const { db } = deps;
  const hash = tokenHashOf(token);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await petitionByToken(db, tx, 'confirm_token_hash', hash);
    if (!row || row.status !== 'awaitingConfirmation') throw new NotFoundError();
    authorize(ctx.actor, 'petitions.petition.confirm', { tenantId: row.tenant_id });
    if (!row.confirm_expires_at || row.confirm_expires_at.getTime() <= Date.now()) throw petitionConflict('petition.tokenExpired', 'the confirmation link has expired', {}, '/token');
    await execute(
      db,
      tx,
      `UPDATE petitions SET status = 'awaitingModeration', confirm_token_hash = NULL, confirm_expires_at = NULL, confirmed_at = now(),
              mail_link_sealed = NULL, moderation_since = now(), updated_at = now() WHERE id = $1`,
      [row.id],
    );
    await tellPetitionFlow(db, tx, row.tenant_id, row.id, 'petition.confirmed');
    await recordAudit(db, tx, ctx, { action: 'petition.emailConfirmed', entityType: 'petition', entityId: row.id });
    return { id: row.id, status: 'awaitingModeration' };
  });
}
