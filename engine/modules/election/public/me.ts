// Who a citizen logged in on the public site is in election staffing: the participant whose personal number is
// the one the e-ID gave at login. A citizen's user row keeps the keyed hash of that number as its subject (the
// same tenant key participants' personal_number_hash uses), so they match without opening any sealed number.
// The first match also links the participant to the user (participants.user_id), which responsibility grants
// and "my" pages then read directly.
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../actors';
import type { Database } from '../../../db/database';
import { execute, select } from '../db';

/** The participant id of the logged-in citizen, or undefined (not a citizen, or not a participant yet). */
export async function findMyParticipantId(db: Database, tx: Transaction, actor: Actor): Promise<string | undefined> {
  if (actor.kind !== 'user') return undefined;
  const [linked] = await select<{ id: string }>(db, tx, 'SELECT id FROM participants WHERE user_id = $1', [actor.id]);
  if (linked) return linked.id;
  const [found] = await select<{ id: string }>(
    db,
    tx,
    `SELECT p.id FROM participants p JOIN users u ON u.tenant_id = p.tenant_id AND u.kind = 'citizen' AND u.subject_hash = p.personal_number_hash
      WHERE u.id = $1`,
    [actor.id],
  );
  if (!found) return undefined;
  await execute(db, tx, 'UPDATE participants SET user_id = $1 WHERE id = $2 AND user_id IS NULL', [actor.id, found.id]);
  return found.id;
}
