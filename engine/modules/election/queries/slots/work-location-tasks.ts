// A polling station's task slots in an election (the station's tasks page): each slot's date, task type (with
// its hours), team, state and holder (name and masked personal number only), how it was given (registered
// directly, answered on the holder's behalf), when invited and answered, and whether it was ever offered to
// anyone (such a slot is never moved to another team nor removed). Filtered by date, team and task type.
import type { Actor } from '../../../../actors';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { collateOf, electionWorkLocation, EVER_INVITED, slotElection, VACANT, type SlotWorkLocationRow } from './shared';

export interface TasksFilter {
  date?: string;
  teamId?: string;
  taskTypeId?: string;
}

export interface TaskSlotRow {
  id: string;
  date: string;
  state: 'vacant' | 'invited' | 'accepted';
  task_type_id: string;
  task_type_title: string;
  task_type_short_name: string;
  start_time: string;
  end_time: string;
  trusted: boolean;
  team_id: string;
  team_name: string;
  participant_id: string | null;
  given_name: string | null;
  family_name: string | null;
  personal_number_masked: string | null;
  registered_directly: boolean;
  answered_on_behalf: boolean;
  invited_at: Date | null;
  answered_at: Date | null;
  ever_invited: boolean;
}

export interface WorkLocationTasksRow {
  work_location: SlotWorkLocationRow;
  slots: TaskSlotRow[];
}

export async function workLocationTasks(deps: ElectionDeps, actor: Actor, electionId: string, workLocationId: string, filter: TasksFilter = {}): Promise<WorkLocationTasksRow> {
  authorize(actor, 'election.slots.view', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    await slotElection(db, tx, electionId);
    const workLocation = await electionWorkLocation(db, tx, electionId, workLocationId);
    const collate = await collateOf(db, tx, actor.tenantId);
    const bind: unknown[] = [electionId, workLocationId];
    const where: string[] = [];
    if (filter.date) where.push(`s.task_date = $${bind.push(filter.date)}::date`);
    if (filter.teamId) where.push(`s.team_id = $${bind.push(filter.teamId)}::uuid`);
    if (filter.taskTypeId) where.push(`s.task_type_id = $${bind.push(filter.taskTypeId)}::uuid`);
    // A legacy 'rejected' row is shown as what it now means: vacant, without the person who said no.
    const slots = await select<TaskSlotRow>(
      db,
      tx,
      `SELECT s.id, s.task_date::text AS date, CASE WHEN ${VACANT()} THEN 'vacant' ELSE s.state END AS state,
              tt.id AS task_type_id, tt.title AS task_type_title, tt.short_name AS task_type_short_name,
              tt.start_time::text AS start_time, tt.end_time::text AS end_time, tt.trusted,
              t.id AS team_id, t.name AS team_name,
              p.id AS participant_id, p.given_name, p.family_name, p.personal_number_masked,
              s.registered_directly, s.answered_on_behalf, s.invited_at, s.answered_at, ${EVER_INVITED()} AS ever_invited
         FROM task_slots s
         JOIN task_types tt ON tt.tenant_id = s.tenant_id AND tt.id = s.task_type_id
         JOIN teams t ON t.tenant_id = s.tenant_id AND t.id = s.team_id
         LEFT JOIN participants p ON p.tenant_id = s.tenant_id AND p.id = s.participant_id AND NOT ${VACANT()}
        WHERE s.election_id = $1 AND s.work_location_id = $2${where.map((w) => ` AND ${w}`).join('')}
        ORDER BY s.task_date, tt.start_time, tt.title ${collate}, tt.id, t.name ${collate}, t.id, s.created_at, s.id`,
      bind,
    );
    return { work_location: workLocation, slots };
  });
}
