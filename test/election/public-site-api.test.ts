// The election's public site on a running platform against the real PostgreSQL, on a Danish and a Swedish tenant
// with the demo election (engine/modules/election/demo.ts): GET /api/election/public/site for anyone — the active
// election and the front page's text, the FAQ only while switched on, the privacy statement (the chosen form's
// newest version), the contact details; "no active election" (front page null) when none is active; each
// tenant only its own; 404 on the admin site. GET /api/election/public/team-tasks for a logged-in team member —
// exactly the vacant, non-trusted slots of the person's teams from today on, grouped with counts, filtered by
// date and work location; nothing for a citizen in no team; 401 without login; bad filters refused naming the
// field. And the addresses the server builds in the tenant's language (task links, invitations).
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionLink } from '../../schemas/types/election-link-record';
import type { ElectionPublicSite } from '../../schemas/types/election-public-site';
import type { ElectionPublicTeamTasks } from '../../schemas/types/election-public-team-tasks';
import { parseCpr } from '../../forms/formats/personal-number';
import { invitationUrl } from '../../engine/modules/election/commands/assignments/invitation-link';
import { electionDemoData } from '../../engine/modules/election/demo';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { csrfTokenFor } from '../../engine/identity/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let se: TestTenant;
let admin: TestSession;
let adminSe: TestSession;

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const fieldsOf = (res: TestResponse) => (res.json<Problem>().errors ?? []).map((e) => [e.field, e.code]);
const get = (host: string, path: string, headers?: Record<string, string>) => request(platform.port, host, 'GET', path, headers ? { headers } : {});
const site = async (tenant: TestTenant) => {
  const res = await get(tenant.publicHost, '/api/election/public/site');
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.json<ElectionPublicSite>();
};

/** A citizen's session on the public site (as the SAML login makes one). */
async function citizenSession(tenant: TestTenant, cpr: string): Promise<{ userId: string; headers: Record<string, string> }> {
  const { users, sessions } = platform.identity;
  return platform.db.withTenant(tenant.id, async (tx) => {
    const userId = await users.citizen(tx, tenant.id, parseCpr(cpr)!, 'Borger');
    const { token } = await sessions.start(tx, { tenantId: tenant.id, userId, site: 'public', now: new Date() });
    return { userId, headers: { cookie: `${cookieName('public')}=${token}`, 'x-csrf-token': csrfTokenFor(token) } };
  });
}

beforeAll(async () => {
  [dk, se] = await Promise.all([createTestTenant({ country: 'DK', builtinForms: true }), createTestTenant({ country: 'SE', builtinForms: true })]);
  platform = await startTestPlatform([dk.id, se.id]);
  [admin, adminSe] = await Promise.all([startEmployeeSession(platform.identity, dk.id, ['administrator']), startEmployeeSession(platform.identity, se.id, ['administrator'])]);
  const deps = { db: platform.db, keyring: platform.identity.keyring, ...(platform.registry ? { registry: platform.registry } : {}) };
  await electionDemoData(deps, dk.id, 'DK');
  await electionDemoData(deps, se.id, 'SE');
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('the election’s public pages', () => {
  it('show the active election, its front page, the FAQ, the privacy statement and the contact details, to anyone', async () => {
    const s = await site(dk);
    const [election] = await q<{ id: string; title: string; election_day: string }>('SELECT id, title, election_day::text AS election_day FROM elections WHERE tenant_id = $1 AND active', [dk.id]);
    expect(s.elections.map((e) => [e.id, e.title, e.electionDay])).toEqual([[election!.id, election!.title, election!.election_day]]);
    expect(s.frontPage?.da).toMatch(/^Vil du hjælpe til ved valget\? Korsbæk Kommune/);
    expect(s.faq!.length).toBeGreaterThan(0);
    expect(s.faq![0]!.question.da).toBeTruthy();
    expect(s.contact).toEqual({ email: 'valg@korsbaek.example', phone: '+45 44 44 44 44', address: 'Rådhuset, Torvet 1, 4000 Korsbæk', openingHours: 'Man–fre 9–15' });
    const [form] = await q<{ privacy_form_id: string; version: number }>('SELECT s.privacy_form_id, max(v.version) AS version FROM election_site s JOIN form_versions v ON v.definition_id = s.privacy_form_id WHERE s.tenant_id = $1 GROUP BY 1', [dk.id]);
    expect(s.privacy).toMatchObject({ formId: form!.privacy_form_id, version: form!.version });
    expect(s.privacy!.text.da).toBeTruthy();
  });

  it('are each tenant’s own: the Swedish tenant’s are Swedish', async () => {
    const s = await site(se);
    expect(s.frontPage?.sv).toMatch(/^Vill du arbeta som röstmottagare/);
    expect(s.frontPage?.da).toBeUndefined();
    expect(s.contact.email).toBe('val@smakoping.example');
    const [dkElection] = await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [dk.id]);
    expect(s.elections.map((e) => e.id)).not.toContain(dkElection!.id);
  });

  it('answer 404 on the admin site', async () => {
    const res = await get(dk.adminHost, '/api/election/public/site', admin.headers);
    expect(res.status).toBe(404);
  });

  it('have no FAQ while it is switched off, and no privacy statement while none is chosen', async () => {
    const current = (await get(se.adminHost, '/api/election/site', adminSe.headers)).json<Record<string, unknown>>();
    const { updatedAt: _u, ...body } = current;
    const put = await request(platform.port, se.adminHost, 'PUT', '/api/election/site', { headers: adminSe.headers, json: { ...body, faqEnabled: false, privacyFormId: null } });
    expect([put.status, put.status === 200 ? '' : put.text]).toEqual([200, '']);
    const s = await site(se);
    expect([s.faq, s.privacy]).toEqual([null, null]);
    expect(s.frontPage?.sv).toBeTruthy();
  });

  it('say there is no active election when none is (the front page’s text is not shown)', async () => {
    await ownerDb().query('UPDATE elections SET active = false WHERE tenant_id = $1', { bind: [se.id] });
    try {
      const s = await site(se);
      expect([s.elections, s.frontPage]).toEqual([[], null]);
      expect(s.contact.email).toBe('val@smakoping.example');
    } finally {
      await ownerDb().query('UPDATE elections SET active = true WHERE tenant_id = $1', { bind: [se.id] });
    }
  });
});

describe('team tasks', () => {
  let member: { userId: string; headers: Record<string, string> };
  let teamId = '';
  let otherTeamId = '';
  let participantId = '';

  /** The database's own count of what the member must be offered: vacant, non-trusted, from today, the team's. */
  const expectedGroups = async (extra = '', bind: unknown[] = []) =>
    q<{ date: string; wl_id: string; tt_id: string; vacant: number }>(
      `SELECT s.task_date::text AS date, s.work_location_id AS wl_id, s.task_type_id AS tt_id, count(*)::integer AS vacant
         FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id JOIN elections e ON e.id = s.election_id
        WHERE s.tenant_id = $1 AND e.active AND s.state = 'vacant' AND NOT tt.trusted AND s.team_id = $2 AND s.task_date >= (now() AT TIME ZONE 'Europe/Copenhagen')::date ${extra}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [dk.id, teamId, ...bind],
    );
  const mine = async (query = '') => {
    const res = await get(dk.publicHost, `/api/election/public/team-tasks${query}`, member.headers);
    expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
    return res.json<ElectionPublicTeamTasks>();
  };
  const groupsOf = (d: ElectionPublicTeamTasks) => d.tasks.map((t) => ({ date: t.date, wl_id: t.workLocation.id, tt_id: t.taskType.id, vacant: t.vacant })).sort((a, b) => `${a.date}${a.wl_id}${a.tt_id}`.localeCompare(`${b.date}${b.wl_id}${b.tt_id}`));

  beforeAll(async () => {
    // The team with the most vacant non-trusted slots, and another with some too.
    const teams = await q<{ team_id: string; n: string }>(
      `SELECT s.team_id, count(*) AS n FROM task_slots s JOIN task_types tt ON tt.id = s.task_type_id
        WHERE s.tenant_id = $1 AND s.state = 'vacant' AND NOT tt.trusted GROUP BY 1 ORDER BY 2 DESC, 1`,
      [dk.id],
    );
    expect(teams.length).toBeGreaterThan(1);
    [teamId, otherTeamId] = [teams[0]!.team_id, teams[1]!.team_id];
    member = await citizenSession(dk, '120578-4123');
    const [p] = await q<{ id: string }>('SELECT id FROM participants WHERE tenant_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1', [dk.id]);
    participantId = p!.id;
    await ownerDb().query('UPDATE participants SET user_id = $2 WHERE id = $1', { bind: [participantId, member.userId] });
    await ownerDb().query('DELETE FROM team_members WHERE participant_id = $1', { bind: [participantId] });
    await ownerDb().query('INSERT INTO team_members (tenant_id, team_id, participant_id) VALUES ($1, $2, $3)', { bind: [dk.id, teamId, participantId] });
  });

  it('are the vacant, non-trusted tasks of the member’s team from today on, with their counts, and no other team’s', async () => {
    const d = await mine();
    const [team] = await q<{ name: string }>('SELECT name FROM teams WHERE id = $1', [teamId]);
    expect(d.teams).toEqual([{ id: teamId, name: team!.name }]);
    const expected = await expectedGroups();
    expect(expected.length).toBeGreaterThan(0);
    expect(groupsOf(d)).toEqual(expected);
    expect(new Set(d.tasks.map((t) => t.team.id))).toEqual(new Set([teamId]));
    const trusted = await q<{ id: string }>('SELECT id FROM task_types WHERE tenant_id = $1 AND trusted', [dk.id]);
    expect(trusted.length).toBeGreaterThan(0);
    expect(d.tasks.filter((t) => trusted.some((x) => x.id === t.taskType.id))).toEqual([]);
    expect(d.dates).toEqual([...new Set(expected.map((g) => g.date))].sort());
    expect(d.workLocations.map((w) => w.id).sort()).toEqual([...new Set(expected.map((g) => g.wl_id))].sort());
  });

  it('are filtered by date and by work location, the filters’ choices unchanged', async () => {
    const all = await mine();
    const date = all.dates[all.dates.length - 1]!;
    const byDate = await mine(`?date=${date}`);
    expect(groupsOf(byDate)).toEqual(await expectedGroups('AND s.task_date = $3::date', [date]));
    expect(byDate.dates).toEqual(all.dates);
    const place = all.tasks[0]!.workLocation.id;
    const byPlace = await mine(`?workLocationId=${place}&date=${all.tasks[0]!.date}`);
    expect(groupsOf(byPlace)).toEqual(await expectedGroups('AND s.work_location_id = $3 AND s.task_date = $4::date', [place, all.tasks[0]!.date]));
    expect(byPlace.tasks.length).toBeGreaterThan(0);
    expect(byPlace.tasks.every((t) => t.workLocation.id === place)).toBe(true);
  });

  it('follow the member’s teams: a second team’s tasks join, and a taken slot leaves', async () => {
    await ownerDb().query('INSERT INTO team_members (tenant_id, team_id, participant_id) VALUES ($1, $2, $3)', { bind: [dk.id, otherTeamId, participantId] });
    const both = await mine();
    expect(both.teams.map((t) => t.id).sort()).toEqual([teamId, otherTeamId].sort());
    expect(new Set(both.tasks.map((t) => t.team.id))).toEqual(new Set([teamId, otherTeamId]));
    await ownerDb().query('DELETE FROM team_members WHERE participant_id = $1 AND team_id = $2', { bind: [participantId, otherTeamId] });
    const before = await mine();
    const first = before.tasks[0]!;
    const [slot] = await q<{ id: string }>("SELECT id FROM task_slots WHERE tenant_id = $1 AND team_id = $2 AND state = 'vacant' AND task_date = $3 AND work_location_id = $4 AND task_type_id = $5 LIMIT 1", [dk.id, teamId, first.date, first.workLocation.id, first.taskType.id]);
    // Taken by someone who holds no task (a person holds one task a day).
    const [taker] = await q<{ id: string }>(
      "INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at) VALUES ($1, 'DK', '\\x00'::bytea, 'site-test-taker', '010190-xxxx', 'Test', 'Person', DATE '1990-01-01', '0101', 'DK', now()) RETURNING id",
      [dk.id],
    );
    await ownerDb().query("UPDATE task_slots SET state = 'accepted', participant_id = $2 WHERE id = $1", { bind: [slot!.id, taker!.id] });
    const after = await mine();
    const same = (t: typeof first) => t.date === first.date && t.workLocation.id === first.workLocation.id && t.taskType.id === first.taskType.id;
    expect(after.tasks.find(same)?.vacant ?? 0).toBe(first.vacant - 1);
    expect(groupsOf(after)).toEqual(await expectedGroups());
  });

  it('name the team’s newest working team link, where the member signs up, and none once it is revoked', async () => {
    expect((await mine()).teams[0]!.linkPath).toBeUndefined();
    const [election] = await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1 AND active', [dk.id]);
    const created = await request(platform.port, dk.adminHost, 'POST', `/api/election/elections/${election!.id}/links`, { headers: admin.headers, json: { kind: 'team', teamId } });
    expect(created.status).toBe(201);
    const link = created.json<ElectionLink>();
    const token = new URL(link.url).pathname.split('/').pop()!;
    const d = await mine();
    expect(d.teams[0]!.linkPath).toBe(`/election/tasks/${token}`);
    const offer = await get(dk.publicHost, `/api/election/links/${token}`);
    expect([offer.status, offer.json<{ kind: string; tasks: { team: { name: string } }[] }>().kind]).toEqual([200, 'team']);
    expect(offer.json<{ tasks: { vacant: number }[] }>().tasks.reduce((n, t) => n + t.vacant, 0)).toBe(d.tasks.reduce((n, t) => n + t.vacant, 0));
    const revoked = await request(platform.port, dk.adminHost, 'DELETE', `/api/election/elections/${election!.id}/links/${link.id}`, { headers: admin.headers });
    expect(revoked.status).toBe(204);
    expect((await mine()).teams[0]!.linkPath).toBeUndefined();
  });

  it('are empty for a citizen who is in no team, or no participant at all', async () => {
    const stranger = await citizenSession(dk, '010190-1234');
    const res = await get(dk.publicHost, '/api/election/public/team-tasks', stranger.headers);
    expect([res.status, res.json<ElectionPublicTeamTasks>()]).toEqual([200, { teams: [], tasks: [], dates: [], workLocations: [] }]);
  });

  it('need a login (401), are not on the admin site (404), and refuse a bad filter naming it', async () => {
    expect((await get(dk.publicHost, '/api/election/public/team-tasks')).status).toBe(401);
    expect((await get(dk.adminHost, '/api/election/public/team-tasks', admin.headers)).status).toBe(404);
    const bad = await get(dk.publicHost, '/api/election/public/team-tasks?date=tomorrow&workLocationId=x', member.headers);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad).map(([f]) => f).sort()).toEqual(['/date', '/workLocationId']);
  });
});

describe('addresses in the tenant’s language', () => {
  it('a task link’s URL: Danish on a Danish tenant, Swedish on a Swedish one', async () => {
    const [sElection] = await q<{ id: string }>('SELECT id FROM elections WHERE tenant_id = $1', [se.id]);
    const [team] = await q<{ id: string }>('SELECT id FROM teams WHERE tenant_id = $1 ORDER BY name LIMIT 1', [se.id]);
    const res = await request(platform.port, se.adminHost, 'POST', `/api/election/elections/${sElection!.id}/links`, { headers: adminSe.headers, json: { kind: 'team', teamId: team!.id } });
    expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
    const url = new URL(res.json<ElectionLink>().url);
    expect(url.pathname).toMatch(/^\/val\/uppgifter\/[A-Za-z0-9_-]{43}$/);
    // The English address of the same page answers the same offer.
    const token = url.pathname.split('/').pop()!;
    expect((await get(se.publicHost, `/api/election/links/${token}`)).status).toBe(200);
  });

  it('an invitation’s URL', () => {
    const token = 'A'.repeat(43);
    expect(invitationUrl('https://valg.example/', token, 'da')).toBe(`https://valg.example/valg/invitation/${token}`);
    expect(invitationUrl('https://val.example', token, 'sv')).toBe(`https://val.example/val/inbjudan/${token}`);
    expect(invitationUrl('https://x.example', token, 'en')).toBe(`https://x.example/election/invitations/${token}`);
  });
});
