// A participant's profile for the admin site: the details (personal number masked, a protected address left
// out), the registry status and when it was last checked, the teams (a political party's only to those who may
// see special-category data), the diets (the same), the responsibilities granted to the person's login, the
// administrators' comments, the tasks per election and the communication log.
//
// The communication log: the platform logs each message by recipient (`subject:<type>/<id>`) and flow
// instance, never by address. A message belongs to this person when its recipient is the participant as a
// subject, or the subject of the flow instance that sent it is the participant or one of the task slots the
// person holds or held (a slot given to someone else later would show the earlier messages there too).
import type { Actor } from '../../../../actors';
import { select, type ElectionDeps } from '../../db';
import { authorize, can } from '../../policies';
import { findParticipant, dietNames, type ParticipantRow } from '../../participants/rows';
import { registryStatusOf, type RegistryStatus } from '../../participants/registry-status';
import { dietKey, openDiets } from '../../participants/sealed-diets';

export interface ProfileTeam {
  id: string;
  name: string;
  short_name: string;
  political_party: boolean;
  joined_at: Date;
}

export interface ProfileResponsibility {
  kind: string;
  scope_id: string;
  name: string | null;
  granted_at: Date;
}

export interface ProfileComment {
  id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export interface ProfileTask {
  id: string;
  task_date: string;
  state: 'invited' | 'accepted' | 'rejected';
  election_id: string;
  election_title: string;
  election_day: string;
  work_location_id: string;
  work_location_name: string;
  task_type_id: string;
  task_type_title: string;
  start_time: string;
  end_time: string;
  team_id: string;
  team_name: string;
  team_party: boolean;
}

export interface ProfileMessage {
  id: string;
  created_at: Date;
  sent_at: Date | null;
  channel: string;
  template_key: string;
  status: string;
}

export interface ParticipantProfile {
  row: ParticipantRow;
  status: RegistryStatus;
  /** Whether special-category data (party teams, diets) is in this profile. */
  specialCategory: boolean;
  teams: ProfileTeam[];
  diets?: { dietIds: string[]; names: string[]; note: string | null };
  responsibilities: ProfileResponsibility[];
  comments: ProfileComment[];
  tasks: ProfileTask[];
  messages: ProfileMessage[];
}

export async function participantProfile(deps: ElectionDeps, actor: Actor, id: string): Promise<ParticipantProfile> {
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const row = await findParticipant(db, tx, id);
    authorize(actor, 'election.participants.view', { tenantId: row.tenant_id });
    const special = can(actor, 'election.specialCategory.view', { tenantId: row.tenant_id });
    const teams = await select<ProfileTeam>(
      db,
      tx,
      `SELECT t.id, t.name, t.short_name, t.political_party, tm.joined_at FROM team_members tm JOIN teams t ON t.tenant_id = tm.tenant_id AND t.id = tm.team_id
        WHERE tm.participant_id = $1 AND ($2 OR NOT t.political_party) ORDER BY t.name`,
      [row.id, special],
    );
    let diets: ParticipantProfile['diets'];
    if (special) {
      const choice = openDiets(await dietKey(keyring, tx, row.tenant_id), row.tenant_id, row.id, row.diets_sealed);
      const names = await dietNames(db, tx);
      diets = { dietIds: choice.dietIds, names: choice.dietIds.map((d) => names.get(d)).filter((n): n is string => n !== undefined), note: choice.note };
    }
    // Being responsible for a party's team says as much as being its member.
    const responsibilities = row.user_id
      ? await select<ProfileResponsibility>(
          db,
          tx,
          `SELECT g.kind, g.scope_id, coalesce(t.name, w.name) AS name, g.granted_at
             FROM responsibility_grants g
             LEFT JOIN teams t ON g.kind = 'teamResponsible' AND t.id = g.scope_id
             LEFT JOIN work_locations w ON g.kind = 'workLocationResponsible' AND w.id = g.scope_id
            WHERE g.user_id = $1 AND ($2 OR t.id IS NULL OR NOT t.political_party) ORDER BY g.granted_at, g.kind, g.scope_id`,
          [row.user_id, special],
        )
      : [];
    const comments = await select<ProfileComment>(db, tx, 'SELECT id, author_name, body, created_at FROM participant_comments WHERE participant_id = $1 ORDER BY created_at DESC, id', [row.id]);
    const tasks = await select<ProfileTask>(
      db,
      tx,
      `SELECT ts.id, ts.task_date::text AS task_date, ts.state, e.id AS election_id, e.title AS election_title, e.election_day::text AS election_day,
              w.id AS work_location_id, w.name AS work_location_name, tt.id AS task_type_id, tt.title AS task_type_title,
              to_char(tt.start_time, 'HH24:MI') AS start_time, to_char(tt.end_time, 'HH24:MI') AS end_time,
              t.id AS team_id, t.name AS team_name, t.political_party AS team_party
         FROM task_slots ts
         JOIN elections e ON e.tenant_id = ts.tenant_id AND e.id = ts.election_id
         JOIN work_locations w ON w.tenant_id = ts.tenant_id AND w.id = ts.work_location_id
         JOIN task_types tt ON tt.tenant_id = ts.tenant_id AND tt.id = ts.task_type_id
         JOIN teams t ON t.tenant_id = ts.tenant_id AND t.id = ts.team_id
        WHERE ts.participant_id = $1
        ORDER BY e.election_day DESC, e.id, ts.task_date, tt.start_time, ts.id`,
      [row.id],
    );
    const messages = await select<ProfileMessage>(
      db,
      tx,
      `SELECT c.id, c.created_at, c.sent_at, c.channel, c.template_key, c.status
         FROM communication_log c LEFT JOIN flow_instances f ON f.id = c.instance_id
        WHERE c.recipient LIKE 'subject:%'
          AND (c.recipient = 'subject:electionParticipant/' || $1::text
               OR (f.subject_type = 'electionParticipant' AND f.subject_id = $1::uuid)
               OR (f.subject_type = 'electionTask' AND f.subject_id IN (SELECT id FROM task_slots WHERE participant_id = $1::uuid)))
        ORDER BY c.created_at DESC, c.id LIMIT 200`,
      [row.id],
    );
    return {
      row,
      status: registryStatusOf(row),
      specialCategory: special,
      teams,
      ...(diets ? { diets } : {}),
      responsibilities,
      comments,
      tasks,
      messages,
    };
  });
}
