// Team and work-location responsibility (election staffing): grants stored in the platform's
// responsibility_grants with kinds the module declares, managed by administrators on the admin site (audited),
// their scope checked against the tenant's teams and work locations, carried by the participant's session from
// the next request on and decided by the module's policies.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { Actor } from '../../engine/actors';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../engine/errors';
import { grantKinds, MODULES } from '../../engine/modules';
import { election } from '../../engine/modules/election/module';
import { authorize, can } from '../../engine/modules/election/policies';
import { PLATFORM_ACTIONS } from '../../engine/policies';
import { parseCpr } from '../../forms/formats/personal-number';
import { loadSchemaFiles } from '../../schemas/registry';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let admin: TestSession;
let adminB: TestSession;
let participantId: string;
let participantToken: string;
let otherTenantParticipant: string;
let team: string;
let otherTeam: string;
let workLocation: string;
let otherTenantTeam: string;

const PATH = '/api/election/responsibility-grants';

/** A team (and for tenant A a work location in an area), written as the owner: the configuration's routes are not this test's. */
async function insertTeam(tenantId: string, name: string): Promise<string> {
  const [row] = await ownerDb().query<{ id: string }>('INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, $2, $3) RETURNING id', { bind: [tenantId, name, name.slice(0, 5)], type: QueryTypes.SELECT });
  return row!.id;
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  platform = await startTestPlatform();
  [admin, adminB] = await Promise.all([startEmployeeSession(platform.identity, a.id, ['administrator']), startEmployeeSession(platform.identity, b.id, ['administrator'])]);
  const { users, sessions } = platform.identity;
  [participantId, participantToken] = await platform.db.withTenant(a.id, async (tx) => {
    const id = await users.citizen(tx, a.id, parseCpr('120578-4123')!, 'Agnes Jensen');
    return [id, (await sessions.start(tx, { tenantId: a.id, userId: id, site: 'public', now: new Date() })).token];
  });
  otherTenantParticipant = await platform.db.withTenant(b.id, (tx) => users.citizen(tx, b.id, parseCpr('010190-1234')!, 'Karen Berg'));
  [team, otherTeam, otherTenantTeam] = await Promise.all([insertTeam(a.id, 'Socialdemokratiet'), insertTeam(a.id, 'Venstre'), insertTeam(b.id, 'Socialdemokratiet')]);
  const [area] = await ownerDb().query<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", { bind: [a.id], type: QueryTypes.SELECT });
  const [location] = await ownerDb().query<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name) VALUES ($1, $2, 'Skolen') RETURNING id", { bind: [a.id, area!.id], type: QueryTypes.SELECT });
  workLocation = location!.id;
});

afterAll(async () => {
  await platform?.stop();
});

const call = (method: string, path: string, opts: Parameters<typeof request>[4] = {}, session = admin, host = a.adminHost) =>
  request(platform.port, host, method, path, { ...opts, headers: { ...session.headers, ...opts.headers } });

/** The participant as their next request sees them: the actor engine/http/actor.ts makes of the resumed session. */
async function participantActor(): Promise<Actor> {
  const session = await platform.identity.sessions.resume(a.id, 'public', participantToken, new Date());
  if (!session) throw new Error('the participant’s session has ended');
  return { kind: 'user', tenantId: a.id, id: session.userId, displayName: session.displayName, roles: session.roles, grants: session.grants };
}

const grantsAudit = (action: string) =>
  ownerDb().query<{ entity_id: string; summary: unknown }>('SELECT entity_id, summary FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq', { bind: [a.id, action], type: QueryTypes.SELECT });

const count = async () => Number((await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM responsibility_grants WHERE tenant_id IN ($1, $2)', { bind: [a.id, b.id], type: QueryTypes.SELECT }))[0]!.n);

describe('the grant kinds are the module’s', () => {
  it('are declared by the module, each once, in the form the table checks, and equal the kinds its API takes', async () => {
    expect(election.grantKinds).toEqual(['teamResponsible', 'workLocationResponsible']);
    expect(new Set(grantKinds()).size).toBe(grantKinds().length);
    expect(grantKinds()).toEqual(MODULES.flatMap((m) => m.grantKinds ?? []));
    for (const kind of grantKinds()) expect(kind).toMatch(/^[a-z][A-Za-z]{1,40}$/);
    const input = loadSchemaFiles().find((f) => f.id.endsWith('/election/responsibility-grant.schema.json'))!.schema as { properties: { kind: { enum: string[] } } };
    expect(input.properties.kind.enum).toEqual(election.grantKinds);
    // The table checks a kind's form, not a list: a kind of a module yet to come goes in; a malformed one does not.
    const [check] = await ownerDb().query<{ def: string }>("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'responsibility_grants_kind_check'", { type: QueryTypes.SELECT });
    expect(check!.def).not.toContain('teamResponsible');
    await expect(ownerDb().query("INSERT INTO responsibility_grants (tenant_id, user_id, kind, scope_id) VALUES ($1, $2, 'no such kind', $3)", { bind: [a.id, participantId, team] })).rejects.toThrow(/responsibility_grants_kind_check/);
  });

  it('the platform has no actions of its own about responsibilities, teams or work locations', () => {
    expect(PLATFORM_ACTIONS.filter((action) => /responsib|team|workLocation/i.test(action))).toEqual([]);
  });
});

describe('policy', () => {
  const participant = (grants: { kind: string; scopeId: string }[]): Actor => ({ kind: 'user', tenantId: 'A', id: 'u', displayName: 'P', roles: ['participant'], grants });

  it('lets a team responsible see that team only, a work location’s responsible that location, and an administrator all', () => {
    const responsible = participant([{ kind: 'teamResponsible', scopeId: 't1' }]);
    expect(can(responsible, 'election.team.view', { tenantId: 'A', scopeId: 't1' })).toBe(true);
    expect(can(responsible, 'election.team.view', { tenantId: 'A', scopeId: 't2' })).toBe(false);
    expect(can(responsible, 'election.team.view', { tenantId: 'A' })).toBe(false);
    expect(can(responsible, 'election.workLocation.view', { tenantId: 'A', scopeId: 't1' })).toBe(false);
    expect(can(participant([{ kind: 'workLocationResponsible', scopeId: 'w1' }]), 'election.workLocation.view', { tenantId: 'A', scopeId: 'w1' })).toBe(true);
    expect(can({ kind: 'user', tenantId: 'A', id: 'x', displayName: 'Admin', roles: ['administrator'] }, 'election.team.view', { tenantId: 'A', scopeId: 't2' })).toBe(true);
    expect(() => authorize(participant([]), 'election.team.view', { tenantId: 'A', scopeId: 't1' })).toThrow(ForbiddenError);
    expect(() => authorize({ kind: 'anonymous', tenantId: 'A' }, 'election.workLocation.view', { tenantId: 'A', scopeId: 'w' })).toThrow(UnauthenticatedError);
    expect(() => authorize(responsible, 'election.team.view', { tenantId: 'B', scopeId: 't1' })).toThrow(NotFoundError);
    expect(() => authorize(responsible, 'election.responsibilities.manage', { tenantId: 'A' })).toThrow(ForbiddenError);
  });

  it('gives a citizen’s session the participant role and no grants to begin with', async () => {
    const actor = await participantActor();
    expect(actor.kind === 'user' && [actor.roles, actor.grants]).toEqual([['participant'], []]);
  });
});

describe('granting and revoking', () => {
  it('an administrator grants a team responsibility, audited; the participant’s next request carries it; revoking ends it at the next request', async () => {
    const res = await call('POST', PATH, { json: { userId: participantId, kind: 'teamResponsible', scopeId: team } });
    expect(res.status).toBe(201);
    const grant = res.json<{ id: string; userId: string; kind: string; scopeId: string; grantedAt: string }>();
    expect(grant).toMatchObject({ userId: participantId, kind: 'teamResponsible', scopeId: team });
    expect(Number.isNaN(Date.parse(grant.grantedAt))).toBe(false);

    let actor = await participantActor();
    expect(actor.kind === 'user' && actor.grants).toEqual([{ kind: 'teamResponsible', scopeId: team }]);
    expect(can(actor, 'election.team.view', { tenantId: a.id, scopeId: team })).toBe(true);
    expect(can(actor, 'election.team.view', { tenantId: a.id, scopeId: otherTeam })).toBe(false);
    expect(can(actor, 'election.workLocation.view', { tenantId: a.id, scopeId: team })).toBe(false);

    // Granting again answers the same grant.
    const again = await call('POST', PATH, { json: { userId: participantId, kind: 'teamResponsible', scopeId: team } });
    expect([again.status, again.json<{ id: string }>().id]).toEqual([201, grant.id]);

    const listed = (await call('GET', PATH)).json<{ grants: { id: string; kind: string; scopeId: string }[] }>().grants;
    expect(listed.map((g) => [g.id, g.kind, g.scopeId])).toEqual([[grant.id, 'teamResponsible', team]]);
    expect((await grantsAudit('election.responsibilityGranted')).at(0)).toEqual({ entity_id: participantId, summary: { kind: 'teamResponsible', scopeId: team } });

    expect((await call('DELETE', `${PATH}/${grant.id}`)).status).toBe(204);
    actor = await participantActor();
    expect(actor.kind === 'user' && actor.grants).toEqual([]);
    expect(can(actor, 'election.team.view', { tenantId: a.id, scopeId: team })).toBe(false);
    expect(await grantsAudit('election.responsibilityRevoked')).toEqual([{ entity_id: participantId, summary: { kind: 'teamResponsible', scopeId: team } }]);
    expect((await call('DELETE', `${PATH}/${grant.id}`)).status).toBe(404);
    // 36 characters that are no uuid: not found, not a database error.
    expect((await call('DELETE', `${PATH}/${'-'.repeat(36)}`)).status).toBe(404);
  });

  it('grants a work location’s responsibility for a work location', async () => {
    const res = await call('POST', PATH, { json: { userId: participantId, kind: 'workLocationResponsible', scopeId: workLocation } });
    expect(res.status).toBe(201);
    const actor = await participantActor();
    expect(can(actor, 'election.workLocation.view', { tenantId: a.id, scopeId: workLocation })).toBe(true);
    expect(can(actor, 'election.team.view', { tenantId: a.id, scopeId: workLocation })).toBe(false);
    expect((await call('DELETE', `${PATH}/${res.json<{ id: string }>().id}`)).status).toBe(204);
  });

  it('refuses a scope that is not the tenant’s team or work location (400 naming /scopeId), writing nothing', async () => {
    const before = await count();
    for (const [kind, scopeId] of [
      ['teamResponsible', randomUUID()],
      ['teamResponsible', otherTenantTeam],
      ['teamResponsible', workLocation],
      ['workLocationResponsible', team],
    ] as const) {
      const res = await call('POST', PATH, { json: { userId: participantId, kind, scopeId } });
      expect([kind, scopeId, res.status, res.json<Problem>().errors?.map((e) => [e.field, e.code])]).toEqual([kind, scopeId, 400, [['/scopeId', 'election.unknownScope']]]);
    }
    expect(await count()).toBe(before);
  });

  it('refuses employees, other tenants’ users and bad input with named fields, writing nothing', async () => {
    const before = await count();
    const employee = await call('POST', PATH, { json: { userId: admin.userId, kind: 'teamResponsible', scopeId: team } });
    expect([employee.status, employee.json<Problem>().errors?.[0]?.field]).toEqual([400, '/userId']);
    const foreign = await call('POST', PATH, { json: { userId: otherTenantParticipant, kind: 'teamResponsible', scopeId: team } });
    const missing = await call('POST', PATH, { json: { userId: randomUUID(), kind: 'teamResponsible', scopeId: team } });
    expect(foreign.status).toBe(400);
    expect(foreign.json<Problem>().errors).toEqual(missing.json<Problem>().errors);
    const bad = await call('POST', PATH, { json: { userId: 'x', kind: 'king', scopeId: otherTeam, extra: 1 } });
    expect(bad.json<Problem>().errors?.map((e) => e.field).sort()).toEqual(['/extra', '/kind', '/userId']);
    expect(await count()).toBe(before);
  });

  it('another tenant’s grant is not there: not listed, not revoked (404)', async () => {
    const theirs = await call('POST', PATH, { json: { userId: otherTenantParticipant, kind: 'teamResponsible', scopeId: otherTenantTeam } }, adminB, b.adminHost);
    expect(theirs.status).toBe(201);
    const id = theirs.json<{ id: string }>().id;
    expect((await call('GET', PATH)).json<{ grants: { id: string }[] }>().grants.map((g) => g.id)).not.toContain(id);
    expect((await call('DELETE', `${PATH}/${id}`)).status).toBe(404);
    expect((await call('GET', PATH, {}, adminB, b.adminHost)).json<{ grants: { id: string }[] }>().grants.map((g) => g.id)).toEqual([id]);
  });

  it('lists and revokes only the module’s own kinds (another module’s grant stays)', async () => {
    const [other] = await ownerDb().query<{ id: string }>("INSERT INTO responsibility_grants (tenant_id, user_id, kind, scope_id) VALUES ($1, $2, 'somethingElse', $3) RETURNING id", { bind: [a.id, participantId, randomUUID()], type: QueryTypes.SELECT });
    try {
      expect((await call('GET', PATH)).json<{ grants: { id: string }[] }>().grants.map((g) => g.id)).not.toContain(other!.id);
      expect((await call('DELETE', `${PATH}/${other!.id}`)).status).toBe(404);
      const actor = await participantActor();
      expect(actor.kind === 'user' && actor.grants?.map((g) => g.kind)).toEqual(['somethingElse']);
    } finally {
      await ownerDb().query('DELETE FROM responsibility_grants WHERE id = $1', { bind: [other!.id] });
    }
  });

  it('is for administrators on the admin site only', async () => {
    const operator = await startEmployeeSession(platform.identity, a.id, ['operator']);
    expect((await call('GET', PATH, {}, operator)).status).toBe(403);
    expect((await request(platform.port, a.adminHost, 'GET', PATH)).status).toBe(401);
    expect((await request(platform.port, a.publicHost, 'GET', PATH)).status).toBe(404);
    // The old platform path is gone.
    expect((await call('GET', '/api/responsibility-grants')).status).toBe(404);
  });
});
