// Teams: create, change, delete (refused while a work location uses the team, a task slot is the team's, it has
// members, or someone is its responsible). Members and responsible are managed elsewhere; this sees only
// whether there are any. Each change audited with ids and the names of the changed fields only.
import type { ElectionTeamInput } from '../../../../../schemas/types/election-config-team';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { findTeam, type TeamRow } from '../../queries/config/teams';
import { assertNameFree, assertUnused, changedFields, checked, writeConfig } from './common';

function fields(input: unknown) {
  const body = checked<ElectionTeamInput>('config-team', input);
  return { name: body.name.trim(), short_name: body.shortName.trim(), description: body.description ?? '', political_party: body.politicalParty ?? false };
}

export async function createTeam(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<TeamRow> {
  const team = fields(input);
  return writeConfig(deps, ctx, '/name', async (tx) => {
    await assertNameFree(deps.db, tx, ctx.tenantId, 'teams', 'name', team.name, '/name');
    await assertNameFree(deps.db, tx, ctx.tenantId, 'teams', 'short_name', team.short_name, '/shortName');
    const [row] = await select<{ id: string }>(deps.db, tx, 'INSERT INTO teams (tenant_id, name, short_name, description, political_party) VALUES ($1, $2, $3, $4, $5) RETURNING id', [ctx.tenantId, team.name, team.short_name, team.description, team.political_party]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.teamCreated', entityType: 'electionTeam', entityId: row!.id, summary: { politicalParty: team.political_party } });
    return findTeam(deps.db, tx, row!.id);
  });
}

export async function updateTeam(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<TeamRow> {
  const team = fields(input);
  return writeConfig(deps, ctx, '/name', async (tx) => {
    const before = await findTeam(deps.db, tx, id, true);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'teams', 'name', team.name, '/name', before.id);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'teams', 'short_name', team.short_name, '/shortName', before.id);
    await execute(deps.db, tx, 'UPDATE teams SET name = $2, short_name = $3, description = $4, political_party = $5 WHERE id = $1', [before.id, team.name, team.short_name, team.description, team.political_party]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.teamUpdated', entityType: 'electionTeam', entityId: before.id, summary: { changed: changedFields({ ...before }, team) } });
    return findTeam(deps.db, tx, before.id);
  });
}

export async function deleteTeam(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  await writeConfig(deps, ctx, '/name', async (tx) => {
    const row = await findTeam(deps.db, tx, id, true);
    await assertUnused(deps.db, tx, row.id, {
      workLocations: 'SELECT 1 FROM work_location_teams WHERE team_id = $1 LIMIT 1',
      taskSlots: 'SELECT 1 FROM task_slots WHERE team_id = $1 LIMIT 1',
      members: 'SELECT 1 FROM team_members WHERE team_id = $1 LIMIT 1',
      responsibles: "SELECT 1 FROM responsibility_grants WHERE kind = 'teamResponsible' AND scope_id = $1 LIMIT 1",
    });
    await execute(deps.db, tx, 'DELETE FROM teams WHERE id = $1', [row.id]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.teamDeleted', entityType: 'electionTeam', entityId: row.id });
  });
}
