// Test data for the responsibles' public pages (public-responsibles-api, policy-table, browser-responsibles): an
// active election of a Danish tenant (assignment-fixtures.ts) with two teams — A (Borgerservice) with Anna
// (accepted at Skolen), Bo (invited at Hallen) and Carl (no task), B (Frivillige) with Dora (accepted at Skolen,
// protected address) — and the people of the policy table as public-site sessions: a participant with no
// responsibility, team A's responsible, Skolen's responsible (both granted through the admin API) and an
// administrator logged in on the public site.
import { randomBytes } from 'node:crypto';
import { parseCpr } from '../../forms/formats/personal-number';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { request } from '../helpers/http';
import type { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import type { TestTenant } from '../helpers/factories';
import { electionFixture, insertParticipants, insertSlots, q, TASK_DATE, type ElectionFixture } from './assignment-fixtures';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

export interface ResponsiblesFixture {
  f: ElectionFixture;
  teamA: string;
  teamB: string;
  skolen: string;
  hallen: string;
  people: { anna: string; bo: string; carl: string; dora: string };
  slots: {
    annaSlot: string;
    boSlot: string;
    doraSlot: string;
    vacantA: string[];
  };
  sessions: {
    participant: TestSession;
    teamResponsible: TestSession;
    stationResponsible: TestSession;
    publicAdmin: TestSession;
    admin: TestSession;
  };
}

/** A citizen user (the personal number as the e-ID gives it) with a live public-site session. */
export async function citizenSession(platform: Platform, tenantId: string, cpr: string, name: string): Promise<TestSession> {
  const { users, sessions } = platform.identity;
  return platform.db.withTenant(tenantId, async (tx) => {
    const userId = await users.citizen(tx, tenantId, parseCpr(cpr)!, name);
    const { token } = await sessions.start(tx, {
      tenantId,
      userId,
      site: 'public',
      now: new Date(),
    });
    return {
      token,
      userId,
      headers: {
        cookie: `${cookieName('public')}=${token}`,
        'x-csrf-token': csrfTokenFor(token),
      },
    };
  });
}

/** An administrator (an employee) logged in on the public site. */
async function publicAdministrator(platform: Platform, tenantId: string): Promise<TestSession> {
  const { users, sessions } = platform.identity;
  return platform.db.withTenant(tenantId, async (tx) => {
    const userId = await users.employee(tx, tenantId, `admin-${randomBytes(4).toString('hex')}@test.example`, 'Public Admin', ['administrator']);
    const { token } = await sessions.start(tx, {
      tenantId,
      userId,
      site: 'public',
      now: new Date(),
    });
    return {
      token,
      userId,
      headers: {
        cookie: `${cookieName('public')}=${token}`,
        'x-csrf-token': csrfTokenFor(token),
      },
    };
  });
}

export async function responsiblesFixture(platform: Platform, tenant: TestTenant): Promise<ResponsiblesFixture> {
  const f = await electionFixture(tenant.id);
  await q('UPDATE elections SET active = true WHERE id = $1', [f.electionId]);
  const [skolen, hallen] = f.workLocations as [string, string];
  const [anna, bo, carl, dora] = (await insertParticipants(tenant.id, [
    { givenName: 'Anna', familyName: 'Andersen', birthDate: '1980-03-15' },
    { givenName: 'Bo', familyName: 'Berg', birthDate: '1990-07-01' },
    { givenName: 'Carl', familyName: 'Clausen' },
    { givenName: 'Dora', familyName: 'Dahl', birthDate: '2000-01-01' },
  ])) as [string, string, string, string];
  await q("UPDATE participants SET phone = '+45 11 22 33 44', email = 'anna@example.dk', address = 'Skolevej 1', postal_code = '4000', city = 'Korsbæk' WHERE id = $1", [anna]);
  await q("UPDATE participants SET phone = '+45 55 66 77 88', email = 'dora@example.dk', protected_address = true WHERE id = $1", [dora]);
  await q('INSERT INTO team_members (tenant_id, team_id, participant_id) VALUES ($1, $2, $3), ($1, $2, $4), ($1, $2, $5), ($1, $6, $7)', [tenant.id, f.teamId, anna, bo, carl, f.otherTeamId, dora]);
  const [annaSlot, ...vacantA] = (await insertSlots(f, 3, f.taskTypes.valgstyrer, skolen)) as [string, ...string[]];
  const [boSlot] = (await insertSlots(f, 1, f.taskTypes.valgstyrer, hallen)) as [string];
  const [doraSlot] = (await insertSlots({ ...f, teamId: f.otherTeamId }, 1, f.taskTypes.fintaeller, skolen)) as [string];
  await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', registered_directly = true WHERE id = $1", [annaSlot, anna]);
  await q("UPDATE task_slots SET participant_id = $2, state = 'invited', invited_at = now() WHERE id = $1", [boSlot, bo]);
  await q("UPDATE task_slots SET participant_id = $2, state = 'accepted', registered_directly = true WHERE id = $1", [doraSlot, dora]);

  const admin = await startEmployeeSession(platform.identity, tenant.id, ['administrator']);
  const [participant, teamResponsible, stationResponsible, publicAdmin] = await Promise.all([
    citizenSession(platform, tenant.id, '010203-1234', 'Eva Ejby'),
    citizenSession(platform, tenant.id, '040506-2345', 'Finn Fisker'),
    citizenSession(platform, tenant.id, '070809-3456', 'Gitte Gram'),
    publicAdministrator(platform, tenant.id),
  ]);
  for (const [session, kind, scopeId] of [
    [teamResponsible, 'teamResponsible', f.teamId],
    [stationResponsible, 'workLocationResponsible', skolen],
  ] as const) {
    const res = await request(platform.port, tenant.adminHost, 'POST', '/api/election/responsibility-grants', {
      headers: admin.headers,
      json: { userId: session.userId, kind, scopeId },
    });
    if (res.status !== 201) throw new Error(`granting answered ${res.status}: ${res.text}`);
  }
  return {
    f,
    teamA: f.teamId,
    teamB: f.otherTeamId,
    skolen,
    hallen,
    people: { anna, bo, carl, dora },
    slots: { annaSlot, boSlot, doraSlot, vacantA },
    sessions: {
      participant,
      teamResponsible,
      stationResponsible,
      publicAdmin,
      admin,
    },
  };
}

export { TASK_DATE };
