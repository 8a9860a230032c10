// A work-location responsible's view on the public site (polling-station leaders): the work locations they are
// responsible for, and one location's staff per task date in the active elections — who holds which task
// (invited or accepted), its hours, the person's age on that date, phone, e-mail and address (null when the address
// is protected: masking.ts) — with each date's fill status. No personal numbers or diets. Authorized per work
// location (scope.ts): another location is answered like a missing one.
import type { Actor } from '../../../../actors';
import { NotFoundError } from '../../../../errors';
import type { ElectionPublicWorkLocationList } from '../../../../../schemas/types/election-public-work-location-list';
import type { ElectionPublicWorkLocationParticipants } from '../../../../../schemas/types/election-public-work-location-participants';
import { COLLATION, select, tenantFacts, type ElectionDeps } from '../../db';
import { shownAddress } from '../../participants/masking';
import { authorizeScope, grantedScopes } from './scope';

export async function listMyWorkLocations(deps: ElectionDeps, actor: Actor, tenantId: string): Promise<ElectionPublicWorkLocationList> {
  const ids = grantedScopes(actor, 'workLocationResponsible');
  if (!ids.length) return { items: [] };
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const { country } = await tenantFacts(db, tx, tenantId);
    const rows = await select<{
      id: string;
      name: string;
      address: string;
      postal_code: string;
      city: string;
      district_number: string;
    }>(db, tx, `SELECT id, name, address, postal_code, city, district_number FROM work_locations WHERE id = ANY($1::uuid[]) ORDER BY name COLLATE ${COLLATION[country]}, id`, [ids]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        address: r.address,
        postalCode: r.postal_code,
        city: r.city,
        districtNumber: r.district_number,
      })),
    };
  });
}

interface FillRow {
  date: string;
  slots: number;
  accepted: number;
  invited: number;
  vacant: number;
}

interface StaffRow {
  slot_id: string;
  date: string;
  state: 'invited' | 'accepted';
  participant_id: string;
  given_name: string;
  family_name: string;
  age: number;
  phone: string | null;
  email: string | null;
  protected_address: boolean;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  tt_id: string;
  tt_title: string;
  start_time: string;
  end_time: string;
  team_id: string;
  team_name: string;
}

export async function workLocationStaff(deps: ElectionDeps, actor: Actor, tenantId: string, workLocationId: string, date?: string): Promise<ElectionPublicWorkLocationParticipants> {
  authorizeScope(actor, tenantId, 'election.workLocation.view', workLocationId);
  const { db } = deps;
  return db.withTenant(tenantId, async (tx) => {
    const [location] = await select<{ id: string; name: string }>(db, tx, 'SELECT id, name FROM work_locations WHERE id = $1', [workLocationId]);
    if (!location) throw new NotFoundError();
    const { country } = await tenantFacts(db, tx, tenantId);
    const collate = COLLATION[country];
    const bind = [workLocationId, date ?? null];
    const fills = await select<FillRow>(
      db,
      tx,
      `SELECT to_char(s.task_date, 'YYYY-MM-DD') AS date, count(*)::int AS slots,
              count(*) FILTER (WHERE s.state = 'accepted')::int AS accepted, count(*) FILTER (WHERE s.state = 'invited')::int AS invited,
              count(*) FILTER (WHERE s.state NOT IN ('accepted', 'invited'))::int AS vacant
         FROM task_slots s JOIN elections e ON e.id = s.election_id AND e.active
        WHERE s.work_location_id = $1 AND ($2::date IS NULL OR s.task_date = $2::date)
        GROUP BY s.task_date ORDER BY s.task_date`,
      bind,
    );
    const staff = await select<StaffRow>(
      db,
      tx,
      `SELECT s.id AS slot_id, to_char(s.task_date, 'YYYY-MM-DD') AS date, s.state, p.id AS participant_id, p.given_name, p.family_name,
              date_part('year', age(s.task_date, p.birth_date))::int AS age, p.phone, p.email, p.protected_address, p.address, p.postal_code, p.city,
              tt.id AS tt_id, tt.title AS tt_title, to_char(tt.start_time, 'HH24:MI') AS start_time, to_char(tt.end_time, 'HH24:MI') AS end_time,
              t.id AS team_id, t.name AS team_name
         FROM task_slots s JOIN elections e ON e.id = s.election_id AND e.active
         JOIN participants p ON p.id = s.participant_id JOIN task_types tt ON tt.id = s.task_type_id JOIN teams t ON t.id = s.team_id
        WHERE s.work_location_id = $1 AND ($2::date IS NULL OR s.task_date = $2::date) AND s.state IN ('invited', 'accepted')
        ORDER BY s.task_date, tt.start_time, tt.title COLLATE ${collate}, p.family_name COLLATE ${collate}, p.given_name COLLATE ${collate}, s.id`,
      bind,
    );
    return {
      workLocation: { id: location.id, name: location.name },
      dates: fills.map((f) => ({
        date: f.date,
        fill: {
          slots: f.slots,
          accepted: f.accepted,
          invited: f.invited,
          vacant: f.vacant,
        },
        participants: staff
          .filter((s) => s.date === f.date)
          .map((s) => ({
            slotId: s.slot_id,
            participantId: s.participant_id,
            name: `${s.given_name} ${s.family_name}`,
            state: s.state,
            taskType: { id: s.tt_id, name: s.tt_title },
            startTime: s.start_time,
            endTime: s.end_time,
            team: { id: s.team_id, name: s.team_name },
            age: s.age,
            phone: s.phone,
            email: s.email,
            protectedAddress: s.protected_address,
            address: shownAddress(s),
          })),
      })),
    };
  });
}
