// A participant's own changes on the public site: phone, e-mail and diets (the registry's data is not theirs to
// edit), and deleting the profile. The deletion is refused after a worked task (an accepted task whose date has
// passed: the payment needs the data; 409 election.taskWorked) and while the person holds a task in an election
// inside its lock period (409 election.lockPeriod naming the day it ends); otherwise it erases the person
// everywhere as an administrator's deletion does (deleteParticipant): the tasks the person holds become vacant,
// rejections, team memberships, comments and queued messages go with the row, and the login keeps nothing of it.
// Audit rows name the fields changed or the id, never values.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { ParticipantUpdate, type ContactChanges } from '../../participants/contact-changes';
import { findParticipant } from '../../participants/rows';
import { requireMe } from '../../queries/public/me-common';
import { deletionBlock } from '../../queries/public/me-profile';

/** What the person may change: their phone, e-mail and diets (participants/contact-changes.ts). */
export type MyProfileUpdate = ContactChanges;

export async function updateMyProfile(deps: ElectionDeps, ctx: CommandContext, input: MyProfileUpdate): Promise<{ fields: string[] }> {
  const { db, keyring } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const me = await requireMe(db, tx, ctx.actor);
    const row = await findParticipant(db, tx, me, { lock: true });
    const update = new ParticipantUpdate(row);
    await update.contact(db, keyring, tx, input);
    const { fields } = update;
    const sql = update.sql();
    if (!sql) return { fields };
    await execute(db, tx, sql, update.bind);
    await recordAudit(db, tx, ctx, { action: 'election.myProfileUpdated', entityType: 'electionParticipant', entityId: row.id, summary: { fields } });
    return { fields };
  });
}

export async function deleteMyProfile(deps: ElectionDeps, ctx: CommandContext): Promise<void> {
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const me = await requireMe(db, tx, ctx.actor);
    const row = await findParticipant(db, tx, me, { lock: true });
    const block = await deletionBlock(db, tx, row.id);
    if (block?.reason === 'taskWorked') throw electionConflict('election.taskWorked', 'a worked task needs the data for the payment');
    if (block?.reason === 'lockPeriod') throw electionConflict('election.lockPeriod', 'a task is inside its election’s lock period', { ends: block.ends });
    const vacated = await execute(db, tx, "UPDATE task_slots SET participant_id = NULL, state = 'vacant', updated_at = now() WHERE participant_id = $1", [row.id]);
    await execute(db, tx, 'DELETE FROM participants WHERE id = $1', [row.id]);
    await recordAudit(db, tx, ctx, { action: 'election.myProfileDeleted', entityType: 'electionParticipant', entityId: row.id, summary: { vacatedSlots: vacated } });
  });
}
