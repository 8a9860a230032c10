// The responsibles' pages' API on the public site, on a running platform against the real PostgreSQL: a team
// responsible sees their team's members with their tasks (filters), takes a member off the team (audited; refused
// while the member holds the team's tasks), sees the team's fill status per work location and date and gets the
// team's invite link (one, made once); a work-location responsible sees their location's staff per date with age,
// phone, e-mail and a protected address masked. Another team or location is answered like a missing one.
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionPublicTeamDistribution } from '../../schemas/types/election-public-team-distribution';
import type { ElectionPublicTeamLink } from '../../schemas/types/election-public-team-link';
import type { ElectionPublicTeamList } from '../../schemas/types/election-public-team-list';
import type { ElectionPublicTeamMembers } from '../../schemas/types/election-public-team-members';
import type { ElectionPublicWorkLocationList } from '../../schemas/types/election-public-work-location-list';
import type { ElectionPublicWorkLocationParticipants } from '../../schemas/types/election-public-work-location-participants';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import type { TestSession } from '../helpers/sessions';
import { q } from './assignment-fixtures';
import { responsiblesFixture, TASK_DATE, type ResponsiblesFixture } from './responsibles-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let other: TestTenant;
let x: ResponsiblesFixture;
let otherTenantTeam: string;

const api = (method: string, path: string, session?: TestSession, host = dk.publicHost) =>
  request(platform.port, host, method, `/api/election/public${path}`, session ? { headers: session.headers } : {});

beforeAll(async () => {
  [dk, other] = await Promise.all([createTestTenant({ country: 'DK' }), createTestTenant({ country: 'DK' })]);
  platform = await startTestPlatform([dk.id, other.id]);
  x = await responsiblesFixture(platform, dk);
  [{ id: otherTenantTeam }] = (await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Andet hold', 'AH') RETURNING id", [other.id])) as [{ id: string }];
});

afterAll(async () => {
  await platform?.stop();
});

const audit = (action: string) =>
  q<{ entity_id: string; summary: Record<string, unknown> }>('SELECT entity_id, summary FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq', [dk.id, action]);

describe('my teams', () => {
  it('lists the teams I am responsible for: team A for its responsible, none for others; not logged in 401; not on the admin site', async () => {
    const mine = await api('GET', '/teams', x.sessions.teamResponsible);
    expect(mine.status).toBe(200);
    expect(mine.json<ElectionPublicTeamList>().items).toEqual([{ id: x.teamA, name: 'Borgerservice', shortName: 'BS', members: 3 }]);
    expect((await api('GET', '/teams', x.sessions.participant)).json<ElectionPublicTeamList>().items).toEqual([]);
    expect((await api('GET', '/teams', x.sessions.stationResponsible)).json<ElectionPublicTeamList>().items).toEqual([]);
    expect((await api('GET', '/teams')).status).toBe(401);
    expect((await api('GET', '/teams', x.sessions.admin, dk.adminHost)).status).toBe(404);
  });

  it('shows team A’s members with their tasks and status, and nobody of team B', async () => {
    const res = await api('GET', `/teams/${x.teamA}/members`, x.sessions.teamResponsible);
    expect(res.status).toBe(200);
    const body = res.json<ElectionPublicTeamMembers>();
    expect(body.team).toEqual({ id: x.teamA, name: 'Borgerservice' });
    expect(body.total).toBe(3);
    expect(body.items.map((m) => m.name)).toEqual(['Anna Andersen', 'Bo Berg', 'Carl Clausen']);
    expect(res.text).not.toContain('Dora');
    const [anna, bo, carl] = body.items;
    expect(anna).toMatchObject({
      participantId: x.people.anna,
      phone: '+45 11 22 33 44',
      email: 'anna@example.dk',
    });
    expect(anna!.tasks).toEqual([
      {
        slotId: x.slots.annaSlot,
        date: TASK_DATE,
        state: 'accepted',
        workLocation: { id: x.skolen, name: 'Skolen' },
        taskType: { id: x.f.taskTypes.valgstyrer, name: 'Valgstyrer' },
        startTime: '07:00',
        endTime: '20:00',
        ofThisTeam: true,
      },
    ]);
    expect(bo!.tasks.map((t) => [t.slotId, t.state, t.workLocation.name])).toEqual([[x.slots.boSlot, 'invited', 'Hallen']]);
    expect(carl!.tasks).toEqual([]);
    // Nothing a responsible does not need: no personal numbers, birth dates, addresses or diets.
    expect(res.text).not.toMatch(/personal|birth|Skolevej|diet|\*\*\*\*/i);
  });

  it('filters members by status and date, and takes no name in the address', async () => {
    const names = async (query: string) => (await api('GET', `/teams/${x.teamA}/members?${query}`, x.sessions.teamResponsible)).json<ElectionPublicTeamMembers>().items.map((m) => m.name);
    expect(await names('status=accepted')).toEqual(['Anna Andersen']);
    expect(await names('status=invited')).toEqual(['Bo Berg']);
    expect(await names('status=withTask')).toEqual(['Anna Andersen', 'Bo Berg']);
    expect(await names('status=withoutTask')).toEqual(['Carl Clausen']);
    expect(await names(`date=${TASK_DATE}`)).toEqual(['Anna Andersen', 'Bo Berg']);
    expect(await names('date=2030-06-02&status=withoutTask')).toEqual(['Anna Andersen', 'Bo Berg', 'Carl Clausen']);
    const bad = await api('GET', `/teams/${x.teamA}/members?status=everyone`, x.sessions.teamResponsible);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json<Problem>())).toContain('status');
    expect((await api('GET', `/teams/${x.teamA}/members?q=Bo`, x.sessions.teamResponsible)).status).toBe(400);
  });

  it('answers another team, a team of another tenant, an unknown and a malformed id alike: 404', async () => {
    for (const id of [x.teamB, otherTenantTeam, randomUUID(), 'not-a-uuid']) {
      for (const path of [`/teams/${id}/members`, `/teams/${id}/distribution`]) {
        const res = await api('GET', path, x.sessions.teamResponsible);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.text).not.toMatch(/Dora|Frivillige|Andet hold/);
      }
    }
    // Skolen's responsible is no team's responsible; the administrator on the public site sees any team.
    expect((await api('GET', `/teams/${x.teamA}/members`, x.sessions.stationResponsible)).status).toBe(404);
    expect((await api('GET', `/teams/${x.teamA}/members`)).status).toBe(401);
    const asAdmin = await api('GET', `/teams/${x.teamB}/members`, x.sessions.publicAdmin);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.json<ElectionPublicTeamMembers>().items.map((m) => m.name)).toEqual(['Dora Dahl']);
  });
});

describe('the team’s distribution and invite link', () => {
  it('counts the team’s slots per work location and date', async () => {
    const res = await api('GET', `/teams/${x.teamA}/distribution`, x.sessions.teamResponsible);
    expect(res.status).toBe(200);
    const body = res.json<ElectionPublicTeamDistribution>();
    expect(body.rows).toEqual([
      {
        electionId: x.f.electionId,
        workLocation: { id: x.hallen, name: 'Hallen' },
        date: TASK_DATE,
        fill: { slots: 1, accepted: 0, invited: 1, vacant: 0 },
      },
      {
        electionId: x.f.electionId,
        workLocation: { id: x.skolen, name: 'Skolen' },
        date: TASK_DATE,
        fill: { slots: 3, accepted: 1, invited: 0, vacant: 2 },
      },
    ]);
    expect(body.teamLink).toBeNull();
    expect(body.taskLinks).toEqual([]);
  });

  it('makes the team’s invite link once (audited), which offers the team’s vacant tasks, and shows it with the links of its vacant tasks', async () => {
    const first = await api('POST', `/teams/${x.teamA}/invite-link`, x.sessions.teamResponsible);
    expect(first.status).toBe(200);
    const link = first.json<ElectionPublicTeamLink>();
    expect(link.url).toMatch(new RegExp(`^http://${dk.publicHost.replace(/\./g, '\\.')}:${platform.port}/valg/opgaver/[A-Za-z0-9_-]{43}$`));
    expect(link.qrSvg).toMatch(/^<svg/);
    const again = await api('POST', `/teams/${x.teamA}/invite-link`, x.sessions.teamResponsible);
    expect(again.json<ElectionPublicTeamLink>()).toEqual(link);
    expect((await audit('election.linkCreated')).filter((r) => r.summary.teamId === x.teamA)).toEqual([
      {
        entity_id: link.id,
        summary: { electionId: x.f.electionId, kind: 'team', teamId: x.teamA },
      },
    ]);
    const token = /([A-Za-z0-9_-]{43})$/.exec(link.url)![1]!;
    const offer = await request(platform.port, dk.publicHost, 'GET', `/api/election/links/${token}`);
    expect(offer.status).toBe(200);
    expect(offer.json<{ tasks: { vacant: number; workLocation: { name: string } }[] }>().tasks.map((t) => [t.workLocation.name, t.vacant])).toEqual([['Skolen', 2]]);
    // Another team's responsible — or nobody's — gets no link for team A, and nothing is made.
    expect((await api('POST', `/teams/${x.teamA}/invite-link`, x.sessions.participant)).status).toBe(404);
    expect((await api('POST', `/teams/${x.teamB}/invite-link`, x.sessions.teamResponsible)).status).toBe(404);
    expect((await api('POST', `/teams/${x.teamA}/invite-link`)).status).toBe(401);
    expect((await q('SELECT 1 FROM task_links WHERE tenant_id = $1 AND kind = $2', [dk.id, 'team'])).length).toBe(1);

    // An administrator's task link of one of team A's vacant slots is shown; one of team B's slot is not.
    const [bVacant] = await q<{ id: string }>('INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
      dk.id,
      x.f.electionId,
      x.hallen,
      x.f.taskTypes.morgenvagt,
      x.teamB,
      TASK_DATE,
    ]);
    const made: string[] = [];
    for (const slotId of [x.slots.vacantA[0], bVacant!.id]) {
      const res = await request(platform.port, dk.adminHost, 'POST', `/api/election/elections/${x.f.electionId}/links`, { headers: x.sessions.admin.headers, json: { kind: 'task', slotId } });
      expect(res.status).toBe(201);
      made.push(res.json<{ id: string }>().id);
    }
    const body = (await api('GET', `/teams/${x.teamA}/distribution`, x.sessions.teamResponsible)).json<ElectionPublicTeamDistribution>();
    expect(body.teamLink).toEqual({
      id: link.id,
      kind: 'team',
      url: link.url,
      expiresAt: link.expiresAt,
    });
    expect(body.taskLinks.map((l) => [l.id, l.slotId])).toEqual([[made[0], x.slots.vacantA[0]]]);
    await q('DELETE FROM task_slots WHERE id = $1', [bVacant!.id]);
  });

  it('refuses an invite link when no election is active', async () => {
    await q('UPDATE elections SET active = false WHERE id = $1', [x.f.electionId]);
    try {
      const res = await api('POST', `/teams/${x.teamA}/invite-link`, x.sessions.teamResponsible);
      expect(res.status).toBe(409);
      expect(res.json<Problem>().errors?.[0]?.code).toBe('election.teamLinkNoElection');
    } finally {
      await q('UPDATE elections SET active = true WHERE id = $1', [x.f.electionId]);
    }
  });
});

describe('removing a member', () => {
  const members = async () => (await api('GET', `/teams/${x.teamA}/members`, x.sessions.teamResponsible)).json<ElectionPublicTeamMembers>().items.map((m) => m.name);

  it('refuses while the member holds the team’s tasks, and nothing changes', async () => {
    const res = await api('DELETE', `/teams/${x.teamA}/members/${x.people.anna}`, x.sessions.teamResponsible);
    expect(res.status).toBe(409);
    expect(res.json<Problem>().errors?.[0]?.code).toBe('election.memberHoldsTeamTasks');
    expect(res.text).not.toContain('Anna');
    expect(await members()).toContain('Anna Andersen');
  });

  it('answers another team’s member, a member of another team through that team, and anyone not logged in with 404/401', async () => {
    expect((await api('DELETE', `/teams/${x.teamA}/members/${x.people.dora}`, x.sessions.teamResponsible)).status).toBe(404);
    expect((await api('DELETE', `/teams/${x.teamB}/members/${x.people.dora}`, x.sessions.teamResponsible)).status).toBe(404);
    expect((await api('DELETE', `/teams/${x.teamA}/members/${x.people.carl}`, x.sessions.stationResponsible)).status).toBe(404);
    expect((await api('DELETE', `/teams/${x.teamA}/members/${x.people.carl}`)).status).toBe(401);
    expect((await q('SELECT 1 FROM team_members WHERE participant_id = ANY($1::uuid[])', [[x.people.dora, x.people.carl]])).length).toBe(2);
  });

  it('takes a member without the team’s tasks off the team (audited with ids only); again is 404', async () => {
    const res = await api('DELETE', `/teams/${x.teamA}/members/${x.people.carl}`, x.sessions.teamResponsible);
    expect(res.status).toBe(204);
    expect(await members()).toEqual(['Anna Andersen', 'Bo Berg']);
    expect(await audit('election.teamMemberRemoved')).toEqual([
      {
        entity_id: x.teamA,
        summary: { teamId: x.teamA, participantId: x.people.carl },
      },
    ]);
    expect((await q('SELECT 1 FROM participants WHERE id = $1', [x.people.carl])).length).toBe(1);
    expect((await api('DELETE', `/teams/${x.teamA}/members/${x.people.carl}`, x.sessions.teamResponsible)).status).toBe(404);
  });
});

describe('my work location', () => {
  it('lists the work locations I am responsible for', async () => {
    expect((await api('GET', '/work-locations', x.sessions.stationResponsible)).json<ElectionPublicWorkLocationList>().items).toEqual([
      {
        id: x.skolen,
        name: 'Skolen',
        address: '',
        postalCode: '',
        city: '',
        districtNumber: '1',
      },
    ]);
    expect((await api('GET', '/work-locations', x.sessions.teamResponsible)).json<ElectionPublicWorkLocationList>().items).toEqual([]);
    expect((await api('GET', '/work-locations')).status).toBe(401);
  });

  it('shows the staff per date with task, times, age, phone, e-mail, a protected address masked, and the fill status', async () => {
    const res = await api('GET', `/work-locations/${x.skolen}/participants`, x.sessions.stationResponsible);
    expect(res.status).toBe(200);
    const body = res.json<ElectionPublicWorkLocationParticipants>();
    expect(body.workLocation).toEqual({ id: x.skolen, name: 'Skolen' });
    expect(body.dates.map((d) => [d.date, d.fill])).toEqual([[TASK_DATE, { slots: 4, accepted: 2, invited: 0, vacant: 2 }]]);
    expect(body.dates[0]!.participants).toEqual([
      {
        slotId: x.slots.annaSlot,
        participantId: x.people.anna,
        name: 'Anna Andersen',
        state: 'accepted',
        taskType: { id: x.f.taskTypes.valgstyrer, name: 'Valgstyrer' },
        startTime: '07:00',
        endTime: '20:00',
        team: { id: x.teamA, name: 'Borgerservice' },
        age: 50,
        phone: '+45 11 22 33 44',
        email: 'anna@example.dk',
        protectedAddress: false,
        address: { street: 'Skolevej 1', postalCode: '4000', city: 'Korsbæk' },
      },
      {
        slotId: x.slots.doraSlot,
        participantId: x.people.dora,
        name: 'Dora Dahl',
        state: 'accepted',
        taskType: { id: x.f.taskTypes.fintaeller, name: 'Fintæller' },
        startTime: '19:00',
        endTime: '23:00',
        team: { id: x.teamB, name: 'Frivillige' },
        age: 30,
        phone: '+45 55 66 77 88',
        email: 'dora@example.dk',
        protectedAddress: true,
        address: null,
      },
    ]);
    // Bo's task is at Hallen: not this location's.
    expect(res.text).not.toContain('Bo Berg');
    const oneDate = await api('GET', `/work-locations/${x.skolen}/participants?date=2030-06-02`, x.sessions.stationResponsible);
    expect(oneDate.json<ElectionPublicWorkLocationParticipants>().dates).toEqual([]);
    expect((await api('GET', `/work-locations/${x.skolen}/participants?date=junk`, x.sessions.stationResponsible)).status).toBe(400);
  });

  it('answers another work location, and anyone not responsible for this one, like a missing one', async () => {
    for (const id of [x.hallen, randomUUID()]) expect((await api('GET', `/work-locations/${id}/participants`, x.sessions.stationResponsible)).status).toBe(404);
    expect((await api('GET', `/work-locations/${x.skolen}/participants`, x.sessions.teamResponsible)).status).toBe(404);
    expect((await api('GET', `/work-locations/${x.skolen}/participants`, x.sessions.participant)).status).toBe(404);
    expect((await api('GET', `/work-locations/${x.skolen}/participants`)).status).toBe(401);
    expect((await api('GET', `/work-locations/${x.hallen}/participants`, x.sessions.publicAdmin)).status).toBe(200);
  });
});
