// The proposer's name and e-mail are kept while they are needed (confirmation, the edit link, telling them what
// happened) and erased a while after the answer (the petition's flow) or a rejection, or on their request.
// The proposal itself stays: it is public. Erasing twice does nothing the second time.
import type { Transaction } from 'sequelize';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { execute, findPetition, type PetitionDeps, type PetitionRow, type PetitionStatus } from '../db';
import { wrongStatus } from '../errors';
import { authorize } from '../policies';

/** The statuses in which nobody needs to reach the proposer any more. */
const ERASABLE: readonly PetitionStatus[] = ['answered', 'rejected'];

export async function erasePetitionProposer(deps: PetitionDeps, ctx: CommandContext, id: string): Promise<{ erased: boolean }> {
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findPetition(db, tx, id, { lock: true });
    authorize(ctx.actor, 'petitions.proposer.erase', { tenantId: row.tenant_id });
    if (!row.proposer_erased_at && !ERASABLE.includes(row.status)) throw wrongStatus(row.status, 'erased of its proposer');
    return eraseProposerOf(db, tx, ctx, row);
  });
}

/** The erasure itself, in the caller's transaction on a row it loaded (the flow's deletePersonalData too). */
export async function eraseProposerOf(db: Database, tx: Transaction, ctx: CommandContext, row: Pick<PetitionRow, 'id' | 'status' | 'proposer_erased_at'>): Promise<{ erased: boolean }> {
  if (row.proposer_erased_at) return { erased: false };
  await execute(
    db,
    tx,
    'UPDATE petitions SET proposer_name_sealed = NULL, proposer_email_sealed = NULL, proposer_email_hash = NULL, mail_link_sealed = NULL, proposer_erased_at = now(), updated_at = now() WHERE id = $1',
    [row.id],
  );
  await recordAudit(db, tx, ctx, { action: 'petition.proposerErased', entityType: 'petition', entityId: row.id, summary: { status: row.status } });
  return { erased: true };
}
