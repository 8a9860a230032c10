// Presenters keep their word: every route of the API's list is called on a running platform (as an
// administrator on the admin site, as a citizen on the public site) and each 2xx answer is checked against
// the schema the route declares for that status — the same schema the OpenAPI document publishes. The list
// is read from engine/http/routes/api.ts, so a new route fails here until it has a call below.
import { QueryTypes } from 'sequelize';
import { apiRoutes } from '../../engine/http/routes/api';
import type { RouteSpec } from '../../engine/http/route';
import { apiDocumentRoutes } from '../../engine/http/api-reference';
import { cookieName } from '../../engine/http/session-cookie';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { schemaProblems } from '../../engine/validation';
import { parseCpr } from '../../forms/formats/personal-number';
import { createTestTenant, ownerDb, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession } from '../helpers/sessions';
import { signupDraft } from '../fixtures/signup-form';
import { newInvitationToken } from '../../engine/modules/election/commands/assignments/invitation-link';
import { plantToken } from '../petitions/api-helpers';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let tenant: TestTenant;
let admin: Record<string, string>;
let citizen: Record<string, string>;
let citizenId: string;

/** Ids the calls fill in as they go (a form is created before it is read, a task appears after a submission). */
const ids: Record<string, string> = {};

// Only the routes' static parts are read (method, path, schemas); no handler runs, so no dependencies are needed.
const routes: RouteSpec[] = [...apiRoutes({} as never), ...apiDocumentRoutes(() => [], '/api')];
const keyOf = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

beforeAll(async () => {
  tenant = await createTestTenant({ builtinForms: true });
  platform = await startTestPlatform();
  admin = (await startEmployeeSession(platform.identity, tenant.id, ['administrator'])).headers;
  const { users, sessions } = platform.identity;
  const token = await platform.db.withTenant(tenant.id, async (tx) => {
    citizenId = await users.citizen(tx, tenant.id, parseCpr('120578-4123')!, 'Agnes Jensen');
    return (await sessions.start(tx, { tenantId: tenant.id, userId: citizenId, site: 'public', now: new Date() })).token;
  });
  citizen = { cookie: `${cookieName('public')}=${token}`, 'x-csrf-token': csrfTokenFor(token) };
  const forms = await ownerDb().query<{ id: string; builtin: string }>('SELECT id, builtin FROM form_definitions WHERE tenant_id = $1', { bind: [tenant.id], type: QueryTypes.SELECT });
  ids.application = forms.find((f) => f.builtin === 'application-form.json')!.id;
  ids.statement = forms.find((f) => f.builtin === 'consent-statement.dk.json')!.id;
}, 60_000);

afterAll(async () => {
  await platform?.stop();
});

const adminCall = (method: string, path: string, json?: unknown) => request(platform.port, tenant.adminHost, method, path, { headers: admin, ...(json === undefined ? {} : { json }) });
const citizenCall = (method: string, path: string, json?: unknown) => request(platform.port, tenant.publicHost, method, path, { headers: citizen, ...(json === undefined ? {} : { json }) });

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}


/** One call per route, in an order where each finds what it needs (ids from earlier answers). */
const calls: [route: string, call: () => Promise<TestResponse>][] = [
  ['GET /site', () => adminCall('GET', '/api/site')],
  ['GET /me', () => citizenCall('GET', '/api/me')],
  ['PUT /settings/contact', () => adminCall('PUT', '/api/settings/contact', { email: 'valg@testrup.example', phone: '+45 11 22 33 44', address: 'Torvet 1' })],
  ['PUT /settings/accessibility-statement', () => adminCall('PUT', '/api/settings/accessibility-statement', { text: { da: '# Tilgængelighedserklæring\n\nVi følger WCAG 2.1 AA.' } })],
  ['GET /audit-log', () => adminCall('GET', '/api/audit-log?page=1&pageSize=5')],
  ['GET /audit-log/verification', () => adminCall('GET', '/api/audit-log/verification')],
  ['POST /election/responsibility-grants', async () => {
    const [team] = await ownerDb().query<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Holdet med en ansvarlig', 'HA') RETURNING id", { bind: [tenant.id], type: QueryTypes.SELECT });
    const res = await adminCall('POST', '/api/election/responsibility-grants', { userId: citizenId, kind: 'teamResponsible', scopeId: team!.id });
    ids.grant = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/responsibility-grants', () => adminCall('GET', '/api/election/responsibility-grants')],
  ['DELETE /election/responsibility-grants/:id', () => adminCall('DELETE', `/api/election/responsibility-grants/${ids.grant}`)],
  ['POST /election/elections', async () => {
    const [type] = await ownerDb().query<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Kommunalvalg') RETURNING id", { bind: [tenant.id], type: QueryTypes.SELECT });
    const res = await adminCall('POST', '/api/election/elections', { title: 'Kommunalvalg 2029', electionTypeId: type!.id, lockDays: 7, electionDay: '2029-11-20' });
    ids.election = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/elections', () => adminCall('GET', '/api/election/elections?active=false')],
  ['GET /election/elections/current', () => adminCall('GET', '/api/election/elections/current')],
  ['GET /election/elections/:id', () => adminCall('GET', `/api/election/elections/${ids.election}`)],
  ['PATCH /election/elections/:id', () => adminCall('PATCH', `/api/election/elections/${ids.election}`, { lockDays: 5 })],
  ['PUT /election/elections/:id/dates', () => adminCall('PUT', `/api/election/elections/${ids.election}/dates`, { electionDay: '2029-11-20', firstTaskDate: '2029-11-19', lastTaskDate: '2029-11-21' })],
  ['PUT /election/elections/:id/work-locations', () => adminCall('PUT', `/api/election/elections/${ids.election}/work-locations`, { workLocationIds: [] })],
  ['PUT /election/elections/:id/messages', () => adminCall('PUT', `/api/election/elections/${ids.election}/messages`, { templates: {} })],
  ['POST /election/elections/:id/activate', () => adminCall('POST', `/api/election/elections/${ids.election}/activate`)],
  ['POST /election/elections/:id/deactivate', () => adminCall('POST', `/api/election/elections/${ids.election}/deactivate`)],
  ['POST /election/elections/:id/duplicate', async () => {
    const res = await adminCall('POST', `/api/election/elections/${ids.election}/duplicate`, { title: 'Kommunalvalg 2033', electionDay: '2033-11-15' });
    ids.electionCopy = res.json<{ id: string }>().id;
    return res;
  }],
  ['DELETE /election/elections/:id', () => adminCall('DELETE', `/api/election/elections/${ids.electionCopy}`)],
  ['GET /election/message-events', () => adminCall('GET', '/api/election/message-events')],
  ['POST /election/election-types', async () => {
    const res = await adminCall('POST', '/api/election/election-types', { name: 'Folketingsvalg', rules: [{ rule: 'age18' }, { rule: 'citizenship', scope: 'national' }] });
    ids.electionType = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/election-types', () => adminCall('GET', '/api/election/election-types')],
  ['GET /election/election-types/:id', () => adminCall('GET', `/api/election/election-types/${ids.electionType}`)],
  ['PUT /election/election-types/:id', () => adminCall('PUT', `/api/election/election-types/${ids.electionType}`, { name: 'Folketingsvalg', rules: [{ rule: 'age18' }] })],
  ['DELETE /election/election-types/:id', () => adminCall('DELETE', `/api/election/election-types/${ids.electionType}`)],
  ['POST /election/areas', async () => {
    const res = await adminCall('POST', '/api/election/areas', { name: 'Nord' });
    ids.area = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/areas', () => adminCall('GET', '/api/election/areas')],
  ['GET /election/areas/:id', () => adminCall('GET', `/api/election/areas/${ids.area}`)],
  ['PUT /election/areas/:id', () => adminCall('PUT', `/api/election/areas/${ids.area}`, { name: 'Nordvest' })],
  ['POST /election/task-types', async () => {
    const res = await adminCall('POST', '/api/election/task-types', { title: 'Tilforordnet', shortName: 'TF', startTime: '07:30', endTime: '22:00', payment: 850 });
    ids.taskType = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/task-types', () => adminCall('GET', '/api/election/task-types')],
  ['GET /election/task-types/:id', () => adminCall('GET', `/api/election/task-types/${ids.taskType}`)],
  ['PUT /election/task-types/:id', () => adminCall('PUT', `/api/election/task-types/${ids.taskType}`, { title: 'Tilforordnet', shortName: 'TF', startTime: '07:00', endTime: '22:00', payment: 0 })],
  ['POST /election/task-types/:id/files', async () => {
    const res = await adminCall('POST', `/api/election/task-types/${ids.taskType}/files`, { fileName: 'instruks.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
    ids.taskTypeFile = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/task-types/:id/files', () => adminCall('GET', `/api/election/task-types/${ids.taskType}/files`)],
  ['GET /election/task-types/:id/files/:fileId', () => adminCall('GET', `/api/election/task-types/${ids.taskType}/files/${ids.taskTypeFile}`)],
  ['DELETE /election/task-types/:id/files/:fileId', () => adminCall('DELETE', `/api/election/task-types/${ids.taskType}/files/${ids.taskTypeFile}`)],
  ['POST /election/teams', async () => {
    const res = await adminCall('POST', '/api/election/teams', { name: 'Borgerservice', shortName: 'BS' });
    ids.team = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/teams', () => adminCall('GET', '/api/election/teams')],
  ['GET /election/teams/:id', () => adminCall('GET', `/api/election/teams/${ids.team}`)],
  ['PUT /election/teams/:id', () => adminCall('PUT', `/api/election/teams/${ids.team}`, { name: 'Borgerservice', shortName: 'BS', description: 'Kommunens medarbejdere' })],
  ['POST /election/work-locations', async () => {
    const res = await adminCall('POST', '/api/election/work-locations', { areaId: ids.area, name: 'Nørreskolen', address: 'Skolevej 2', postalCode: '4000', city: 'Korsbæk', districtNumber: '1', taskTypeIds: [ids.taskType], teamIds: [ids.team] });
    ids.workLocation = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/work-locations', () => adminCall('GET', `/api/election/work-locations?areaId=${ids.area}`)],
  ['GET /election/work-locations/:id', () => adminCall('GET', `/api/election/work-locations/${ids.workLocation}`)],
  ['PUT /election/work-locations/:id', () => adminCall('PUT', `/api/election/work-locations/${ids.workLocation}`, { areaId: ids.area, name: 'Nørreskolen', taskTypeIds: [], teamIds: [] })],
  ['DELETE /election/work-locations/:id', () => adminCall('DELETE', `/api/election/work-locations/${ids.workLocation}`)],
  ['DELETE /election/areas/:id', () => adminCall('DELETE', `/api/election/areas/${ids.area}`)],
  ['DELETE /election/task-types/:id', () => adminCall('DELETE', `/api/election/task-types/${ids.taskType}`)],
  ['DELETE /election/teams/:id', () => adminCall('DELETE', `/api/election/teams/${ids.team}`)],
  ['POST /election/special-diets', async () => {
    const res = await adminCall('POST', '/api/election/special-diets', { name: 'Vegetar' });
    ids.diet = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/special-diets', () => adminCall('GET', '/api/election/special-diets')],
  ['GET /election/special-diets/:id', () => adminCall('GET', `/api/election/special-diets/${ids.diet}`)],
  ['PUT /election/special-diets/:id', () => adminCall('PUT', `/api/election/special-diets/${ids.diet}`, { name: 'Vegetarisk' })],
  ['DELETE /election/special-diets/:id', () => adminCall('DELETE', `/api/election/special-diets/${ids.diet}`)],
  ['GET /election/site', () => adminCall('GET', '/api/election/site')],
  ['PUT /election/site', () => adminCall('PUT', '/api/election/site', { frontPage: { da: 'Vil du hjælpe til ved valget?' }, faqEnabled: true, faq: [{ question: { da: 'Får jeg løn?' }, answer: { da: 'Ja.' } }], privacyFormId: ids.statement, consentEnabled: true, contact: { email: 'valg@testrup.example' } })],
  ['POST /election/participant-deletions', async () => {
    const [p] = await ownerDb().query<{ id: string }>(
      "INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at) VALUES ($1, 'DK', '\\x00'::bytea, 'bulk-deletion-call', '010190-xxxx', 'Test', 'Person', DATE '1990-01-01', '0101', 'DK', now()) RETURNING id",
      { bind: [tenant.id], type: QueryTypes.SELECT },
    );
    const res = await adminCall('POST', '/api/election/participant-deletions', { participantIds: [p!.id], confirmation: 'SLET' });
    ids.participantDeletion = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/participant-deletions/:id', () => adminCall('GET', `/api/election/participant-deletions/${ids.participantDeletion}`)],
  ['POST /election/participants/lookup', () => adminCall('POST', '/api/election/participants/lookup', { personalNumber: '1205784123' })],
  ['POST /election/participants', async () => {
    const res = await adminCall('POST', '/api/election/participants', { personalNumber: '0309623517', phone: '+45 20 00 00 02', dietNote: 'Ingen nødder' });
    ids.participant = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/participants', () => adminCall('GET', '/api/election/participants?include=diets,partyMembership')],
  ['GET /election/participants/:id', () => adminCall('GET', `/api/election/participants/${ids.participant}`)],
  ['PATCH /election/participants/:id', () => adminCall('PATCH', `/api/election/participants/${ids.participant}`, { email: 'mads@example.dk' })],
  ['POST /election/participants/:id/comments', () => adminCall('POST', `/api/election/participants/${ids.participant}/comments`, { body: 'Ringede.' })],
  ['POST /election/participants/:id/reveal-personal-number', () => adminCall('POST', `/api/election/participants/${ids.participant}/reveal-personal-number`)],
  ['GET /election/participants/export.csv', () => adminCall('GET', '/api/election/participants/export.csv')],
  ['GET /election/participants/export.xlsx', () => adminCall('GET', '/api/election/participants/export.xlsx?columns=name,diets')],
  ['PUT /election/elections/:id/work-locations/:workLocationId/distribution', async () => {
    const one = async (sql: string, bind: unknown[]) => (await ownerDb().query<{ id: string }>(sql, { bind, type: QueryTypes.SELECT }))[0]!.id;
    const area = await one("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Område til opgaver') RETURNING id", [tenant.id]);
    ids.slotStation = await one("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Valgsted til opgaver', '7') RETURNING id", [tenant.id, area]);
    ids.slotTeam = await one("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Hold til opgaver', 'HO') RETURNING id", [tenant.id]);
    ids.slotTaskType = await one("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Tilforordnet til opgaver', 'TO', '08:00', '20:00') RETURNING id", [tenant.id]);
    await ownerDb().query('INSERT INTO work_location_teams (tenant_id, work_location_id, team_id) VALUES ($1, $2, $3)', { bind: [tenant.id, ids.slotStation, ids.slotTeam] });
    await ownerDb().query('INSERT INTO work_location_task_types (tenant_id, work_location_id, task_type_id) VALUES ($1, $2, $3)', { bind: [tenant.id, ids.slotStation, ids.slotTaskType] });
    await ownerDb().query('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) VALUES ($1, $2, $3)', { bind: [tenant.id, ids.election, ids.slotStation] });
    return adminCall('PUT', `/api/election/elections/${ids.election}/work-locations/${ids.slotStation}/distribution`, { cells: [{ teamId: ids.slotTeam, taskTypeId: ids.slotTaskType, date: '2029-11-20', count: 2 }] });
  }],
  ['GET /election/elections/:id/work-locations/:workLocationId/distribution', () => adminCall('GET', `/api/election/elections/${ids.election}/work-locations/${ids.slotStation}/distribution`)],
  ['GET /election/elections/:id/overview', () => adminCall('GET', `/api/election/elections/${ids.election}/overview?dates=2029-11-20`)],
  ['GET /election/elections/:id/work-locations/:workLocationId/tasks', () => adminCall('GET', `/api/election/elections/${ids.election}/work-locations/${ids.slotStation}/tasks`)],
  ['POST /election/elections/:id/slots/move', async () => {
    const [slot] = await ownerDb().query<{ id: string }>('SELECT id FROM task_slots WHERE work_location_id = $1 LIMIT 1', { bind: [ids.slotStation], type: QueryTypes.SELECT });
    const [team] = await ownerDb().query<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Hold der får opgaver', 'HF') RETURNING id", { bind: [tenant.id], type: QueryTypes.SELECT });
    return adminCall('POST', `/api/election/elections/${ids.election}/slots/move`, { slotIds: [slot!.id], teamId: team!.id });
  }],
  ['GET /election/elections/:id/slots/:slotId/candidates', async () => {
    const [slot] = await ownerDb().query<{ id: string }>("SELECT id FROM task_slots WHERE work_location_id = $1 AND state = 'vacant' ORDER BY id LIMIT 1", { bind: [ids.slotStation], type: QueryTypes.SELECT });
    ids.assignSlot = slot!.id;
    const people = await ownerDb().query<{ id: string }>(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
       SELECT $1, 'DK', '\\x00'::bytea, 'assignment-call-' || g, '150380-xxxx', 'Tildelt', 'Person ' || g, DATE '1980-03-15', '999', 'DK', now() FROM generate_series(1, 2) g RETURNING id`,
      { bind: [tenant.id], type: QueryTypes.SELECT },
    );
    [ids.assignee, ids.assignee2] = [people[0]!.id, people[1]!.id];
    return adminCall('GET', `/api/election/elections/${ids.election}/slots/${ids.assignSlot}/candidates?q=Tildelt`);
  }],
  ['POST /election/elections/:id/slots/:slotId/assignment', () => adminCall('POST', `/api/election/elections/${ids.election}/slots/${ids.assignSlot}/assignment`, { participantId: ids.assignee })],
  ['GET /election/elections/:id/slots/:slotId/invitation-link', () => adminCall('GET', `/api/election/elections/${ids.election}/slots/${ids.assignSlot}/invitation-link`)],
  ['POST /election/elections/:id/slots/:slotId/reply', () => adminCall('POST', `/api/election/elections/${ids.election}/slots/${ids.assignSlot}/reply`, { answer: 'reject' })],
  ['GET /election/elections/:id/rejections', () => adminCall('GET', `/api/election/elections/${ids.election}/rejections`)],
  ['POST /election/elections/:id/links', async () => {
    const res = await adminCall('POST', `/api/election/elections/${ids.election}/links`, { kind: 'tasks', filters: { dates: ['2029-11-20'] } });
    ids.link = res.json<{ id: string }>().id;
    ids.linkToken = /[A-Za-z0-9_-]{43}$/.exec(res.json<{ url: string }>().url)?.[0] ?? '';
    return res;
  }],
  ['GET /election/elections/:id/links', () => adminCall('GET', `/api/election/elections/${ids.election}/links`)],
  ['GET /election/links/:token', async () => {
    // A link works while its election is active (the election is inactive here by now): for this call only.
    const [row] = await ownerDb().query<{ active: boolean }>('SELECT active FROM elections WHERE id = $1', { bind: [ids.election], type: QueryTypes.SELECT });
    await ownerDb().query('UPDATE elections SET active = true WHERE id = $1', { bind: [ids.election] });
    try {
      return await citizenCall('GET', `/api/election/links/${ids.linkToken}`);
    } finally {
      await ownerDb().query('UPDATE elections SET active = $2 WHERE id = $1', { bind: [ids.election, row!.active] });
    }
  }],
  // The sign-up: the citizen takes a task the link offers (the election active for this call only), its receipt, consent.
  ['POST /election/public/signups', async () => {
    const [row] = await ownerDb().query<{ active: boolean }>('SELECT active FROM elections WHERE id = $1', { bind: [ids.election], type: QueryTypes.SELECT });
    await ownerDb().query('UPDATE elections SET active = true WHERE id = $1', { bind: [ids.election] });
    try {
      const offer = (await citizenCall('GET', `/api/election/links/${ids.linkToken}`)).json<{ tasks: { group: { workLocationId: string; taskTypeId: string; teamId: string }; date: string }[] }>();
      const task = offer.tasks[0]!;
      const res = await citizenCall('POST', '/api/election/public/signups', { linkToken: ids.linkToken, choice: { ...task.group, date: task.date }, consent: false });
      ids.signupSlot = res.json<{ slotId: string }>().slotId;
      return res;
    } finally {
      await ownerDb().query('UPDATE elections SET active = $2 WHERE id = $1', { bind: [ids.election, row!.active] });
    }
  }],
  ['GET /election/public/signup-options', () => citizenCall('GET', '/api/election/public/signup-options')],
  ['GET /election/public/signup-fields/validator.js', () => citizenCall('GET', '/api/election/public/signup-fields/validator.js?locale=da')],
  ['GET /election/public/my-tasks/:slotId/receipt', () => citizenCall('GET', `/api/election/public/my-tasks/${ids.signupSlot}/receipt`)],
  ['GET /election/public/my-tasks/:slotId/receipt.pdf', () => citizenCall('GET', `/api/election/public/my-tasks/${ids.signupSlot}/receipt.pdf`)],
  ['POST /election/public/consent', async () => {
    const res = await citizenCall('POST', '/api/election/public/consent');
    // The slot is vacant again and the participant the sign-up made set apart (no login, no number to match): the calls below start afresh.
    await ownerDb().query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [ids.signupSlot] });
    await ownerDb().query("UPDATE participants SET user_id = NULL, personal_number_hash = 'signup-call-' || id WHERE user_id = $1", { bind: [citizenId] });
    return res;
  }],
  ['DELETE /election/elections/:id/links/:linkId', () => adminCall('DELETE', `/api/election/elections/${ids.election}/links/${ids.link}`)],
  ['DELETE /election/elections/:id/slots/:slotId/assignment', async () => {
    const res = await adminCall('POST', `/api/election/elections/${ids.election}/slots/${ids.assignSlot}/assignment`, { participantId: ids.assignee2, registerDirectly: true });
    if (res.status !== 201) return res;
    return adminCall('DELETE', `/api/election/elections/${ids.election}/slots/${ids.assignSlot}/assignment`);
  }],
  // Group messages: a draft in free text to the election's accepted participants (one accepted slot made here), its preview, the send.
  ['POST /election/group-messages', async () => {
    await ownerDb().query("UPDATE task_slots SET participant_id = $2, state = 'accepted', registered_directly = true WHERE id = $1", { bind: [ids.assignSlot, ids.assignee] });
    const res = await adminCall('POST', '/api/election/group-messages', { electionId: ids.election, channels: ['email'], free: { subject: 'Husk mødet', body: 'Kære {{name}}, husk mødet.' }, filter: { statuses: ['accepted'] } });
    ids.groupMessage = res.json<{ id: string }>().id;
    return res;
  }],
  ['PUT /election/group-messages/:id', () => adminCall('PUT', `/api/election/group-messages/${ids.groupMessage}`, { electionId: ids.election, channels: ['email', 'sms'], free: { subject: 'Husk mødet', body: 'Kære {{name}}, husk mødet i morgen.' }, filter: { statuses: ['accepted'] } })],
  ['GET /election/group-messages/:id/preview', () => adminCall('GET', `/api/election/group-messages/${ids.groupMessage}/preview`)],
  ['POST /election/group-messages/:id/send', () => adminCall('POST', `/api/election/group-messages/${ids.groupMessage}/send`)],
  ['GET /election/group-messages/:id', () => adminCall('GET', `/api/election/group-messages/${ids.groupMessage}`)],
  ['GET /election/group-messages', async () => {
    const res = await adminCall('GET', '/api/election/group-messages');
    // The recipients are fixed at the send: the slot is vacant again for the calls below (the export names no unmapped type).
    await ownerDb().query("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", { bind: [ids.assignSlot] });
    return res;
  }],
  // The registry refresh: one run of the election asked for, the runs, that run.
  ['POST /election/registry-refreshes', async () => {
    const res = await adminCall('POST', '/api/election/registry-refreshes', { electionId: ids.election });
    ids.registryRefresh = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /election/registry-refreshes', () => adminCall('GET', '/api/election/registry-refreshes')],
  ['GET /election/registry-refreshes/:id', () => adminCall('GET', `/api/election/registry-refreshes/${ids.registryRefresh}`)],
  // Deletion after the election: the settings, the election's review, its one postponement.
  ['GET /election/retention-settings', () => adminCall('GET', '/api/election/retention-settings')],
  ['PUT /election/retention-settings', () => adminCall('PUT', '/api/election/retention-settings', { monthsAfterElection: 3, consentMonths: 48 })],
  ['GET /election/elections/:id/retention', () => adminCall('GET', `/api/election/elections/${ids.election}/retention`)],
  ['POST /election/elections/:id/retention/postponement', () => adminCall('POST', `/api/election/elections/${ids.election}/retention/postponement`, { until: '2030-03-10', reason: 'Valget kan blive klaget over.' })],
  ['GET /election/election-system-roles', () => adminCall('GET', '/api/election/election-system-roles')],
  ['PUT /election/election-system-roles', async () => {
    const [type] = await ownerDb().query<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Tilforordnet til eksport', 'TE', '08:00', '20:00') RETURNING id", { bind: [tenant.id], type: QueryTypes.SELECT });
    return adminCall('PUT', '/api/election/election-system-roles', { items: [{ taskTypeId: type!.id, roleName: 'Tilforordnet' }] });
  }],
  ['GET /election/elections/:id/election-system-export', () => adminCall('GET', `/api/election/elections/${ids.election}/election-system-export`)],
  ['GET /election/elections/:id/work-locations/:workLocationId/print.pdf', async () => {
    const [area] = await ownerDb().query<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Område til udskrift') RETURNING id", { bind: [tenant.id], type: QueryTypes.SELECT });
    const [wl] = await ownerDb().query<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Valgsted til udskrift', '1') RETURNING id", { bind: [tenant.id, area!.id], type: QueryTypes.SELECT });
    return adminCall('GET', `/api/election/elections/${ids.election}/work-locations/${wl!.id}/print.pdf?date=2029-11-20`);
  }],
  ['DELETE /election/participants/:id', () => adminCall('DELETE', `/api/election/participants/${ids.participant}`)],
  ['GET /forms/showcase/versions/:version', () => citizenCall('GET', '/api/forms/showcase/versions/latest')],
  ['GET /forms/showcase/versions/:version/validator.js', () => citizenCall('GET', '/api/forms/showcase/versions/1/validator.js?locale=da')],
  ['GET /forms', () => adminCall('GET', '/api/forms')],
  ['POST /forms', async () => {
    const res = await adminCall('POST', '/api/forms', { name: 'Prøve', draft: signupDraft() });
    ids.form = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /forms/:id', () => adminCall('GET', `/api/forms/${ids.form}`)],
  ['PUT /forms/:id/draft', () => adminCall('PUT', `/api/forms/${ids.form}/draft`, signupDraft())],
  ['GET /forms/:id/problems', () => adminCall('GET', `/api/forms/${ids.form}/problems`)],
  ['GET /forms/:id/draft/validator.js', () => adminCall('GET', `/api/forms/${ids.form}/draft/validator.js?locale=da`)],
  ['POST /forms/:id/publish', () => adminCall('POST', `/api/forms/${ids.form}/publish`)],
  ['POST /forms/:id/versions/:version/republish', () => adminCall('POST', `/api/forms/${ids.form}/versions/1/republish`)],
  ['GET /forms/:id/versions/:version', () => citizenCall('GET', `/api/forms/${ids.form}/versions/latest`)],
  ['GET /forms/:id/versions/:version/validator.js', () => citizenCall('GET', `/api/forms/${ids.form}/versions/1/validator.js?locale=da`)],
  // A published form cannot be deleted (its answers refer to its versions): a fresh one is.
  ['DELETE /forms/:id', async () => adminCall('DELETE', `/api/forms/${(await adminCall('POST', '/api/forms', { name: 'Kladde', draft: signupDraft() })).json<{ id: string }>().id}`)],
  ['GET /me/consents', async () => {
    await citizenCall('POST', `/api/forms/${ids.statement}/versions/1/submissions`, { acknowledged: true, keepForNextElection: true });
    const res = await citizenCall('GET', '/api/me/consents');
    ids.consent = res.json<{ consents: { id: string }[] }>().consents[0]!.id;
    return res;
  }],
  ['POST /me/consents/:id/withdraw', () => citizenCall('POST', `/api/me/consents/${ids.consent}/withdraw`)],
  ['GET /flows', async () => {
    const res = await adminCall('GET', '/api/flows');
    ids.flow = res.json<{ flows: { id: string; key: string }[] }>().flows.find((f) => f.key === 'application')!.id;
    return res;
  }],
  ['POST /flows', async () => {
    const { draft: application } = (await adminCall('GET', `/api/flows/${ids.flow}`)).json<{ draft: { key: string } }>();
    return adminCall('POST', '/api/flows', { ...application, key: 'application-copy' });
  }],
  ['GET /flows/editor-schemas', () => adminCall('GET', '/api/flows/editor-schemas')],
  ['GET /flows/editor-schemas/:name/validator.js', () => adminCall('GET', '/api/flows/editor-schemas/when/validator.js')],
  ['GET /flows/:id', () => adminCall('GET', `/api/flows/${ids.flow}`)],
  // Version 2 gains a deadline an administrator may extend (the built-in application flow has none).
  ['PUT /flows/:id/draft', async () => {
    const { draft } = (await adminCall('GET', `/api/flows/${ids.flow}`)).json<{ draft: Record<string, unknown> }>();
    const deadline = { key: 'decision', from: { event: { event: 'flow.started' } }, duration: { days: 30 }, extension: { role: 'administrator', max: { days: 60 } } };
    return adminCall('PUT', `/api/flows/${ids.flow}/draft`, { ...draft, deadlines: [deadline] });
  }],
  ['POST /flows/:id/publish', () => adminCall('POST', `/api/flows/${ids.flow}/publish`)],
  ['GET /flows/:id/versions/:version', () => adminCall('GET', `/api/flows/${ids.flow}/versions/1`)],
  ['POST /flows/:id/preview', () => adminCall('POST', `/api/flows/${ids.flow}/preview`, { scenario: { inputs: [{ after: { days: 10 }, kind: 'decide', task: 'decide', decision: 'approve' }] } })],
  ['POST /flows/:id/migrate', () => adminCall('POST', `/api/flows/${ids.flow}/migrate`, { fromVersion: 1, statusMap: {} })],
  ['PUT /forms/:id/flow', () => adminCall('PUT', `/api/forms/${ids.application}/flow`, { flowId: ids.flow })],
  // Submitted after the flow's version 2 (with a deadline) is published: the instance runs it.
  ['POST /forms/:id/versions/:version/submissions', () =>
    citizenCall('POST', `/api/forms/${ids.application}/versions/1/submissions`, { applicantName: 'Agnes Jensen', applicantEmail: 'agnes@example.dk', association: 'Korsbæk Sangkor', amount: 1200, purpose: 'Julekoncert i kirken for alle' })],
  ['GET /forms/:id/submissions', () => adminCall('GET', `/api/forms/${ids.application}/submissions`)],
  ['GET /forms/:id/submissions.csv', () => adminCall('GET', `/api/forms/${ids.application}/submissions.csv`)],
  ['GET /me/submissions', () => citizenCall('GET', '/api/me/submissions')],
  ['GET /me/submissions/:id', async () => {
    const [first] = (await citizenCall('GET', '/api/me/submissions')).json<{ submissions: { id: string }[] }>().submissions;
    return citizenCall('GET', `/api/me/submissions/${first!.id}`);
  }],
  ['GET /eservices/services', () => citizenCall('GET', '/api/eservices/services')],
  ['GET /forms/by-slug/:slug', async () => {
    const services = (await citizenCall('GET', '/api/eservices/services')).json<{ services: { slug: string }[] }>().services;
    return citizenCall('GET', `/api/forms/by-slug/${services[0]!.slug}`);
  }],
  ['GET /flow-instances', async () => {
    const res = await waitFor(async () => {
      const r = await adminCall('GET', '/api/flow-instances');
      return r.json<{ rows: unknown[] }>().rows.length ? r : undefined;
    }, 'the instance');
    ids.instance = res.json<{ rows: { id: string }[] }>().rows[0]!.id;
    return res;
  }],
  ['GET /flow-instances/:id', () => waitFor(async () => {
    const r = await adminCall('GET', `/api/flow-instances/${ids.instance}`);
    return r.status === 200 ? r : undefined;
  }, 'the instance’s workflow')],
  ['GET /tasks', async () => {
    const res = await waitFor(async () => {
      const r = await adminCall('GET', '/api/tasks');
      return r.json<{ tasks: unknown[] }>().tasks.length ? r : undefined;
    }, 'the task');
    ids.task = res.json<{ tasks: { id: string }[] }>().tasks[0]!.id;
    return res;
  }],
  ['GET /tasks/:id/subject', () => adminCall('GET', `/api/tasks/${ids.task}/subject`)],
  ['POST /flow-instances/:id/deadline-extensions', () => adminCall('POST', `/api/flow-instances/${ids.instance}/deadline-extensions`, { deadline: 'decision', by: { days: 7 } })],
  ['POST /tasks/:id/decision', () => adminCall('POST', `/api/tasks/${ids.task}/decision`, { decision: 'approve' })],
  ['GET /message-templates', () => adminCall('GET', '/api/message-templates')],
  ['PUT /message-templates/:key', () => adminCall('PUT', '/api/message-templates/task-reminder', { subject: { da: 'Husk {{reference}}' }, body: { da: 'Kære sagsbehandler' } })],
  ['GET /message-templates/:key/preview', () => adminCall('GET', '/api/message-templates/task-reminder/preview?locale=da')],
  ['GET /message-template-preview-choices', () => adminCall('GET', '/api/message-template-preview-choices?module=election&search=a')],
  ['GET /communications', async () => {
    // The flows' messages so far (the application's receipt at least); the first is opened next.
    const res = await waitFor(async () => {
      const r = await adminCall('GET', '/api/communications?channel=email');
      return r.json<{ communications: unknown[] }>().communications.length ? r : undefined;
    }, 'a logged message');
    ids.communication = res.json<{ communications: { id: string }[] }>().communications[0]!.id;
    return res;
  }],
  ['GET /communications/:id', () => adminCall('GET', `/api/communications/${ids.communication}`)],
  ['GET /dev/outbox', () => adminCall('GET', '/api/dev/outbox')],
  // Petitions: proposed, confirmed (the e-mailed link's token planted), returned, edited and resubmitted,
  // corrected and approved; another proposal rejected; voted for by the citizen; an update with a PDF.
  ['POST /petitions', async () => {
    const res = await citizenCall('POST', '/api/petitions', { answers: { title: 'Flere bænke i byparken', proposal: 'Kommunen opstiller ti nye bænke langs stierne i byparken.', proposerName: 'Karen Madsen', proposerEmail: 'karen@example.dk' } });
    ids.petition = res.json<{ id: string }>().id;
    return res;
  }],
  ['POST /petitions/confirm', async () => citizenCall('POST', '/api/petitions/confirm', { token: await plantToken(ids.petition!, 'confirm') })],
  ['GET /petitions/moderation', () => adminCall('GET', '/api/petitions/moderation')],
  ['GET /petitions/form', () => citizenCall('GET', '/api/petitions/form')],
  ['POST /petitions/:id/return', () => adminCall('POST', `/api/petitions/${ids.petition}/return`, { message: 'Skriv hvor i parken.' })],
  ['GET /petitions/edit', async () => {
    ids.editToken = await plantToken(ids.petition!, 'edit');
    return citizenCall('GET', `/api/petitions/edit?token=${ids.editToken}`);
  }],
  ['PUT /petitions/edit', () => citizenCall('PUT', '/api/petitions/edit', { token: ids.editToken, answers: { title: 'Flere bænke i byparken ved søen', proposal: 'Kommunen opstiller ti nye bænke langs stierne i byparken.' } })],
  ['POST /petitions/:id/correct', () => adminCall('POST', `/api/petitions/${ids.petition}/correct`, { changes: { title: 'Flere bænke i byparken ved søen.' } })],
  ['POST /petitions/:id/approve', () => adminCall('POST', `/api/petitions/${ids.petition}/approve`)],
  ['POST /petitions/:id/reject', async () => {
    const other = (await citizenCall('POST', '/api/petitions', { answers: { title: 'Et andet forslag', proposal: 'Et forslag der bliver afvist af moderatoren.', proposerName: 'Karen Madsen', proposerEmail: 'karen@example.dk' } })).json<{ id: string }>().id;
    await citizenCall('POST', '/api/petitions/confirm', { token: await plantToken(other, 'confirm') });
    return adminCall('POST', `/api/petitions/${other}/reject`, { reason: 'duplicate', message: 'Findes allerede.' });
  }],
  ['GET /admin/petitions', () => adminCall('GET', '/api/admin/petitions')],
  ['GET /admin/petitions/:id', () => adminCall('GET', `/api/admin/petitions/${ids.petition}`)],
  ['GET /petitions', () => citizenCall('GET', '/api/petitions?state=open&sort=votes')],
  ['GET /petitions/:id/my-vote', () => citizenCall('GET', `/api/petitions/${ids.petition}/my-vote`)],
  ['POST /petitions/:id/vote', () => citizenCall('POST', `/api/petitions/${ids.petition}/vote`)],
  ['DELETE /petitions/:id/vote', () => citizenCall('DELETE', `/api/petitions/${ids.petition}/vote`)],
  // The vote window is the petition flow's deadline: once the flow has heard of the approval it can be extended, then closed.
  ['POST /petitions/:id/voting/extend', () =>
    waitFor(async () => {
      const res = await adminCall('POST', `/api/petitions/${ids.petition}/voting/extend`, { days: 5 });
      return res.status === 200 ? res : undefined;
    }, 'the petition flow to accept an extension')],
  ['POST /petitions/:id/voting/close', () => adminCall('POST', `/api/petitions/${ids.petition}/voting/close`)],
  ['POST /petitions/:id/updates', async () => {
    const res = await adminCall('POST', `/api/petitions/${ids.petition}/updates`, { kind: 'update', text: 'Behandles i udvalget.', attachment: { name: 'referat.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') } });
    ids.petitionEvent = res.json<{ id: string }>().id;
    return res;
  }],
  ['GET /petitions/:id', () => citizenCall('GET', `/api/petitions/${ids.petition}`)],
  ['GET /petitions/:id/attachments/:eventId', () => citizenCall('GET', `/api/petitions/${ids.petition}/attachments/${ids.petitionEvent}`)],
  ['GET /petitions/feed.atom', () => citizenCall('GET', '/api/petitions/feed.atom')],
  ['GET /petitions/open-data.json', () => citizenCall('GET', '/api/petitions/open-data.json')],
  ['GET /petitions/open-data.csv', () => citizenCall('GET', '/api/petitions/open-data.csv')],
  // The participant's own pages: the citizen as a participant of the election, invited to one task and holding another (a file on its task type).
  ['GET /election/public/invitations/:token', async () => {
    const q = <T extends object>(sql: string, bind: unknown[]) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
    const [p] = await q<{ id: string }>(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, user_id)
       VALUES ($1, 'DK', '\\x00'::bytea, 'me-' || gen_random_uuid(), '120578-****', 'Agnes', 'Jensen', '1978-05-12', '999', 'DK', now(), $2) RETURNING id`,
      [tenant.id, citizenId],
    );
    const [tt] = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Fintæller (mine)', 'FM', '19:00', '23:00') RETURNING id", [tenant.id]);
    const [team] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Mine sider', 'MS') RETURNING id", [tenant.id]);
    const [area] = await q<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Mine sider') RETURNING id", [tenant.id]);
    const [wl] = await q<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Mine sider', '99') RETURNING id", [tenant.id, area!.id]);
    const [file] = await q<{ id: string }>("INSERT INTO task_type_files (tenant_id, task_type_id, file_name, content_type, size_bytes, content) VALUES ($1, $2, 'instruks.pdf', 'application/pdf', 4, '\\x25504446'::bytea) RETURNING id", [tenant.id, tt!.id]);
    const { token, hash } = newInvitationToken();
    const slots = await q<{ id: string }>(
      `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state, invited_at, invitation_token_hash)
       VALUES ($1, $2, $3, $4, $5, '2029-11-19', $6, 'invited', now(), $7), ($1, $2, $3, $4, $5, '2029-11-20', $6, 'invited', now(), NULL) RETURNING id`,
      [tenant.id, ids.election, wl!.id, tt!.id, team!.id, p!.id, hash],
    );
    Object.assign(ids, { meToken: token, meSlot: slots[1]!.id, meFile: file!.id });
    return citizenCall('GET', `/api/election/public/invitations/${token}`);
  }],
  ['POST /election/public/invitations/:token/accept', () => citizenCall('POST', `/api/election/public/invitations/${ids.meToken}/accept`)],
  ['GET /election/public/me/tasks', () => citizenCall('GET', '/api/election/public/me/tasks')],
  ['GET /election/public/me/files/:id', () => citizenCall('GET', `/api/election/public/me/files/${ids.meFile}`)],
  ['DELETE /election/public/me/tasks/:slotId', () => citizenCall('DELETE', `/api/election/public/me/tasks/${ids.meSlot}`)],
  ['POST /election/public/invitations/:token/reject', async () => {
    const { token, hash } = newInvitationToken();
    await ownerDb().query("UPDATE task_slots SET participant_id = (SELECT id FROM participants WHERE user_id = $2), state = 'invited', invited_at = now(), invitation_token_hash = $3 WHERE id = $1", { bind: [ids.meSlot, citizenId, hash] });
    return citizenCall('POST', `/api/election/public/invitations/${token}/reject`);
  }],
  ['GET /election/public/me', () => citizenCall('GET', '/api/election/public/me')],
  ['PATCH /election/public/me', () => citizenCall('PATCH', '/api/election/public/me', { phone: '+45 20 00 00 09', email: 'agnes@example.dk' })],
  ['GET /election/public/me/data.json', () => citizenCall('GET', '/api/election/public/me/data.json')],
  ['GET /election/public/me/data.pdf', () => citizenCall('GET', '/api/election/public/me/data.pdf')],
  ['DELETE /election/public/me', () => citizenCall('DELETE', '/api/election/public/me')],
  // The responsibles' pages: the citizen responsible for a team and a polling station of an active election; a member holding one of the team's tasks there, one holding none (taken off the team).
  ['GET /election/public/teams', async () => {
    const q = <T extends object>(sql: string, bind: unknown[]) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
    const [type] = await q<{ id: string }>("INSERT INTO election_types (tenant_id, name) VALUES ($1, 'Regionsrådsvalg (ansvarlige)') RETURNING id", [tenant.id]);
    const [election] = await q<{ id: string }>(
      "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, active) VALUES ($1, 'Regionsrådsvalg 2031', $2, '2031-11-18', '2031-11-18', '2031-11-18', true) RETURNING id",
      [tenant.id, type!.id],
    );
    const [tt] = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer (ansvarlige)', 'VA', '07:00', '20:00') RETURNING id", [tenant.id]);
    const [team] = await q<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Ansvarliges hold', 'AH') RETURNING id", [tenant.id]);
    const [area] = await q<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Ansvarlige') RETURNING id", [tenant.id]);
    const [wl] = await q<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Ansvarliges skole', '98') RETURNING id", [tenant.id, area!.id]);
    const people = await q<{ id: string }>(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at)
       VALUES ($1, 'DK', '\\x00'::bytea, 'resp-' || gen_random_uuid(), '010180-****', 'Hans', 'Holm', '1980-01-01', '999', 'DK', now()),
              ($1, 'DK', '\\x00'::bytea, 'resp-' || gen_random_uuid(), '020280-****', 'Ida', 'Iversen', '1980-02-02', '999', 'DK', now()) RETURNING id`,
      [tenant.id],
    );
    await q('INSERT INTO team_members (tenant_id, team_id, participant_id) SELECT $1, $2, unnest($3::uuid[])', [tenant.id, team!.id, people.map((p) => p.id)]);
    await q(
      "INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state, registered_directly) VALUES ($1, $2, $3, $4, $5, '2031-11-18', $6, 'accepted', true), ($1, $2, $3, $4, $5, '2031-11-18', NULL, 'vacant', false)",
      [tenant.id, election!.id, wl!.id, tt!.id, team!.id, people[0]!.id],
    );
    await q("INSERT INTO responsibility_grants (tenant_id, user_id, kind, scope_id) VALUES ($1, $2, 'teamResponsible', $3), ($1, $2, 'workLocationResponsible', $4)", [tenant.id, citizenId, team!.id, wl!.id]);
    Object.assign(ids, { respElection: election!.id, respTeam: team!.id, respWorkLocation: wl!.id, respMember: people[1]!.id });
    return citizenCall('GET', '/api/election/public/teams');
  }],
  ['GET /election/public/teams/:teamId/members', () => citizenCall('GET', `/api/election/public/teams/${ids.respTeam}/members?status=withTask`)],
  ['POST /election/public/teams/:teamId/invite-link', () => citizenCall('POST', `/api/election/public/teams/${ids.respTeam}/invite-link`)],
  ['GET /election/public/teams/:teamId/distribution', () => citizenCall('GET', `/api/election/public/teams/${ids.respTeam}/distribution`)],
  ['DELETE /election/public/teams/:teamId/members/:participantId', () => citizenCall('DELETE', `/api/election/public/teams/${ids.respTeam}/members/${ids.respMember}`)],
  ['GET /election/public/work-locations', () => citizenCall('GET', '/api/election/public/work-locations')],
  ['GET /election/public/work-locations/:id/participants', async () => {
    const res = await citizenCall('GET', `/api/election/public/work-locations/${ids.respWorkLocation}/participants?date=2031-11-18`);
    await ownerDb().query('UPDATE elections SET active = false WHERE id = $1', { bind: [ids.respElection] });
    return res;
  }],
  // The election's public pages (anyone) and a team member's open tasks (the citizen is in no team: empty lists).
  ['GET /election/public/site', () => citizenCall('GET', '/api/election/public/site')],
  ['GET /election/public/team-tasks', () => citizenCall('GET', '/api/election/public/team-tasks?date=2031-11-18')],
  ['POST /session/logout', () => citizenCall('POST', '/api/session/logout')],
  ['GET /openapi.json', () => adminCall('GET', '/api/openapi.json')],
  ['GET /reference', () => adminCall('GET', '/api/reference')],
  ['GET /reference/scalar.js', () => adminCall('GET', '/api/reference/scalar.js')],
];

it('has a call for every route of the list', () => {
  expect(calls.map(([key]) => key).sort()).toEqual(routes.map(keyOf).sort());
});

describe.each(calls)('%s', (key, call) => {
  it('answers a 2xx that matches its declared schema', async () => {
    const route = routes.find((r) => keyOf(r) === key)!;
    const res = await call();
    const declared = route.responses[res.status];
    expect({ status: res.status, declared: declared !== undefined, body: res.status >= 300 ? res.text.slice(0, 500) : '' }).toEqual({ status: expect.any(Number), declared: true, body: '' });
    if (declared === 'empty') expect(res.text).toBe('');
    else if (typeof declared === 'object') expect(res.headers['content-type']).toContain(declared.raw);
    else expect(schemaProblems(declared!, res.json())).toEqual([]);
  });
});
