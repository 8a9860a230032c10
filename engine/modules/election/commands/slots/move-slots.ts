// Moves vacant task slots of an election to another team (a station's tasks page: "move to team"). Only slots
// never offered to anyone move — vacant, never invited, never rejected — else 409 election.slotNotMovable naming
// the slot, and nothing moves. The slots are locked (FOR UPDATE, in id order like every other command that locks
// several slots) before they are checked, so an assignment racing this either comes first (and the move is
// refused) or finds the slot in its new team.
import type { SlotMove } from '../../../../../schemas/types/election-slot-move';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { validate } from '../../../../validation';
import { execute, select, type ElectionDeps } from '../../db';
import { electionConflict, electionInvalid } from '../../errors';
import { authorize } from '../../policies';
import { REMOVABLE, slotElection } from '../../queries/slots/shared';

export async function moveSlots(deps: ElectionDeps, ctx: CommandContext, electionId: string, input: unknown): Promise<{ moved: number }> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  const { slotIds, teamId } = validate<SlotMove>('election/slot-move.schema.json', structuredClone(input));
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    await slotElection(db, tx, electionId);
    const [team] = await select<{ id: string }>(db, tx, 'SELECT id FROM teams WHERE id = $1 FOR KEY SHARE', [teamId]);
    if (!team) throw electionInvalid('/teamId', 'election.unknownTeam', 'no team of this municipality has this id');
    const rows = await select<{ id: string; movable: boolean }>(
      db,
      tx,
      `SELECT s.id, ${REMOVABLE()} AS movable FROM task_slots s WHERE s.election_id = $1 AND s.id = ANY($2::uuid[]) ORDER BY s.id FOR UPDATE OF s`,
      [electionId, slotIds],
    );
    const found = new Map(rows.map((r) => [r.id, r.movable]));
    const missing = slotIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw electionInvalid(`/slotIds/${missing}`, 'election.unknownId', 'no task slot of this election has this id');
    const fixed = slotIds.findIndex((id) => !found.get(id));
    if (fixed >= 0) throw electionConflict('election.slotNotMovable', 'only vacant slots never offered to anyone can be moved', { slotId: slotIds[fixed]! }, `/slotIds/${fixed}`);
    const moved = await execute(db, tx, 'UPDATE task_slots SET team_id = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND team_id <> $2', [slotIds, teamId]);
    await recordAudit(db, tx, ctx, { action: 'election.slotsMoved', entityType: 'election', entityId: electionId, summary: { teamId, moved } });
    return { moved };
  });
}
