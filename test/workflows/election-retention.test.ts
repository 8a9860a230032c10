// The deletion after the election on the time-skipping test server with the real activities and PostgreSQL: the
// election becomes inactive the day after its last task date; two weeks before the deletion date the review opens
// (the list: who is deleted, who is kept and why); an administrator postpones it once (a second time is refused);
// on the new date the participants who did not consent are deleted everywhere (participant rows, their slots
// vacated, their communication log rows, their citizen login), the consenting one and the one in a later election
// are kept; the consenting one is deleted by the same path when the consent is withdrawn; and no workflow history
// of the run holds a name or a personal number.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '../../engine/dev/time-skipping-env';
import { Worker } from '@temporalio/worker';
import type { Payload } from '@temporalio/common';
import { QueryTypes } from 'sequelize';
import { createElectionActivities } from '../../activities/election';
import { getRetentionReview } from '../../engine/modules/election/retention/queries';
import { postponeRetention } from '../../engine/modules/election/retention/commands';
import { retentionWorkflowId, startRetentionWorkflow } from '../../engine/modules/election/retention/workflow';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import { dataConverter } from '../../engine/temporal/client';
import { parseCodecKeys } from '../../engine/temporal/codec';
import { ensureSearchAttributes } from '../../engine/temporal/ensure-search-attributes';
import { FlowStatusKey } from '../../engine/temporal/search-attributes';
import { testServices } from '../helpers/env';
import { closeOwnerDb, createTestTenant, ownerDb, suiteDatabase } from '../helpers/factories';
import { quietTemporalRuntime } from '../helpers/platform';
import { testAdministrator } from '../helpers/sessions';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevOutbox } from '../../engine/dev/smtp-outbox';
import { EmailChannel } from '../../engine/messages/channels';

const TASK_QUEUE = 'election-retention-test';
let env: TestWorkflowEnvironment;
const db = suiteDatabase();
const keyring = new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!));
const converter = dataConverter(parseCodecKeys(process.env.TEMPORAL_CODEC_KEYS!));

beforeAll(async () => {
  quietTemporalRuntime();
  env = await startTimeSkippingEnvironment(testServices().testServerPath, converter);
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
});

afterAll(async () => {
  await env?.teardown();
  await closeOwnerDb();
});

const q = <T extends object>(sql: string, bind: unknown[] = []) => ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
const one = async <T extends object>(sql: string, bind: unknown[] = []): Promise<T> => (await q<T>(sql, bind))[0]!;
const count = async (sql: string, bind: unknown[]) => Number((await one<{ n: string }>(sql, bind)).n);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => isoDate(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);

const PEOPLE = [
  { key: 'consenting', given: 'Karen', family: 'Blixenstjerne', number: '0101801234' },
  { key: 'deleted1', given: 'Mogens', family: 'Varnæsdal', number: '0202802345' },
  { key: 'deleted2', given: 'Ingeborg', family: 'Skovsgaard', number: '0303803456' },
  { key: 'later', given: 'Aksel', family: 'Hvidtfeldt', number: '0404804567' },
] as const;

/** A tenant with an election on electionDay (active, one task date), a later election, four participants each on a slot. */
async function scenario(electionDay: string) {
  const tenant = await createTestTenant();
  const t = tenant.id;
  const type = await one<{ id: string }>("INSERT INTO election_types (tenant_id, name, rules) VALUES ($1, 'Folketingsvalg', '[]'::jsonb) RETURNING id", [t]);
  const mk = (title: string, day: string) =>
    one<{ id: string }>("INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, active, setup_step) VALUES ($1, $2, $3, $4, $4, $4, true, 'done') RETURNING id", [t, title, type.id, day]);
  const election = await mk('Folketingsvalg', electionDay);
  const later = await mk('Kommunalvalg', addDays(electionDay, 400));
  const area = await one<{ id: string }>("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Nord') RETURNING id", [t]);
  const location = await one<{ id: string }>("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Skolen', '1') RETURNING id", [t, area.id]);
  const taskType = await one<{ id: string }>("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time) VALUES ($1, 'Valgstyrer', 'VS', '07:00', '20:00') RETURNING id", [t]);
  const team = await one<{ id: string }>("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Frivillige', 'FR') RETURNING id", [t]);
  for (const e of [election.id, later.id]) await q('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) VALUES ($1, $2, $3)', [t, e, location.id]);

  // The site's consent statement, published, and a citizen login for each person.
  const form = await one<{ id: string }>("INSERT INTO form_definitions (tenant_id, kind, name, draft, latest_version) VALUES ($1, 'consentStatement', 'Samtykke', '{}'::jsonb, 1) RETURNING id", [t]);
  await q("INSERT INTO form_versions (tenant_id, definition_id, version, definition, content_hash, published_by) VALUES ($1, $2, 1, '{}'::jsonb, 'h', 'test')", [t, form.id]);
  await q('INSERT INTO election_site (tenant_id, privacy_form_id) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET privacy_form_id = $2', [t, form.id]);

  const ids: Record<string, { participant: string; user: string; slot: string }> = {};
  for (const p of PEOPLE) {
    const user = await one<{ id: string }>("INSERT INTO users (tenant_id, kind, subject_hash, display_name, roles) VALUES ($1, 'citizen', $2, $3, '{participant}') RETURNING id", [t, `hash-${randomUUID()}`, `${p.given} ${p.family}`]);
    const participant = await one<{ id: string }>(
      `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                                 given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, user_id, email)
       VALUES ($1, 'DK', '\\x00'::bytea, $2, $3, $4, $5, '1980-01-01', '999', 'DK', now(), $6, $7) RETURNING id`,
      [t, `hash-${randomUUID()}`, `${p.number.slice(0, 6)}-****`, p.given, p.family, user.id, `${p.given.toLowerCase()}@example.dk`],
    );
    const slot = await one<{ id: string }>(
      "INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, $6, $7, 'accepted') RETURNING id",
      [t, election.id, location.id, taskType.id, team.id, electionDay, participant.id],
    );
    ids[p.key] = { participant: participant.id, user: user.id, slot: slot.id };
    // Each person was sent a message (its log row names them by role and id).
    await q(
      "INSERT INTO communication_log (tenant_id, template_key, channel, recipient, locale, status, idempotency_key) VALUES ($1, 'invitation', 'email', $2, 'da', 'sent', $3)",
      [t, `subject:electionParticipant/${participant.id}`, `test/${randomUUID()}`],
    );
  }
  await q(
    "INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state) VALUES ($1, $2, $3, $4, $5, $6, $7, 'accepted')",
    [t, later.id, location.id, taskType.id, team.id, addDays(electionDay, 400), ids.later!.participant],
  );
  // Someone invited to this election and removed again before it: no slot now, only the assignment (ended) and
  // what they were told — a participant of the election all the same.
  const removedUser = await one<{ id: string }>("INSERT INTO users (tenant_id, kind, subject_hash, display_name, roles) VALUES ($1, 'citizen', $2, 'Rasmus Fjernsted', '{participant}') RETURNING id", [t, `hash-${randomUUID()}`]);
  const removed = await one<{ id: string }>(
    `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked,
                               given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, user_id)
     VALUES ($1, 'DK', '\\x00'::bytea, $2, '050580-****', 'Rasmus', 'Fjernsted', '1980-05-05', '999', 'DK', now(), $3) RETURNING id`,
    [t, `hash-${randomUUID()}`, removedUser.id],
  );
  const vacated = await one<{ id: string }>(
    "INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [t, election.id, location.id, taskType.id, team.id, electionDay],
  );
  await q('INSERT INTO task_assignments (tenant_id, election_id, slot_id, participant_id, ended_at) VALUES ($1, $2, $3, $4, now())', [t, election.id, vacated.id, removed.id]);
  await q("INSERT INTO participant_messages (tenant_id, participant_id, election_id, slot_id, event) VALUES ($1, $2, $3, $4, 'removedFromTask')", [t, removed.id, election.id, vacated.id]);
  ids.removed = { participant: removed.id, user: removedUser.id, slot: vacated.id };
  // The consenting person's consent statement, answered yes.
  const submission = await one<{ id: string }>("INSERT INTO form_submissions (tenant_id, definition_id, version, answers_sealed, submitted_by) VALUES ($1, $2, 1, '\\x00'::bytea, $3) RETURNING id", [t, form.id, ids.consenting!.user]);
  await q('INSERT INTO consent_records (tenant_id, user_id, definition_id, version, submission_id, consents) VALUES ($1, $2, $3, 1, $4, \'{"keep": true}\'::jsonb)', [t, ids.consenting!.user, form.id, submission.id]);
  return { tenantId: t, electionId: election.id, laterId: later.id, ids };
}

/** Every payload of the workflow's histories (all its runs), decoded to text. */
async function historyText(workflowId: string): Promise<string> {
  const codec = converter.payloadCodecs![0]!;
  const found: Payload[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && o.data instanceof Uint8Array) found.push(o as unknown as Payload);
    for (const child of Object.values(o)) walk(child);
  };
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  walk(history);
  const decoded = await codec.decode(found);
  return decoded.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8')).join('\n') + JSON.stringify(history);
}

it('deactivates, opens the review two weeks before, is postponed once, keeps the consenting and the later election, deletes the rest everywhere', async () => {
  const now = await env.currentTimeMs();
  const electionDay = addDays(isoDate(now), 3);
  const s = await scenario(electionDay);
  const outbox = await DevOutbox.start(mkdtempSync(join(tmpdir(), 'retention-outbox-')), 0);
  const admin = { tenantId: s.tenantId, actor: testAdministrator(s.tenantId) };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { codePath: testServices().workflowBundlePath },
    // A real SMTP server: the administrators' notice when the review opens goes there.
    activities: createElectionActivities({ db, keyring, channels: { email: new EmailChannel(outbox.url, 'Tingvalla <no-reply@tingvalla.test>') } }),
    dataConverter: converter,
  });
  const temporal = { client: env.client, taskQueue: TASK_QUEUE };
  const participants = () => q<{ id: string }>('SELECT id FROM participants WHERE tenant_id = $1', [s.tenantId]).then((r) => r.map((x) => x.id).sort());
  const status = () => one<{ status: string }>('SELECT status FROM election_retentions WHERE election_id = $1', [s.electionId]).then((r) => r?.status);
  const sleepUntil = async (date: string, hours = 6) => {
    const ms = Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000 - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  };

  await worker.runUntil(async () => {
    await startRetentionWorkflow(temporal, s.tenantId, s.electionId);
    const handle = env.client.workflow.getHandle(retentionWorkflowId(s.tenantId, s.electionId));

    // Still active on the last task date; inactive the day after.
    await sleepUntil(electionDay);
    expect((await one<{ active: boolean }>('SELECT active FROM elections WHERE id = $1', [s.electionId])).active).toBe(true);
    await sleepUntil(addDays(electionDay, 1));
    expect((await one<{ active: boolean }>('SELECT active FROM elections WHERE id = $1', [s.electionId])).active).toBe(false);
    expect((await one<{ active: boolean }>('SELECT active FROM elections WHERE id = $1', [s.laterId])).active).toBe(true);

    const first = await getRetentionReview({ db, keyring }, admin, s.electionId);
    const deletionDate = first.deletionDate;
    expect(first.reviewDate).toBe(addDays(deletionDate, -14));
    expect(first.status).toBe('waiting');

    // Two weeks before: the review is open, with the list.
    await sleepUntil(addDays(deletionDate, -15));
    expect(await status()).toBe('waiting');
    await sleepUntil(addDays(deletionDate, -14));
    expect(await status()).toBe('review');
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.retentionReviewOpened'", [s.tenantId])).toBe(1);
    // The administrators were told, at the municipality's contact address: counts, the date, no name.
    const notices = await outbox.list(s.tenantId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to: expect.stringContaining('kontakt@'), subject: expect.stringContaining('Folketingsvalg') });
    expect(notices[0]!.text).toContain(': 3 slettes, 2 beholdes');
    for (const p of PEOPLE) expect(notices[0]!.text).not.toContain(p.family);
    const review = await getRetentionReview({ db, keyring }, admin, s.electionId);
    expect(review.counts).toEqual({ delete: 3, keepConsent: 1, keepLaterElection: 1, deleted: 0 });
    const byName = Object.fromEntries(review.participants.map((p) => [p.name, p]));
    expect(byName['Karen Blixenstjerne']).toMatchObject({ decision: 'keepConsent' });
    expect(byName['Karen Blixenstjerne']!.consentUntil! > deletionDate).toBe(true);
    expect(byName['Aksel Hvidtfeldt']).toMatchObject({ decision: 'keepLaterElection', laterElection: 'Kommunalvalg' });
    expect(byName['Mogens Varnæsdal']).toMatchObject({ decision: 'delete' });
    expect(byName['Rasmus Fjernsted']).toMatchObject({ decision: 'delete' });

    // Postponed once by a week; a second postponement is refused.
    const until = addDays(deletionDate, 7);
    await expect(postponeRetention({ db, keyring }, admin, s.electionId, { until: addDays(deletionDate, 200), reason: 'Klage over valget behandles' })).rejects.toMatchObject({ status: 400 });
    await postponeRetention({ db, keyring }, admin, s.electionId, { until, reason: 'Klage over valget behandles' });
    await expect(postponeRetention({ db, keyring }, admin, s.electionId, { until: addDays(until, 1), reason: 'Igen' })).rejects.toMatchObject({ status: 409 });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'election.retentionPostponed'", [s.tenantId])).toBe(1);

    // The original date passes: nobody is deleted.
    await sleepUntil(addDays(deletionDate, 1));
    expect(await participants()).toHaveLength(5);

    // The new date: the three who did not consent are gone everywhere (the one removed before the election too), the others kept.
    await sleepUntil(until);
    const left = await participants();
    expect(left).toEqual([s.ids.consenting!.participant, s.ids.later!.participant].sort());
    expect(await count('SELECT count(*) AS n FROM participant_messages WHERE participant_id = $1', [s.ids.removed!.participant])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM task_assignments WHERE participant_id = $1', [s.ids.removed!.participant])).toBe(0);
    for (const gone of [s.ids.deleted1!, s.ids.deleted2!, s.ids.removed!]) {
      expect(await count('SELECT count(*) AS n FROM communication_log WHERE recipient = $1', [`subject:electionParticipant/${gone.participant}`])).toBe(0);
      expect(await count('SELECT count(*) AS n FROM users WHERE id = $1', [gone.user])).toBe(0);
      expect(await one<{ participant_id: string | null; state: string }>('SELECT participant_id, state FROM task_slots WHERE id = $1', [gone.slot])).toEqual({ participant_id: null, state: 'vacant' });
    }
    expect(await count('SELECT count(*) AS n FROM communication_log WHERE recipient = $1', [`subject:electionParticipant/${s.ids.consenting!.participant}`])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM consent_records WHERE user_id = $1', [s.ids.consenting!.user])).toBe(1);
    expect(await status()).toBe('keeping');
    expect((await handle.describe()).typedSearchAttributes.get(FlowStatusKey)).toBe('keeping');

    // The consent is withdrawn: the next day's step deletes that person by the same path, and the deletion is done.
    await q('UPDATE consent_records SET withdrawn_at = now() WHERE user_id = $1', [s.ids.consenting!.user]);
    await env.sleep('2 days');
    expect(await participants()).toEqual([s.ids.later!.participant]);
    expect(await count('SELECT count(*) AS n FROM consent_records WHERE user_id = $1', [s.ids.consenting!.user])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM form_submissions WHERE submitted_by = $1', [s.ids.consenting!.user])).toBe(0);
    const result = await handle.result();
    expect(result).toMatchObject({ phase: 'done', erased: 4 });
    // Told once, however many steps the review phase took.
    expect(await outbox.list(s.tenantId)).toHaveLength(1);
    await outbox.stop();
    expect(await status()).toBe('done');
    expect((await one<{ deleted: number }>('SELECT deleted FROM election_retentions WHERE election_id = $1', [s.electionId])).deleted).toBe(4);

    // No name or personal number anywhere in the workflow's history (decoded).
    const text = await historyText(retentionWorkflowId(s.tenantId, s.electionId));
    expect(text).toContain(s.electionId);
    for (const p of PEOPLE) {
      for (const needle of [p.given, p.family, p.number, p.number.slice(0, 6)]) expect(text).not.toContain(needle);
    }
    for (const needle of ['Rasmus', 'Fjernsted']) expect(text).not.toContain(needle);
  });
}, 300_000);
