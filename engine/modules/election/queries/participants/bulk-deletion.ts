// A bulk deletion's progress as its record says (the admin site polls it while the workflow runs; the
// workflow's progress query is for operators). Another tenant's deletion is not there.
import type { Actor } from '../../../../actors';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import type { ElectionParticipantDeletion } from '../../../../../schemas/types/election-participant-deletion';
import { select } from '../../db';
import { authorize } from '../../policies';

interface DeletionRow {
  id: string;
  total: number;
  deleted: number;
  status: ElectionParticipantDeletion['status'];
  requested_at: Date;
  finished_at: Date | null;
}

export function presentParticipantDeletion(row: DeletionRow): ElectionParticipantDeletion {
  return {
    id: row.id,
    total: row.total,
    deleted: row.deleted,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

export async function participantDeletion(deps: { db: Database }, actor: Actor, id: string): Promise<ElectionParticipantDeletion> {
  authorize(actor, 'election.participants.bulkDelete', { tenantId: actor.tenantId });
  foundUuid(id);
  const { db } = deps;
  const [row] = await db.withTenant(actor.tenantId, (tx) =>
    select<DeletionRow>(db, tx, 'SELECT id, total, deleted, status, requested_at, finished_at FROM participant_deletions WHERE id = $1', [id]),
  );
  if (!row) throw new NotFoundError();
  return presentParticipantDeletion(row);
}
