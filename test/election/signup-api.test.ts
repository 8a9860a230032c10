// The public site's sign-up on a running platform against the real PostgreSQL and the civil-registry simulator:
// citizens logged in with e-ID (sessions carrying their sealed personal number) sign up for a task a link offers.
// Someone new becomes a participant from the registry; one vacant slot of the chosen group is accepted, the
// confirmation queued, audited with ids only. Refused and nothing written: under 18 on the task date and not
// resident (with the reasons), a task at the same time (overlap). Consent: declined, the sign-up stands and
// nothing is recorded; given, the site's consent statement is recorded with its version. Two citizens racing for
// the last vacant slot: exactly one gets it, the other election.slotTaken with the link's other groups. The
// receipt (JSON and PDF) only for its holder. Not logged in, the admin site, an unknown link: refused.
import { randomBytes } from 'node:crypto';
import type { Problem } from '../../schemas/types/api-problem';
import type { ElectionLink } from '../../schemas/types/election-link-record';
import type { ElectionLinkOffer } from '../../schemas/types/election-link-offer';
import type { ElectionSignupReceipt } from '../../schemas/types/election-signup-receipt';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { testPeople } from '../../engine/simulators/test-people';
import { createTestTenant, suiteDatabase, type TestTenant } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { startTestPlatform } from '../helpers/platform';
import { startEmployeeSession, testAdministrator, type TestSession } from '../helpers/sessions';
import { createForm, publishForm, saveFormDraft } from '../../engine/commands/forms';
import type { ElectionSignupOptions } from '../../schemas/types/election-signup-options';
import { SOLD_OUT_MS } from '../../engine/modules/election/commands/public/signup';
import { electionFixture, insertSlots, q, type ElectionFixture } from './assignment-fixtures';

suiteDatabase();
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let dk: TestTenant;
let admin: TestSession;
let f: ElectionFixture;
let token = '';

/** A date the under-18 test person (born 2012-04-17) is still 17 on. */
const DATE = '2028-06-01';

const countOf = async (sql: string, bind: unknown[] = []) => Number((await q<{ n: string }>(sql, bind))[0]!.n);
const auditOf = (res: TestResponse) =>
  q<{
    action: string;
    entity_id: string | null;
    summary: Record<string, unknown>;
  }>('SELECT action, entity_id, summary FROM audit_log WHERE request_id = $1 ORDER BY seq', [String(res.headers['x-request-id'])]);
const fieldsOf = (res: TestResponse) => (res.json<Problem>().errors ?? []).map((e) => [e.field, e.code]);
const paramsOf = (res: TestResponse) => res.json<Problem>().errors?.[0]?.params as Record<string, unknown>;

/** A citizen's public-site session, as the e-ID login makes it: the user keeps the sealed personal number. */
async function citizen(id: string): Promise<TestSession> {
  const person = testPeople.citizens.find((c) => c.id === id)!;
  const { users, sessions } = platform.identity;
  return platform.db.withTenant(dk.id, async (tx) => {
    const userId = await users.citizen(tx, dk.id, parsePersonalNumber('DK', person.personalNumber)!, `${person.givenName} ${person.familyName}`);
    const { token: t } = await sessions.start(tx, {
      tenantId: dk.id,
      userId,
      site: 'public',
      now: new Date(),
    });
    return {
      token: t,
      userId,
      headers: {
        cookie: `${cookieName('public')}=${t}`,
        'x-csrf-token': csrfTokenFor(t),
      },
    };
  });
}

const signUp = (session: TestSession | undefined, body: Record<string, unknown>, host = dk.publicHost) =>
  request(platform.port, host, 'POST', '/api/election/public/signups', {
    json: { linkToken: token, ...body },
    ...(session ? { headers: session.headers } : {}),
  });
const get = (session: TestSession | undefined, path: string) => request(platform.port, dk.publicHost, 'GET', path, session ? { headers: session.headers } : {});

const group = (taskTypeId: string, workLocationId = f.workLocations[0]!) => ({
  workLocationId,
  taskTypeId,
  teamId: f.teamId,
  date: DATE,
});
const participantOf = async (userId: string) => (await q<{ id: string }>('SELECT id FROM participants WHERE user_id = $1', [userId]))[0]?.id;

let agnes: TestSession;
let mads: TestSession;
let elisabeth: TestSession;
let ellen: TestSession;
let maude: TestSession;
let privacyFormId = '';

beforeAll(async () => {
  dk = await createTestTenant({ country: 'DK', builtinForms: true });
  platform = await startTestPlatform([dk.id]);
  admin = await startEmployeeSession(platform.identity, dk.id, ['administrator']);
  f = await electionFixture(dk.id);
  await q('UPDATE elections SET election_day = $2, first_task_date = $2, last_task_date = $2, active = true WHERE id = $1', [f.electionId, DATE]);
  // Valgstyrer 07–20 at Skolen (3 vacant), fintæller 19–23 there (2), morgenvagt 06–07 at Hallen (1, the last one) and at Skolen (2).
  await insertSlots(f, 3, f.taskTypes.valgstyrer, f.workLocations[0], DATE);
  await insertSlots(f, 2, f.taskTypes.fintaeller, f.workLocations[0], DATE);
  await insertSlots(f, 1, f.taskTypes.morgenvagt, f.workLocations[1], DATE);
  await insertSlots(f, 2, f.taskTypes.morgenvagt, f.workLocations[0], DATE);
  // The site's privacy statement (the built-in consent statement) with consent asked.
  privacyFormId = (await q<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND kind = 'consentStatement' LIMIT 1", [dk.id]))[0]!.id;
  await q('INSERT INTO election_site (tenant_id, privacy_form_id, consent_enabled) VALUES ($1, $2, true)', [dk.id, privacyFormId]);
  // A tasks link offering every vacant slot of the election.
  const res = await request(platform.port, dk.adminHost, 'POST', `/api/election/elections/${f.electionId}/links`, { headers: admin.headers, json: { kind: 'tasks', filters: {} } });
  expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
  token = /\/([A-Za-z0-9_-]{43})$/.exec(res.json<ElectionLink>().url)![1]!;
  [agnes, mads, elisabeth, ellen, maude] = await Promise.all([citizen('dk-agnes'), citizen('dk-mads'), citizen('dk-elisabeth'), citizen('dk-ellen'), citizen('dk-maude')]);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('signing up', () => {
  it('the link offers each group with its ids, which a sign-up names', async () => {
    const res = await request(platform.port, dk.publicHost, 'GET', `/api/election/links/${token}`);
    expect(res.status).toBe(200);
    const offer = res.json<ElectionLinkOffer>();
    expect(offer.tasks.find((t) => t.taskType.title === 'Valgstyrer')).toMatchObject({
      group: {
        workLocationId: f.workLocations[0],
        taskTypeId: f.taskTypes.valgstyrer,
        teamId: f.teamId,
      },
      vacant: 3,
      date: DATE,
    });
  });

  it('someone new becomes a participant from the registry and holds one slot of the group, accepted, confirmation queued, audited with ids only', async () => {
    const res = await signUp(agnes, {
      choice: group(f.taskTypes.valgstyrer),
      phone: '+45 20 00 00 09',
      email: 'agnes@example.dk',
    });
    expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
    const receipt = res.json<ElectionSignupReceipt>();
    expect(receipt).toMatchObject({
      state: 'accepted',
      date: DATE,
      election: { title: 'Folketingsvalg 2030', electionDay: DATE },
      workLocation: { name: 'Skolen' },
      taskType: { title: 'Valgstyrer', start: '07:00', end: '20:00' },
      team: { name: 'Borgerservice' },
      consentRecorded: false,
    });
    const participantId = await participantOf(agnes.userId);
    expect(participantId).toBeDefined();
    const [p] = await q<{
      given_name: string;
      birth_date: string;
      municipality_code: string;
      phone: string;
      email: string;
    }>('SELECT given_name, birth_date::text, municipality_code, phone, email FROM participants WHERE id = $1', [participantId]);
    expect(p).toEqual({
      given_name: 'Agnes',
      birth_date: '1978-05-12',
      municipality_code: '999',
      phone: '+45 20 00 00 09',
      email: 'agnes@example.dk',
    });
    const [slot] = await q<{
      participant_id: string;
      state: string;
      registered_directly: boolean;
      work_location_id: string;
      task_type_id: string;
    }>('SELECT participant_id, state, registered_directly, work_location_id, task_type_id FROM task_slots WHERE id = $1', [receipt.slotId]);
    expect(slot).toEqual({
      participant_id: participantId,
      state: 'accepted',
      registered_directly: true,
      work_location_id: f.workLocations[0],
      task_type_id: f.taskTypes.valgstyrer,
    });
    expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE election_id = $1 AND task_type_id = $2 AND state = 'vacant'", [f.electionId, f.taskTypes.valgstyrer])).toBe(2);
    expect(await q('SELECT event FROM participant_messages WHERE slot_id = $1', [receipt.slotId])).toEqual([{ event: 'registrationConfirmed' }]);
    const audit = await auditOf(res);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['election.participantCreated', 'election.taskSignedUp']));
    expect(audit.find((a) => a.action === 'election.taskSignedUp')).toMatchObject({
      entity_id: receipt.slotId,
      summary: { slotId: receipt.slotId, participantId, newParticipant: true },
    });
    const text = JSON.stringify(audit);
    for (const secret of ['Agnes', 'Jensen', '1205784123', '120578', 'agnes@example.dk', '20 00 00 09', token]) expect(text).not.toContain(secret);
  });

  it('the receipt is its holder’s only, as JSON and as PDF', async () => {
    const slotId = (await q<{ id: string }>('SELECT s.id FROM task_slots s JOIN participants p ON p.id = s.participant_id WHERE p.user_id = $1', [agnes.userId]))[0]!.id;
    const json = await get(agnes, `/api/election/public/my-tasks/${slotId}/receipt`);
    expect([json.status, json.json<ElectionSignupReceipt>().slotId]).toEqual([200, slotId]);
    const pdf = await get(agnes, `/api/election/public/my-tasks/${slotId}/receipt.pdf`);
    expect([pdf.status, pdf.headers['content-type'], pdf.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    expect((await get(mads, `/api/election/public/my-tasks/${slotId}/receipt.pdf`)).status).toBe(404);
    expect((await get(undefined, `/api/election/public/my-tasks/${slotId}/receipt`)).status).toBe(401);
  });

  it('a task at the same time is refused (409 election.overlap), nothing written', async () => {
    const before = await countOf("SELECT count(*) AS n FROM task_slots WHERE election_id = $1 AND state = 'vacant'", [f.electionId]);
    const res = await signUp(agnes, { choice: group(f.taskTypes.fintaeller) });
    expect([res.status, fieldsOf(res)]).toEqual([409, [['/', 'election.overlap']]]);
    expect(paramsOf(res)).toEqual({ date: DATE, start: '07:00', end: '20:00' });
    expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE election_id = $1 AND state = 'vacant'", [f.electionId])).toBe(before);
  });

  it('under 18 on the task date and not resident are refused with their reasons; no participant is kept', async () => {
    const young = await signUp(ellen, {
      choice: group(f.taskTypes.fintaeller),
      phone: '+45 30 00 00 00',
    });
    expect([young.status, fieldsOf(young)]).toEqual([409, [['/', 'election.notEligible']]]);
    expect(paramsOf(young)).toEqual({
      reasons: [{ code: 'election.under18', params: { turns18On: '2030-04-17' } }],
    });
    const away = await signUp(maude, { choice: group(f.taskTypes.fintaeller) });
    expect([away.status, fieldsOf(away)]).toEqual([409, [['/', 'election.notEligible']]]);
    expect(paramsOf(away)).toEqual({
      reasons: [{ code: 'election.notResident', params: {} }],
    });
    expect(await participantOf(ellen.userId)).toBeUndefined();
    expect(await participantOf(maude.userId)).toBeUndefined();
    expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE election_id = $1 AND task_type_id = $2 AND state = 'vacant'", [f.electionId, f.taskTypes.fintaeller])).toBe(2);
    // The registry lookups stay audited (the person asked to sign up); nothing else of the refused requests.
    expect((await auditOf(young)).map((a) => a.action)).not.toContain('election.taskSignedUp');
  });

  it('declining consent still signs up and records nothing; giving it later records the statement with its version', async () => {
    const res = await signUp(mads, {
      choice: group(f.taskTypes.valgstyrer),
      consent: false,
    });
    expect([res.status, res.json<ElectionSignupReceipt>().consentRecorded]).toEqual([201, false]);
    expect(await countOf('SELECT count(*) AS n FROM consent_records WHERE user_id = $1', [mads.userId])).toBe(0);
    const given = await request(platform.port, dk.publicHost, 'POST', '/api/election/public/consent', { headers: mads.headers });
    expect([given.status, given.text]).toEqual([200, JSON.stringify({ consentRecorded: true })]);
    const [version] = await q<{ version: number }>('SELECT max(version) AS version FROM form_versions WHERE definition_id = $1', [privacyFormId]);
    const records = await q<{
      definition_id: string;
      version: number;
      consents: Record<string, boolean>;
    }>('SELECT definition_id, version, consents FROM consent_records WHERE user_id = $1', [mads.userId]);
    expect(records).toEqual([
      {
        definition_id: privacyFormId,
        version: version!.version,
        consents: expect.objectContaining({ acknowledged: true }),
      },
    ]);
    // Every yes/no of the statement answered yes (the keep-my-details one where the statement has it).
    expect(Object.values(records[0]!.consents).every((v) => v === true)).toBe(true);
    // Given twice, recorded once.
    await request(platform.port, dk.publicHost, 'POST', '/api/election/public/consent', { headers: mads.headers });
    expect(await countOf('SELECT count(*) AS n FROM consent_records WHERE user_id = $1', [mads.userId])).toBe(1);
  });

  it('consent given with the sign-up is recorded with it', async () => {
    const res = await signUp(elisabeth, {
      choice: group(f.taskTypes.morgenvagt),
      consent: true,
    });
    expect([res.status, res.json<ElectionSignupReceipt>().consentRecorded]).toEqual([201, true]);
    expect(await countOf('SELECT count(*) AS n FROM consent_records WHERE user_id = $1 AND definition_id = $2', [elisabeth.userId, privacyFormId])).toBe(1);
    // A protected address is not stored.
    expect(await q('SELECT protected_address, address FROM participants WHERE user_id = $1', [elisabeth.userId])).toEqual([{ protected_address: true, address: null }]);
  });
});

describe('the last vacant slot', () => {
  it('two citizens racing for it: exactly one gets it, the other election.slotTaken with the link’s other groups, the same date first', async () => {
    const last = group(f.taskTypes.morgenvagt, f.workLocations[1]);
    expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 AND state = 'vacant'", [last.workLocationId, last.taskTypeId])).toBe(1);
    const answers = await Promise.all([signUp(agnes, { choice: last }), signUp(mads, { choice: last })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const lost = answers.find((a) => a.status === 409)!;
    expect(fieldsOf(lost)).toEqual([['/', 'election.slotTaken']]);
    const alternatives = paramsOf(lost).alternatives as {
      workLocationId: string;
      taskTypeId: string;
      date: string;
      vacant: number;
    }[];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.every((a) => a.date === DATE && a.vacant >= 1 && !(a.workLocationId === last.workLocationId && a.taskTypeId === last.taskTypeId))).toBe(true);
    expect(alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          workLocationId: f.workLocations[0],
          taskTypeId: f.taskTypes.morgenvagt,
          teamId: f.teamId,
        }),
      ]),
    );
    expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE work_location_id = $1 AND task_type_id = $2 AND state = 'accepted'", [last.workLocationId, last.taskTypeId])).toBe(1);
    // The loser takes an alternative.
    const loser = lost === answers[0] ? agnes : mads;
    const alt = alternatives.find((a) => a.taskTypeId === f.taskTypes.morgenvagt)!;
    const retry = await signUp(loser, {
      choice: {
        workLocationId: alt.workLocationId,
        taskTypeId: alt.taskTypeId,
        teamId: f.teamId,
        date: alt.date,
      },
    });
    expect(retry.status).toBe(201);
  });
});

describe('a group just sold out', () => {
  it('is answered from memory for a moment: a slot freed meanwhile is offered again at most SOLD_OUT_MS later', async () => {
    const [tt] = await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Natvagt', 'NV', '20:30', '23:30') RETURNING id", [dk.id]);
    const [slot] = await insertSlots(f, 1, tt!.id, f.workLocations[1], DATE);
    const night = group(tt!.id, f.workLocations[1]);
    expect((await signUp(agnes, { choice: night })).status).toBe(201);
    expect(fieldsOf(await signUp(mads, { choice: night }))).toEqual([['/', 'election.slotTaken']]);
    await q("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", [slot]);
    // Within the moment: still the same answer, from memory.
    expect(fieldsOf(await signUp(mads, { choice: night }))).toEqual([['/', 'election.slotTaken']]);
    await new Promise((r) => setTimeout(r, SOLD_OUT_MS + 100));
    const res = await signUp(mads, { choice: night });
    expect([res.status, res.json<ElectionSignupReceipt>().slotId]).toEqual([201, slot]);
  });
});

describe('what the wizard offers', () => {
  it('the diets and whether consent is asked, to anyone on the public site; not on the admin site', async () => {
    const [diet] = await q<{ id: string }>("INSERT INTO special_diets (tenant_id, name) VALUES ($1, 'Vegetar') RETURNING id", [dk.id]);
    const res = await get(undefined, '/api/election/public/signup-options');
    expect([res.status, res.json()]).toEqual([200, { diets: [{ id: diet!.id, name: 'Vegetar' }], consentAsked: true, signupFields: null, taskTypeFields: [] }]);
    expect((await request(platform.port, dk.adminHost, 'GET', '/api/election/public/signup-options')).status).toBe(404);
  });
});

describe('refusals', () => {
  it('not logged in: 401; on the admin site: 404; an unknown link: 404; bad input names the field', async () => {
    expect((await signUp(undefined, { choice: group(f.taskTypes.valgstyrer) })).status).toBe(401);
    expect((await signUp(mads, { choice: group(f.taskTypes.valgstyrer) }, dk.adminHost)).status).toBe(404);
    expect(
      (
        await signUp(mads, {
          choice: group(f.taskTypes.valgstyrer),
          linkToken: randomBytes(32).toString('base64url'),
        })
      ).status,
    ).toBe(404);
    const bad = await signUp(mads, {
      choice: group(f.taskTypes.valgstyrer),
      phone: 'call me',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad).map(([field]) => field)).toContain('/phone');
  });
});

describe('extra fields: the signup template’s and the task type’s', () => {
  let albert: TestSession;
  let tolk = '';
  let fieldsFormId = '';
  beforeAll(async () => {
    albert = await citizen('dk-albert');
    const ctx = { tenantId: dk.id, actor: testAdministrator(dk.id) };
    // A task type whose extra-fields form asks a required T-shirt size (at most 10 characters), 2 vacant slots.
    fieldsFormId = (
      await createForm(platform.db, ctx, {
        name: 'Tolkens felter',
        draft: {
          schemaVersion: 1,
          kind: 'taskTypeFields',
          title: { da: 'Oplysninger til tolke' },
          schema: { type: 'object', required: ['shirtSize'], properties: { shirtSize: { type: 'string', minLength: 1, maxLength: 10 } } },
          translations: { da: { shirtSize: { label: 'T-shirt-størrelse' } } },
        },
      })
    ).id;
    await publishForm(platform.db, ctx, fieldsFormId);
    [{ id: tolk }] = (await q<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time, fields_form_id) VALUES ($1, 'Tolk', 'TO', '10:00', '11:00', $2) RETURNING id", [dk.id, fieldsFormId])) as [{ id: string }];
    await insertSlots(f, 2, tolk, f.workLocations[0], DATE);
    // The built-in signup template with one extra field besides the wizard's own (name, contact, diets, party).
    const [template] = await q<{ id: string; draft: { schema: { properties: Record<string, unknown> }; translations: Record<string, Record<string, unknown>>; uiSchema?: Record<string, unknown> } }>(
      "SELECT id, draft FROM form_definitions WHERE tenant_id = $1 AND kind = 'signupTemplate' ORDER BY created_at, id LIMIT 1",
      [dk.id],
    );
    const draft = structuredClone(template!.draft);
    draft.schema.properties.languages = { type: 'string', maxLength: 100 };
    draft.translations.da = { ...draft.translations.da, languages: { label: 'Sprog du taler' } };
    draft.translations.sv = { ...draft.translations.sv, languages: { label: 'Språk du talar' } };
    draft.translations.en = { ...draft.translations.en, languages: { label: 'Languages you speak' } };
    if (Array.isArray(draft.uiSchema?.['ui:order'])) draft.uiSchema['ui:order'] = [...(draft.uiSchema['ui:order'] as string[]), 'languages'];
    await saveFormDraft(platform.db, ctx, template!.id, draft);
    await publishForm(platform.db, ctx, template!.id);
  });

  it('the wizard is given the template’s extra fields only (with their validator) and each task type’s fields form', async () => {
    const res = await get(undefined, '/api/election/public/signup-options');
    expect(res.status).toBe(200);
    const options = res.json<ElectionSignupOptions>();
    const schema = options.signupFields?.definition.schema as { properties?: Record<string, unknown>; allOf?: unknown } | undefined;
    expect(Object.keys(schema?.properties ?? {})).toEqual(['languages']);
    expect(schema?.allOf).toBeUndefined();
    expect(Object.keys(options.signupFields?.definition.translations?.da ?? {})).toEqual(['languages']);
    expect(options.taskTypeFields).toEqual([{ taskTypeId: tolk, form: { id: fieldsFormId, version: 1, definition: expect.objectContaining({ kind: 'taskTypeFields' }) } }]);
    const validator = await get(undefined, '/api/election/public/signup-fields/validator.js?locale=da');
    expect([validator.status, validator.headers['content-type']]).toEqual([200, expect.stringContaining('javascript')]);
    expect(validator.text).toContain('export default');
    // The task type's form: its validator as the platform serves any published form's, to anyone on the public site.
    expect((await get(undefined, `/api/forms/${fieldsFormId}/versions/1/validator.js?locale=da`)).status).toBe(200);
    expect((await request(platform.port, dk.adminHost, 'GET', '/api/election/public/signup-fields/validator.js?locale=da')).status).toBe(404);
  });

  it('a wrong, missing or foreign answer: 400 naming the field, nothing written', async () => {
    const before = await countOf('SELECT count(*) AS n FROM participants');
    const long = await signUp(albert, { choice: group(tolk), taskFields: { shirtSize: 'XXXXXXXXXXL' } });
    expect([long.status, fieldsOf(long)]).toEqual([400, [['/taskFields/shirtSize', 'schema.maxLength']]]);
    const missing = await signUp(albert, { choice: group(tolk) });
    expect([missing.status, fieldsOf(missing)]).toEqual([400, [['/taskFields/shirtSize', 'schema.required']]]);
    const foreign = await signUp(albert, { choice: group(tolk), taskFields: { shirtSize: 'L', colour: 'red' } });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign).map(([field]) => field)).toEqual(['/taskFields/colour']);
    const noForm = await signUp(albert, { choice: group(f.taskTypes.valgstyrer), taskFields: { shirtSize: 'L' } });
    expect([noForm.status, fieldsOf(noForm)]).toEqual([400, [['/taskFields/shirtSize', 'election.unknownTaskField']]]);
    const badTemplate = await signUp(albert, { choice: group(tolk), taskFields: { shirtSize: 'L' }, fields: { languages: 'x'.repeat(101) } });
    expect([badTemplate.status, fieldsOf(badTemplate).map(([field]) => field)]).toEqual([400, ['/signupFields/languages']]);
    expect(await countOf('SELECT count(*) AS n FROM participants')).toBe(before);
    expect(await participantOf(albert.userId)).toBeUndefined();
    expect(await countOf("SELECT count(*) AS n FROM task_slots WHERE task_type_id = $1 AND state = 'vacant' AND task_fields = '{}'", [tolk])).toBe(2);
    for (const res of [long, missing, foreign, noForm, badTemplate]) expect((await auditOf(res)).map((a) => a.action)).not.toContain('election.taskSignedUp');
  });

  it('accepted answers are stored: the template’s with the participant, the task type’s with the slot; audited by field name only; cleared when the slot is vacated', async () => {
    // Elisabeth (a participant since her morning watch): her template answers join her participant row.
    const res = await signUp(elisabeth, { choice: group(tolk), taskFields: { shirtSize: 'XLgreen' }, fields: { languages: 'dansk og tysk' } });
    expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
    const { slotId } = res.json<ElectionSignupReceipt>();
    const participantId = await participantOf(elisabeth.userId);
    expect(await q('SELECT participant_id, task_fields FROM task_slots WHERE id = $1', [slotId])).toEqual([{ participant_id: participantId, task_fields: { shirtSize: 'XLgreen' } }]);
    expect(await q('SELECT signup_fields FROM participants WHERE id = $1', [participantId])).toEqual([{ signup_fields: { languages: 'dansk og tysk' } }]);
    const audit = await auditOf(res);
    expect(audit.find((a) => a.action === 'election.taskSignedUp')?.summary).toMatchObject({ slotId, taskFields: ['shirtSize'] });
    const text = JSON.stringify(audit);
    for (const secret of ['XLgreen', 'dansk og tysk']) expect(text).not.toContain(secret);
    // Vacated (as unassigning does): the holder's answers go with them.
    await q("UPDATE task_slots SET participant_id = NULL, state = 'vacant' WHERE id = $1", [slotId]);
    expect(await q('SELECT task_fields FROM task_slots WHERE id = $1', [slotId])).toEqual([{ task_fields: {} }]);
  });
});
