// Distributes a polling station's task slots of an election (the distribute grid's save): for each cell named
// (team × task type × date) the number of slots it is to have. Only vacant slots never offered to anyone are
// added or removed; a count below the cell's filled slots (held, or once offered) is refused whole
// (409 election.slotsFilled naming the cell) and nothing is written. Cells not named keep their slots.
//
// Under concurrency: the election is held (FOR SHARE: its task dates cannot change meanwhile), the station's row
// of the election is locked (distributions of one station take turns, even while it has no slots), then the
// station's slots are locked (FOR UPDATE, in id order like every other command that locks several slots) before
// they are counted, so an assignment racing this either finishes first (its slot then counts as filled) or
// waits until the vacant slot is gone (and then finds no slot). New slots come in one INSERT.
import type { SlotDistributionUpdate } from '../../../../../schemas/types/election-slot-distribution-update';
import { fieldError } from '../../../../../forms/validation';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { ConflictError } from '../../../../errors';
import { validate } from '../../../../validation';
import { execute, select, type ElectionDeps } from '../../db';
import { electionInvalid } from '../../errors';
import { authorize } from '../../policies';
import { distributionIn, type DistributionRow } from '../../queries/slots/distribution';
import { electionWorkLocation, REMOVABLE, slotElection, taskDates } from '../../queries/slots/shared';

const keyOf = (teamId: string, taskTypeId: string, date: string) => `${teamId}|${taskTypeId}|${date}`;

interface LockedSlot {
  id: string;
  team_id: string;
  task_type_id: string;
  date: string;
  removable: boolean;
  created_at: Date;
}

export interface DistributeResult {
  added: number;
  removed: number;
  distribution: DistributionRow;
}

export async function distributeSlots(deps: ElectionDeps, ctx: CommandContext, electionId: string, workLocationId: string, input: unknown): Promise<DistributeResult> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  const { cells } = validate<SlotDistributionUpdate>('election/slot-distribution-update.schema.json', structuredClone(input));
  const first = new Map<string, number>();
  cells.forEach((c, i) => {
    const key = keyOf(c.teamId, c.taskTypeId, c.date);
    const before = first.get(key);
    if (before !== undefined) throw electionInvalid(`/cells/${i}`, 'election.cellRepeated', 'the same team, task type and date are named twice', { index: before });
    first.set(key, i);
  });
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const election = await slotElection(db, tx, electionId, { share: true });
    await electionWorkLocation(db, tx, electionId, workLocationId, { lock: true });

    const dates = new Set(taskDates(election));
    const outside = cells.findIndex((c) => !dates.has(c.date));
    if (outside >= 0) {
      throw electionInvalid(`/cells/${outside}/date`, 'election.slotsOutsideDates', 'the date is outside the election’s task dates', { firstTaskDate: election.first_task_date ?? '', lastTaskDate: election.last_task_date ?? '' });
    }
    // The station's teams and task types (and any other already with slots here), held until commit.
    const teams = new Set(
      (
        await select<{ id: string }>(
          db,
          tx,
          'SELECT id FROM teams WHERE id IN (SELECT team_id FROM work_location_teams WHERE work_location_id = $2 UNION SELECT team_id FROM task_slots WHERE election_id = $1 AND work_location_id = $2) FOR KEY SHARE',
          [electionId, workLocationId],
        )
      ).map((r) => r.id),
    );
    const unknownTeam = cells.findIndex((c) => !teams.has(c.teamId));
    if (unknownTeam >= 0) throw electionInvalid(`/cells/${unknownTeam}/teamId`, 'election.unknownTeam', 'not a team of this work location', {});
    const taskTypes = new Set(
      (
        await select<{ id: string }>(
          db,
          tx,
          'SELECT id FROM task_types WHERE id IN (SELECT task_type_id FROM work_location_task_types WHERE work_location_id = $2 UNION SELECT task_type_id FROM task_slots WHERE election_id = $1 AND work_location_id = $2) FOR KEY SHARE',
          [electionId, workLocationId],
        )
      ).map((r) => r.id),
    );
    const unknownType = cells.findIndex((c) => !taskTypes.has(c.taskTypeId));
    if (unknownType >= 0) throw electionInvalid(`/cells/${unknownType}/taskTypeId`, 'election.unknownTaskType', 'not a task type of this work location', {});

    // Lock, then count.
    const slots = await select<LockedSlot>(
      db,
      tx,
      `SELECT s.id, s.team_id, s.task_type_id, s.task_date::text AS date, ${REMOVABLE()} AS removable, s.created_at
         FROM task_slots s WHERE s.election_id = $1 AND s.work_location_id = $2 ORDER BY s.id FOR UPDATE OF s`,
      [electionId, workLocationId],
    );
    const byCell = new Map<string, { count: number; removable: LockedSlot[] }>();
    for (const s of slots) {
      const key = keyOf(s.team_id, s.task_type_id, s.date);
      const cell = byCell.get(key) ?? { count: 0, removable: [] };
      cell.count++;
      if (s.removable) cell.removable.push(s);
      byCell.set(key, cell);
    }

    const tooFew = cells.flatMap((c, i) => {
      const cell = byCell.get(keyOf(c.teamId, c.taskTypeId, c.date));
      const filled = cell ? cell.count - cell.removable.length : 0;
      return c.count < filled
        ? [fieldError(`/cells/${i}/count`, 'election.slotsFilled', { teamId: c.teamId, taskTypeId: c.taskTypeId, date: c.date, filled }, `${filled} of these slots are filled; the count cannot go below that`)]
        : [];
    });
    if (tooFew.length) throw new ConflictError('slots that are filled cannot be removed', tooFew);

    const add = { teams: [] as string[], taskTypes: [] as string[], dates: [] as string[], counts: [] as number[] };
    const remove: string[] = [];
    for (const c of cells) {
      const cell = byCell.get(keyOf(c.teamId, c.taskTypeId, c.date)) ?? { count: 0, removable: [] };
      if (c.count > cell.count) {
        add.teams.push(c.teamId);
        add.taskTypes.push(c.taskTypeId);
        add.dates.push(c.date);
        add.counts.push(c.count - cell.count);
      } else if (c.count < cell.count) {
        // The newest vacant ones go first.
        const newestFirst = [...cell.removable].sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? 1 : -1));
        remove.push(...newestFirst.slice(0, cell.count - c.count).map((s) => s.id));
      }
    }
    const added = add.counts.reduce((a, b) => a + b, 0);
    if (added > 0) {
      await execute(
        db,
        tx,
        `INSERT INTO task_slots (tenant_id, election_id, work_location_id, team_id, task_type_id, task_date)
         SELECT $1, $2, $3, c.team_id, c.task_type_id, c.task_date
           FROM unnest($4::uuid[], $5::uuid[], $6::date[], $7::integer[]) AS c(team_id, task_type_id, task_date, n)
          CROSS JOIN LATERAL generate_series(1, c.n)`,
        [ctx.tenantId, electionId, workLocationId, add.teams, add.taskTypes, add.dates, add.counts],
      );
    }
    // Locked above and removable then: still vacant and never offered (the guard says so once more).
    const removed = remove.length ? await execute(db, tx, `DELETE FROM task_slots s WHERE s.id = ANY($1::uuid[]) AND ${REMOVABLE()}`, [remove]) : 0;
    await recordAudit(db, tx, ctx, { action: 'election.slotsDistributed', entityType: 'election', entityId: electionId, summary: { workLocationId, added, removed } });
    return { added, removed, distribution: await distributionIn(db, tx, ctx.tenantId, election, workLocationId) };
  });
}
