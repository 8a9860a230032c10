// The setup's later steps, each a PUT that can be repeated later: the dates (election day, first and last task
// date), the polling stations, the messages (the election's template of each event and the task types'
// overrides). The first time a step is filled in, the setup moves on to the next step; a step whose earlier
// steps are not filled in yet is refused (409 election.setupStepNotReached). Bad input answers 400 naming the
// field, and nothing is written.
import type { ElectionDates } from '../../../../../schemas/types/election-election-dates';
import type { ElectionMessages } from '../../../../../schemas/types/election-election-messages';
import type { ElectionWorkLocations } from '../../../../../schemas/types/election-election-work-locations';
import { fieldError, type FieldError } from '../../../../../forms/validation';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { ValidationError } from '../../../../errors';
import { validate } from '../../../../validation';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { MESSAGE_EVENTS } from '../../message-events';
import { authorize } from '../../policies';
import { eventTemplates, findElection, stepAfter, unknownTemplates } from './shared';

/** First task date ≤ election day ≤ last task date: a task on election day must be possible. */
export function datesProblems(d: ElectionDates): FieldError[] {
  const problems: FieldError[] = [];
  const message = 'the first task date must be on or before the election day, the last task date on or after it';
  if (d.firstTaskDate > d.electionDay) problems.push(fieldError('/firstTaskDate', 'election.datesOutOfOrder', {}, message));
  if (d.lastTaskDate < d.electionDay) problems.push(fieldError('/lastTaskDate', 'election.datesOutOfOrder', {}, message));
  return problems;
}

export async function setElectionDates(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const d = validate<ElectionDates>('election/election-dates.schema.json', input);
  const problems = datesProblems(d);
  if (problems.length) throw new ValidationError(problems);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findElection(deps, tx, id, { lock: true });
    const next = stepAfter(row.setup_step, 'dates');
    // The election's task slots must stay inside its task dates.
    const [outside] = await select<{ before: number; after: number }>(
      db,
      tx,
      'SELECT count(*) FILTER (WHERE task_date < $2)::integer AS before, count(*) FILTER (WHERE task_date > $3)::integer AS after FROM task_slots WHERE election_id = $1',
      [row.id, d.firstTaskDate, d.lastTaskDate],
    );
    if (outside!.before > 0) throw electionConflict('election.slotsOutsideDates', 'the election has task slots before this date', { slots: outside!.before }, '/firstTaskDate');
    if (outside!.after > 0) throw electionConflict('election.slotsOutsideDates', 'the election has task slots after this date', { slots: outside!.after }, '/lastTaskDate');
    await execute(db, tx, 'UPDATE elections SET election_day = $2, first_task_date = $3, last_task_date = $4, setup_step = $5, updated_at = now() WHERE id = $1', [
      row.id,
      d.electionDay,
      d.firstTaskDate,
      d.lastTaskDate,
      next,
    ]);
    await recordAudit(db, tx, ctx, { action: 'election.electionUpdated', entityType: 'election', entityId: row.id, summary: { step: 'dates' } });
  });
}

/** The polling stations the election uses: the whole set. One with task slots of the election cannot be left out. */
export async function setElectionWorkLocations(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const { workLocationIds: ids } = validate<ElectionWorkLocations>('election/election-work-locations.schema.json', input);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findElection(deps, tx, id, { lock: true });
    const next = stepAfter(row.setup_step, 'workLocations');
    const known = new Set((await select<{ id: string }>(db, tx, 'SELECT id FROM work_locations WHERE id = ANY($1::uuid[])', [ids])).map((r) => r.id));
    const unknown = ids.flatMap((wl, i) => (known.has(wl) ? [] : [fieldError(`/workLocationIds/${i}`, 'election.unknownWorkLocation', {}, 'no work location of this municipality has this id')]));
    if (unknown.length) throw new ValidationError(unknown);
    const [used] = await select<{ work_location_id: string }>(
      db,
      tx,
      'SELECT work_location_id FROM task_slots WHERE election_id = $1 AND NOT (work_location_id = ANY($2::uuid[])) LIMIT 1',
      [row.id, ids],
    );
    if (used) throw electionConflict('election.workLocationHasSlots', 'the election has task slots at a work location left out', { workLocationId: used.work_location_id }, '/workLocationIds');
    const removed = await execute(db, tx, 'DELETE FROM election_work_locations WHERE election_id = $1 AND NOT (work_location_id = ANY($2::uuid[]))', [row.id, ids]);
    // Counted by RETURNING: execute()'s count is not a row count for an INSERT (Sequelize answers its own).
    const added = (
      await select<{ work_location_id: string }>(
        db,
        tx,
        'INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING RETURNING work_location_id',
        [ctx.tenantId, row.id, ids],
      )
    ).length;
    await execute(db, tx, 'UPDATE elections SET setup_step = $2, updated_at = now() WHERE id = $1', [row.id, next]);
    await recordAudit(db, tx, ctx, { action: 'election.electionUpdated', entityType: 'election', entityId: row.id, summary: { step: 'workLocations', added, removed } });
  });
}

/**
 * The election's template of each event and, for the task types named, their overrides (task_types.templates:
 * a task type's overrides hold in every election; the task types not named keep theirs, `{}` clears one's).
 */
export async function setElectionMessages(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<void> {
  authorize(ctx.actor, 'election.elections.manage', { tenantId: ctx.tenantId });
  const m = validate<ElectionMessages>('election/election-messages.schema.json', input);
  const templates = eventTemplates(m.templates);
  const overrides = Object.entries(m.taskTypeOverrides ?? {}).map(([taskTypeId, t]) => ({ taskTypeId, templates: eventTemplates(t) }));
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findElection(deps, tx, id, { lock: true });
    const next = stepAfter(row.setup_step, 'messages');
    const problems = await unknownTemplates(deps, tx, templates, '/templates');
    if (overrides.length) {
      const ids = overrides.map((o) => o.taskTypeId);
      const known = new Set((await select<{ id: string }>(db, tx, 'SELECT id FROM task_types WHERE id = ANY($1::uuid[])', [ids])).map((r) => r.id));
      for (const o of overrides) {
        if (!known.has(o.taskTypeId)) problems.push(fieldError(`/taskTypeOverrides/${o.taskTypeId}`, 'election.unknownTaskType', {}, 'no task type of this municipality has this id'));
        else problems.push(...(await unknownTemplates(deps, tx, o.templates, `/taskTypeOverrides/${o.taskTypeId}`)));
      }
    }
    if (problems.length) throw new ValidationError(problems);
    await execute(db, tx, 'UPDATE elections SET templates = $2, setup_step = $3, updated_at = now() WHERE id = $1', [row.id, JSON.stringify(templates), next]);
    // Only the overrides column of the task type: the rest of it is the configuration's.
    for (const o of overrides) await execute(db, tx, 'UPDATE task_types SET templates = $2 WHERE id = $1', [o.taskTypeId, JSON.stringify(o.templates)]);
    await recordAudit(db, tx, ctx, {
      action: 'election.electionUpdated',
      entityType: 'election',
      entityId: row.id,
      summary: { step: 'messages', events: MESSAGE_EVENTS.filter((e) => templates[e] !== undefined), taskTypeIds: overrides.map((o) => o.taskTypeId) },
    });
  });
}
