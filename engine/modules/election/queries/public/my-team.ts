// A team responsible's view of their teams on the public site (party secretaries): the teams they are responsible
// for, and one team's members with their tasks in the active elections and how they answered. Only what the
// responsible needs to reach and plan their people: name, phone, e-mail, tasks — no personal numbers, addresses or
// diets. Every team is authorized on its own (scope.ts): another team is answered like a missing one.
import type { Actor } from '../../../../actors';
import { NotFoundError } from '../../../../errors';
import type { ElectionPublicTeamList } from '../../../../../schemas/types/election-public-team-list';
import type { ElectionPublicTeamMembers } from '../../../../../schemas/types/election-public-team-members';
import type { ElectionPublicTeamMembersQuery } from '../../../../../schemas/types/election-public-team-members-query';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { authorizeScope, grantedScopes } from './scope';

/** At most this many members are listed (a team of a municipality is a few hundred people at most). */
export const MEMBERS_LISTED = 2000;

export async function listMyTeams(deps: ElectionDeps, actor: Actor, tenantId: string): Promise<ElectionPublicTeamList> {
  const ids = grantedScopes(actor, 'teamResponsible');
  if (!ids.length) return { items: [] };
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const { country } = await tenantFacts(db, tx, tenantId);
    const rows = await select<{
      id: string;
      name: string;
      short_name: string;
      members: number;
    }>(
      db,
      tx,
      `SELECT t.id, t.name, t.short_name, (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id) AS members
         FROM teams t WHERE t.id = ANY($1::uuid[]) ORDER BY t.name COLLATE ${COLLATION[country]}, t.id`,
      [ids],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        shortName: r.short_name,
        members: r.members,
      })),
    };
  });
}

interface MemberRow {
  participant_id: string;
  given_name: string;
  family_name: string;
  phone: string | null;
  email: string | null;
  joined_at: Date;
  tasks: {
    slotId: string;
    date: string;
    state: 'invited' | 'accepted';
    workLocationId: string;
    workLocationName: string;
    taskTypeId: string;
    taskTypeName: string;
    startTime: string;
    endTime: string;
    teamId: string;
  }[];
}

export async function listTeamMembers(deps: ElectionDeps, actor: Actor, tenantId: string, teamId: string, query: ElectionPublicTeamMembersQuery = {}): Promise<ElectionPublicTeamMembers> {
  authorizeScope(actor, tenantId, 'election.team.view', teamId);
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const [team] = await select<{ id: string; name: string }>(db, tx, 'SELECT id, name FROM teams WHERE id = $1', [teamId]);
    if (!team) throw new NotFoundError();
    const { country } = await tenantFacts(db, tx, tenantId);
    const rows = await select<MemberRow>(
      db,
      tx,
      `SELECT p.id AS participant_id, p.given_name, p.family_name, p.phone, p.email, m.joined_at,
              COALESCE((SELECT json_agg(json_build_object(
                        'slotId', s.id, 'date', to_char(s.task_date, 'YYYY-MM-DD'), 'state', s.state,
                        'workLocationId', w.id, 'workLocationName', w.name, 'taskTypeId', tt.id, 'taskTypeName', tt.title,
                        'startTime', to_char(tt.start_time, 'HH24:MI'), 'endTime', to_char(tt.end_time, 'HH24:MI'), 'teamId', s.team_id)
                        ORDER BY s.task_date, tt.start_time, s.id)
                 FROM task_slots s JOIN elections e ON e.id = s.election_id AND e.active
                 JOIN work_locations w ON w.id = s.work_location_id JOIN task_types tt ON tt.id = s.task_type_id
                WHERE s.participant_id = p.id AND s.state IN ('invited', 'accepted')), '[]'::json) AS tasks
         FROM team_members m JOIN participants p ON p.id = m.participant_id
        WHERE m.team_id = $1
        ORDER BY p.family_name COLLATE ${COLLATION[country]}, p.given_name COLLATE ${COLLATION[country]}, p.id
        LIMIT ${MEMBERS_LISTED}`,
      [teamId],
    );
    const status = query.status ?? 'all';
    const items = rows
      .map((r) => ({
        participantId: r.participant_id,
        name: `${r.given_name} ${r.family_name}`,
        phone: r.phone,
        email: r.email,
        joinedAt: new Date(r.joined_at).toISOString(),
        tasks: r.tasks.map((t) => ({
          slotId: t.slotId,
          date: t.date,
          state: t.state,
          workLocation: { id: t.workLocationId, name: t.workLocationName },
          taskType: { id: t.taskTypeId, name: t.taskTypeName },
          startTime: t.startTime,
          endTime: t.endTime,
          ofThisTeam: t.teamId === teamId,
        })),
      }))
      .filter((m) => {
        const tasks = query.date ? m.tasks.filter((t) => t.date === query.date) : m.tasks;
        if (status === 'withTask') return tasks.length > 0;
        if (status === 'withoutTask') return tasks.length === 0;
        if (status === 'invited' || status === 'accepted') return tasks.some((t) => t.state === status);
        return !query.date || tasks.length > 0;
      });
    return {
      team: { id: team.id, name: team.name },
      total: rows.length,
      items,
    };
  });
}
