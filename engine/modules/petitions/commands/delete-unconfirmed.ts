// Proposals whose e-mail was never confirmed are deleted after CONFIRM_DAYS (the tenant's housekeeping): the
// whole row, proposer and text, since nothing else refers to it. One audit row with the count.
import { recordAudit, type CommandContext } from '../../../audit/record';
import { select, type PetitionDeps } from '../db';
import { authorize } from '../policies';
import { CONFIRM_DAYS } from './propose-petition';

export async function deleteUnconfirmedPetitions(deps: PetitionDeps, ctx: CommandContext, now: Date = new Date()): Promise<{ deleted: number }> {
  authorize(ctx.actor, 'petitions.unconfirmed.delete', { tenantId: ctx.tenantId });
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const gone = await select<{ id: string }>(
      db,
      tx,
      "DELETE FROM petitions WHERE status = 'awaitingConfirmation' AND created_at <= $1::timestamptz - make_interval(days => $2) RETURNING id",
      [now, CONFIRM_DAYS],
    );
    if (gone.length) await recordAudit(db, tx, ctx, { action: 'petition.unconfirmedDeleted', entityType: 'petition', summary: { deleted: gone.length, olderThan: `${CONFIRM_DAYS} days` } });
    return { deleted: gone.length };
  });
}
