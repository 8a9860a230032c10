// A link whose invitation no longer opens its slot (migration 0039 remembers its hash): answered — accepted (and
// taken off since) or rejected — or retracted (taken off while invited, or replaced by a fresh link). The public site
// says which instead of calling the link unknown.
import type { Transaction } from 'sequelize';
import type { Database } from '../../../../db/database';
import { select } from '../../db';

export interface EndedInvitation {
  slotId: string;
  ending: 'answered' | 'retracted';
}

export async function endedInvitation(db: Database, tx: Transaction, tokenHash: string): Promise<EndedInvitation | undefined> {
  const [row] = await select<{ slot_id: string; answered: boolean }>(
    db,
    tx,
    `SELECT e.slot_id, (e.was_accepted OR EXISTS (
              SELECT 1 FROM task_rejections r WHERE r.tenant_id = e.tenant_id AND r.slot_id = e.slot_id AND r.participant_id = e.participant_id
                 AND r.rejected_at >= coalesce(e.invited_at, '-infinity'))) AS answered
       FROM ended_invitations e WHERE e.token_hash = $1`,
    [tokenHash],
  );
  return row ? { slotId: row.slot_id, ending: row.answered ? 'answered' : 'retracted' } : undefined;
}
