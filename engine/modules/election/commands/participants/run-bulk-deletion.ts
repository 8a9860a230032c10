// What the bulk deletion's workflow does, one transaction at a time (its activities: activities/election.ts).
// A batch deletes up to N participants of the deletion not yet deleted — their team memberships and comments go
// with them (ON DELETE CASCADE), the task slots they hold become vacant —, marks their items, counts them on the
// deletion and writes one audit row per person, by id. A batch that is retried after it committed finds those
// items marked and takes the next ones: the deletion is idempotent batch by batch. Runs as the system, on the
// administrator's request recorded on the deletion (requested_by).
import { systemActor } from '../../../../actors';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { execute, select } from '../../db';
import { authorize } from '../../policies';

export interface BatchResult {
  /** How many of the deletion's participants are done so far (this batch's included). */
  deleted: number;
  /** How many are left. */
  remaining: number;
}

/** The deletion is not (or no longer) to be carried on: it failed, or is not there. */
export class DeletionNotRunning extends Error {
  override readonly name = 'DeletionNotRunning';
}

const MAX_BATCH = 1000;

function systemContext(tenantId: string): CommandContext {
  const ctx = { tenantId, actor: systemActor(tenantId, 'election-bulk-deletion') };
  authorize(ctx.actor, 'election.participants.bulkDelete', { tenantId });
  return ctx;
}

export async function deleteParticipantBatch(db: Database, input: { tenantId: string; deletionId: string; batchSize: number }): Promise<BatchResult> {
  const ctx = systemContext(input.tenantId);
  const limit = Math.max(1, Math.min(MAX_BATCH, Math.floor(input.batchSize)));
  return db.withTenant(input.tenantId, async (tx) => {
    // The deletion's row is locked for the batch: two runs of its workflow (a resumed one beside a late one)
    // take their batches one after the other, never the same items twice.
    const [deletion] = await select<{ total: number; deleted: number; status: string }>(db, tx, 'SELECT total, deleted, status FROM participant_deletions WHERE id = $1 FOR UPDATE', [input.deletionId]);
    if (!deletion) throw new DeletionNotRunning('no such deletion');
    if (deletion.status === 'done') return { deleted: deletion.deleted, remaining: 0 };
    if (deletion.status !== 'running') throw new DeletionNotRunning(`the deletion is ${deletion.status}`);

    const pending = await select<{ participant_id: string }>(
      db,
      tx,
      'SELECT participant_id FROM participant_deletion_items WHERE deletion_id = $1 AND deleted_at IS NULL ORDER BY participant_id LIMIT $2',
      [input.deletionId, limit],
    );
    // Items and counter change together, so none pending means none remaining.
    if (pending.length === 0) return { deleted: deletion.deleted, remaining: 0 };
    const ids = pending.map((p) => p.participant_id);

    await execute(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE participant_id = ANY($1::uuid[])", [ids]);
    // A participant already gone (deleted by hand, or by another deletion) is done here too, without a second audit row.
    const gone = await select<{ id: string }>(db, tx, 'DELETE FROM participants WHERE id = ANY($1::uuid[]) RETURNING id', [ids]);
    await execute(db, tx, 'UPDATE participant_deletion_items SET deleted_at = now() WHERE deletion_id = $1 AND participant_id = ANY($2::uuid[])', [input.deletionId, ids]);
    for (const { id } of gone) {
      await recordAudit(db, tx, ctx, { action: 'election.participantDeleted', entityType: 'electionParticipant', entityId: id, summary: { participantId: id, deletionId: input.deletionId } });
    }
    const [counted] = await select<{ total: number; deleted: number }>(db, tx, 'UPDATE participant_deletions SET deleted = deleted + $2 WHERE id = $1 RETURNING total, deleted', [input.deletionId, ids.length]);
    return { deleted: counted!.deleted, remaining: counted!.total - counted!.deleted };
  });
}

/** Marks the deletion finished ('done', or 'failed' when a batch was refused for good); a second call changes nothing. */
export async function finishParticipantDeletion(db: Database, input: { tenantId: string; deletionId: string; outcome: 'done' | 'failed' }): Promise<void> {
  const ctx = systemContext(input.tenantId);
  await db.withTenant(input.tenantId, async (tx) => {
    const [row] = await select<{ total: number; deleted: number }>(
      db,
      tx,
      "UPDATE participant_deletions SET status = $2, finished_at = now() WHERE id = $1 AND status = 'running' RETURNING total, deleted",
      [input.deletionId, input.outcome],
    );
    if (!row) return;
    await recordAudit(db, tx, ctx, {
      action: 'election.participantsBulkDeletionFinished',
      entityType: 'electionParticipantDeletion',
      entityId: input.deletionId,
      summary: { deletionId: input.deletionId, status: input.outcome, total: row.total, deleted: row.deleted },
    });
  });
}
