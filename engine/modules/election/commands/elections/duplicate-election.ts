// Duplicates an election to a new election day: a new inactive election with the same type, lock period,
// polling stations, message templates and setup step, its task dates moved by as many days as the election day
// moved, and every task slot of the old election copied as a vacant slot of the new one on its date moved the
// same way. Participants are never copied: the new election is staffed anew.
import type { ElectionDuplicate } from '../../../../../schemas/types/election-election-duplicate';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { validate } from '../../../../validation';
import { execute, select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { daysBetween, findElection, shiftDate } from './shared';

export async function duplicateElection(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<{ id: string; slots: number }> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const d = validate<ElectionDuplicate>('election/election-duplicate.schema.json', input);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const old = await findElection(deps, tx, id);
    const shift = daysBetween(old.election_day, d.electionDay);
    const [created] = await select<{ id: string }>(
      db,
      tx,
      `INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, lock_days, templates, active, setup_step)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9) RETURNING id`,
      [
        ctx.tenantId,
        d.title,
        old.election_type_id,
        d.electionDay,
        old.first_task_date === null ? null : shiftDate(old.first_task_date, shift),
        old.last_task_date === null ? null : shiftDate(old.last_task_date, shift),
        old.lock_days,
        JSON.stringify(old.templates),
        old.setup_step,
      ],
    );
    const newId = created!.id;
    await execute(db, tx, 'INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) SELECT tenant_id, $2, work_location_id FROM election_work_locations WHERE election_id = $1', [old.id, newId]);
    // Counted by RETURNING: execute()'s count is not a row count for an INSERT (Sequelize answers its own).
    const slots = (
      await select<{ id: string }>(
        db,
        tx,
        `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state)
         SELECT tenant_id, $2, work_location_id, task_type_id, team_id, task_date + $3::integer, NULL, 'vacant' FROM task_slots WHERE election_id = $1 RETURNING id`,
        [old.id, newId, shift],
      )
    ).length;
    await recordAudit(db, tx, ctx, { action: 'election.electionDuplicated', entityType: 'election', entityId: newId, summary: { sourceElectionId: old.id, slots, days: shift } });
    return { id: newId, slots };
  });
}
