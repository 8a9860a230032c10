// A team responsible takes a member off their team (public site, my team). The member keeps their participant
// row; only the membership goes. A member still holding one of the team's tasks in an active election (invited or
// accepted) is refused, 409 election.memberHoldsTeamTasks: the municipality takes them off the task first (the
// person is told then). Someone who is not a member of this team is missing (404), as is another team.
// Audited election.teamMemberRemoved with ids only.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { select, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { authorizeScope } from '../../queries/public/scope';

export async function removeTeamMember(deps: ElectionDeps, ctx: CommandContext, teamId: string, participantId: string): Promise<void> {
  authorizeScope(ctx.actor, ctx.tenantId, 'election.team.manageMembers', teamId);
  foundUuid(participantId);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    // Lock order as everywhere: the participant, then their slots.
    const [member] = await select(db, tx, 'SELECT 1 FROM participants p JOIN team_members m ON m.participant_id = p.id AND m.team_id = $1 WHERE p.id = $2 FOR UPDATE OF p', [teamId, participantId]);
    if (!member) throw new NotFoundError();
    const [held] = await select<{ n: number }>(
      db,
      tx,
      `SELECT count(*)::int AS n FROM task_slots s JOIN elections e ON e.id = s.election_id AND e.active
        WHERE s.participant_id = $1 AND s.team_id = $2 AND s.state IN ('invited', 'accepted')`,
      [participantId, teamId],
    );
    if (held!.n > 0) throw electionConflict('election.memberHoldsTeamTasks', 'the member holds tasks of the team', { count: held!.n });
    await select(db, tx, 'DELETE FROM team_members WHERE team_id = $1 AND participant_id = $2 RETURNING participant_id', [teamId, participantId]);
    await recordAudit(db, tx, ctx, {
      action: 'election.teamMemberRemoved',
      entityType: 'electionTeam',
      entityId: teamId,
      summary: { teamId, participantId },
    });
  });
}
