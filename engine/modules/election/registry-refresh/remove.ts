// Taking a participant off a task because the civil registry says they may no longer hold it: the unassign
// command's change (the slot vacant again, the person told — here with the 'removedByValidation' message, which
// the slot's flow sends as it ends: flow-events.ts taskRemovedByValidation), made in the refresh batch's
// transaction under its locks (participant, then slot, as every assignment command takes them). Audited by id
// with the reasons' codes, never the registry's data.
import type { Transaction } from 'sequelize';
import { recordAudit, type CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import { select } from '../db';
import type { EligibilityReasonCode } from '../eligibility';
import { taskRemovedByValidation } from '../flow-events';

export interface ValidationRemoval {
  tenantId: string;
  refreshId: string;
  participantId: string;
  slot: { id: string; election_id: string; state: 'invited' | 'accepted' };
  reasons: EligibilityReasonCode[];
}

/** Vacates the slot (still the participant's: the caller holds its lock) and tells the person; false when it was not theirs any more. */
export async function removeByValidation(db: Database, tx: Transaction, ctx: CommandContext, r: ValidationRemoval): Promise<boolean> {
  const [done] = await select<{ id: string }>(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE id = $1 AND participant_id = $2 RETURNING id", [
    r.slot.id,
    r.participantId,
  ]);
  if (!done) return false;
  await taskRemovedByValidation(db, tx, { tenantId: r.tenantId, slotId: r.slot.id });
  await recordAudit(db, tx, ctx, {
    action: 'election.taskRemovedByValidation',
    entityType: 'electionTask',
    entityId: r.slot.id,
    summary: { slotId: r.slot.id, participantId: r.participantId, refreshId: r.refreshId, was: r.slot.state, reasons: r.reasons },
  });
  return true;
}
