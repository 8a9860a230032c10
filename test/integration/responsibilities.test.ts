// Team and work-location responsibility: grants stored in data, managed by administrators (audited), carried
// by the participant's session and decided by the policy module.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Problem } from '../../schemas/types/api-problem';
import type { Actor } from '../../engine/actors';
import { parseCpr } from '../../forms/formats/personal-number';
import { authorize, can } from '../../engine/policies';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../engine/errors';
import { createTestTenant, ownerDb, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, type TestSession } from '../helpers/sessions';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let a: TestTenant;
let b: TestTenant;
let admin: TestSession;
let participantId: string;
let participantToken: string;
let otherTenantParticipant: string;
const team = randomUUID();
const otherTeam = randomUUID();

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  platform = await startTestPlatform();
  admin = await startEmployeeSession(platform.identity, a.id, ['administrator']);
  const { users, sessions } = platform.identity;
  [participantId, participantToken] = await platform.db.withTenant(a.id, async (tx) => {
    const id = await users.citizen(tx, a.id, parseCpr('120578-4123')!, 'Agnes Jensen');
    return [id, (await sessions.start(tx, { tenantId: a.id, userId: id, site: 'public', now: new Date() })).token];
  });
  otherTenantParticipant = await platform.db.withTenant(b.id, (tx) => users.citizen(tx, b.id, parseCpr('010190-1234')!, 'Karen Berg'));
});

afterAll(async () => {
  await platform?.stop();
});

const call = (method: string, path: string, opts: Parameters<typeof request>[4] = {}) => request(platform.port, a.adminHost, method, path, { ...opts, headers: { ...admin.headers, ...opts.headers } });
const resumeParticipant = () => platform.identity.sessions.resume(a.id, 'public', participantToken, new Date());

describe('policy', () => {
  const participant = (grants: { kind: 'teamResponsible' | 'workLocationResponsible'; scopeId: string }[]): Actor => ({ kind: 'user', tenantId: 'A', id: 'u', displayName: 'P', roles: ['participant'], grants });

  it('lets a team responsible see that team only, and an administrator every team', () => {
    const responsible = participant([{ kind: 'teamResponsible', scopeId: 't1' }]);
    expect(can(responsible, 'team.view', { tenantId: 'A', teamId: 't1' })).toBe(true);
    expect(can(responsible, 'team.view', { tenantId: 'A', teamId: 't2' })).toBe(false);
    expect(can(responsible, 'workLocation.view', { tenantId: 'A', workLocationId: 't1' })).toBe(false);
    expect(can({ kind: 'user', tenantId: 'A', id: 'x', displayName: 'Admin', roles: ['administrator'] }, 'team.view', { tenantId: 'A', teamId: 't2' })).toBe(true);
    expect(() => authorize(participant([]), 'team.view', { tenantId: 'A', teamId: 't1' })).toThrow(ForbiddenError);
    expect(() => authorize({ kind: 'anonymous', tenantId: 'A' }, 'workLocation.view', { tenantId: 'A', workLocationId: 'w' })).toThrow(UnauthenticatedError);
    expect(() => authorize(responsible, 'team.view', { tenantId: 'B', teamId: 't1' })).toThrow(NotFoundError);
  });

  it('gives a citizen’s session the participant role', async () => {
    expect((await resumeParticipant())?.roles).toEqual(['participant']);
  });
});

describe('granting and revoking', () => {
  it('an administrator grants a responsibility, audited; the participant’s next request carries it', async () => {
    const res = await call('POST', '/api/responsibility-grants', { json: { userId: participantId, kind: 'teamResponsible', scopeId: team } });
    expect(res.status).toBe(201);
    const grant = res.json<{ id: string; kind: string; scopeId: string }>();
    expect(grant).toMatchObject({ kind: 'teamResponsible', scopeId: team });
    expect((await resumeParticipant())?.grants).toEqual([{ kind: 'teamResponsible', scopeId: team }]);
    const listed = (await call('GET', '/api/responsibility-grants')).json<{ grants: { id: string }[] }>().grants;
    expect(listed.map((g) => g.id)).toEqual([grant.id]);
    const audit = await ownerDb().query<{ entity_id: string; summary: unknown }>("SELECT entity_id, summary FROM audit_log WHERE tenant_id = $1 AND action = 'responsibility.granted'", { bind: [a.id], type: QueryTypes.SELECT });
    expect(audit).toEqual([{ entity_id: participantId, summary: { kind: 'teamResponsible', scopeId: team } }]);

    expect((await call('DELETE', `/api/responsibility-grants/${grant.id}`)).status).toBe(204);
    expect((await resumeParticipant())?.grants).toEqual([]);
    expect((await call('DELETE', `/api/responsibility-grants/${grant.id}`)).status).toBe(404);
    // 36 characters that are no uuid: not found, not a database error.
    expect((await call('DELETE', `/api/responsibility-grants/${'-'.repeat(36)}`)).status).toBe(404);
  });

  it('refuses employees, other tenants’ users and bad input with named fields, writing nothing', async () => {
    const count = async () => Number((await ownerDb().query<{ n: string }>('SELECT count(*) AS n FROM responsibility_grants', { type: QueryTypes.SELECT }))[0]!.n);
    const before = await count();
    const employee = await call('POST', '/api/responsibility-grants', { json: { userId: admin.userId, kind: 'teamResponsible', scopeId: team } });
    expect([employee.status, employee.json<Problem>().errors?.[0]?.field]).toEqual([400, '/userId']);
    const foreign = await call('POST', '/api/responsibility-grants', { json: { userId: otherTenantParticipant, kind: 'teamResponsible', scopeId: team } });
    const missing = await call('POST', '/api/responsibility-grants', { json: { userId: randomUUID(), kind: 'teamResponsible', scopeId: team } });
    expect(foreign.json<Problem>().errors).toEqual(missing.json<Problem>().errors);
    const bad = await call('POST', '/api/responsibility-grants', { json: { userId: 'x', kind: 'king', scopeId: otherTeam, extra: 1 } });
    expect(bad.json<Problem>().errors?.map((e) => e.field).sort()).toEqual(['/extra', '/kind', '/userId']);
    expect(await count()).toBe(before);
  });

  it('is for administrators only', async () => {
    const operator = await startEmployeeSession(platform.identity, a.id, ['operator']);
    const res = await request(platform.port, a.adminHost, 'GET', '/api/responsibility-grants', { headers: operator.headers });
    expect(res.status).toBe(403);
    expect((await request(platform.port, a.adminHost, 'GET', '/api/responsibility-grants')).status).toBe(401);
  });
});
