// The whole personal number for an administrator who needs it (e.g. to check a person on the phone): opened
// from its sealed column, and audited in the same transaction — no reveal without its row.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { PersonalNumbers } from '../../../../identity/personal-numbers';
import type { ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { findParticipant } from '../../participants/rows';

export async function revealPersonalNumber(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<{ personalNumber: string }> {
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findParticipant(db, tx, id);
    authorize(ctx.actor, 'election.participants.manage', { tenantId: row.tenant_id });
    const personalNumber = await new PersonalNumbers(keyring).reveal(tx, row.tenant_id, { country: row.personal_number_country, ciphertext: row.personal_number_sealed });
    await recordAudit(db, tx, ctx, { action: 'election.participantPersonalNumberRevealed', entityType: 'electionParticipant', entityId: row.id });
    return { personalNumber };
  });
}
