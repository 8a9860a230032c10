// Deleting participants' personal data everywhere, in the caller's transaction: what refers to them by id goes
// first, then the rows themselves.
//   - the task slots they hold become vacant (their task fields cleared), and the slots' running flows are told
//     `task.removed`; the participant's own running flows are told `subject.erased` (through the flow outbox);
//   - their communication log rows (named by 'subject:electionParticipant/<id>' or by refs.participantId) and,
//     with them, the rows' delivery attempts (ON DELETE CASCADE);
//   - their participant messages, rejections, team memberships and comments (ON DELETE CASCADE from participants);
//   - the citizen login created for them, with the sealed sign-up consent statement submissions it sent and their
//     consent records (consent_records go with the submission and with the user);
//   - the participant rows.
// Audit rows name the participant by id only, which is not personal data once the row is gone.
import type { Transaction } from 'sequelize';
import type { Database } from '../../../db/database';
import { flowGateway } from '../../../flows/gateway';
import { execute, select } from '../db';

export interface EraseCounts {
  participants: number;
  slotsVacated: number;
  logRows: number;
  users: number;
}

export async function eraseParticipants(db: Database, tx: Transaction, tenantId: string, ids: string[]): Promise<EraseCounts> {
  if (ids.length === 0) return { participants: 0, slotsVacated: 0, logRows: 0, users: 0 };
  const slots = await select<{ id: string }>(
    db,
    tx,
    "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE participant_id = ANY($1::uuid[]) RETURNING id",
    [ids],
  );
  for (const slot of slots) await flowGateway.signal(db, tx, tenantId, { subjectType: 'electionTask', subjectId: slot.id, event: 'task.removed' });
  for (const id of ids) await flowGateway.signal(db, tx, tenantId, { subjectType: 'electionParticipant', subjectId: id, event: 'subject.erased' });

  const recipients = ids.map((id) => `subject:electionParticipant/${id}`);
  const logRows = await execute(db, tx, "DELETE FROM communication_log WHERE recipient = ANY($1::text[]) OR (refs ->> 'participantId') = ANY($2::text[])", [recipients, ids]);

  const users = await select<{ user_id: string }>(db, tx, "SELECT p.user_id FROM participants p JOIN users u ON u.id = p.user_id AND u.kind = 'citizen' WHERE p.id = ANY($1::uuid[])", [ids]);
  const userIds = users.map((u) => u.user_id);
  if (userIds.length > 0) {
    await execute(
      db,
      tx,
      "DELETE FROM form_submissions s USING form_definitions d WHERE d.id = s.definition_id AND d.kind IN ('consentStatement', 'signupTemplate', 'taskTypeFields') AND s.submitted_by = ANY($1::uuid[])",
      [userIds],
    );
  }
  const gone = await execute(db, tx, 'DELETE FROM participants WHERE id = ANY($1::uuid[])', [ids]);
  const usersGone = userIds.length > 0 ? await execute(db, tx, "DELETE FROM users WHERE id = ANY($1::uuid[]) AND kind = 'citizen'", [userIds]) : 0;
  return { participants: gone, slotsVacated: slots.length, logRows, users: usersGone };
}
