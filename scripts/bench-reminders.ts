// `npm run bench:reminders [-- --n N] [--lead SECONDS] [--cache K] [--profile DIR]`: one election with N (20,000) accepted task slots whose task reminder
// falls due in the same minute, on the real parts (embedded PostgreSQL, the Temporal CLI dev server, the
// platform's worker, outbox dispatcher and development SMTP server) in a throwaway data folder, as
// bench:flows starts them. Each slot is assigned through the election's flow events (its invitation flow
// started through the outbox, the confirmation sent), then the bench waits for the minute and reports: the time
// from due until every task reminder reached the channel (the SMTP outbox, logged sent), reminders per second,
// the Temporal server's and this process's CPU share, and the longest workflow history of a sample of the
// instances (it must stay under 10,000 events). In the same run the bare baseline of bench:flows — N instances
// of the built-in application flow, each first reminder 1 minute after its start — with the ratio.
// Changed for the run only, as a municipality would in the flow editor: the task reminder's time of day (the
// due minute) and how many days before the task (1), and the templates' channel order (e-mail only). Last, a group
// message to N participants (bench:group-message's part): its time, messages per second and the progress shown.
// `--profile DIR` writes CPU profiles of this process (worker, dispatcher, SMTP) while the flows start and confirm
// (setup.cpuprofile) and while the reminders go out (reminders.cpuprofile).
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../engine/actors';
import { attachFlowToForm, createFlow, publishFlow, saveFlowDraft } from '../engine/commands/flows';
import { saveTemplate } from '../engine/commands/message-templates';
import { submitForm } from '../engine/commands/submit-form';
import { loadConfig } from '../engine/config';
import { createDatabaseIfMissing, prepareDatabase } from '../engine/db/prepare';
import { createSequelize, Database } from '../engine/db/database';
import { startEmbeddedPostgres } from '../engine/dev/embedded-postgres';
import { freePort } from '../engine/dev/free-port';
import { startTemporalDevServer } from '../engine/dev/temporal-dev-server';
import { ensureTemporalCli } from '../engine/dev/tools';
import { loadBuiltinFlow } from '../engine/flows/builtin';
import { MESSAGE_EVENTS } from '../engine/modules/election/message-events';
import { taskAssigned } from '../engine/modules/election/flow-events';
import { startPlatform, type Platform } from '../engine/platform';
import { benchGroupMessage, progressLine } from './bench-group-message';
import { profileDirOf, profiled } from './bench-profile';
import { createTenant } from '../engine/tenancy/create-tenant';
import { provisionTenant } from '../engine/tenancy/provision';
import type { FlowDefinition } from '../workflows/flow/core/types';

const arg = process.argv.indexOf('--n');
const N = Number(arg >= 0 ? process.argv[arg + 1] : (process.env.BENCH_N ?? 20_000));
const leadArg = process.argv.indexOf('--lead');
/** Seconds from the start of the set-up to the due minute: the set-up (N flows started, confirmed) must end before it. */
const LEAD = Number(leadArg >= 0 ? process.argv[leadArg + 1] : 120 + N * 0.1);
const PROFILE_DIR = profileDirOf(process.argv);
const cacheArg = process.argv.indexOf('--cache');
/**
 * TEMPORAL_MAX_CACHED_WORKFLOWS of the worker: room for the election's N flows, as a municipality running an
 * election of this size would configure it. The SDK's default (~2,300 with Node's default heap) would replay most of
 * the N histories when their reminders wake together. Measured at N = 3,000: ~0.45 MB of memory per kept workflow,
 * so the npm script raises the heap limit. The baseline's flows come later and push the sleeping election flows out.
 * `--cache 0` keeps the SDK's default.
 */
const CACHE = Number(cacheArg >= 0 ? process.argv[cacheArg + 1] : N + 1000);
const ZONE = 'Europe/Copenhagen';
const say = (line: string) => console.log(`[bench:reminders] ${line}`);

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

const count = async (owner: Sequelize, sql: string, bind: unknown[]) => (await owner.query<{ n: number }>(sql, { bind, type: QueryTypes.SELECT }))[0]!.n;

/** The next whole minute at least `seconds` from now, in the tenant's zone. */
const minuteAfter = (seconds: number) => DateTime.now().setZone(ZONE).plus({ seconds }).plus({ minutes: 1 }).startOf('minute');

interface Phase {
  dueMs: number;
  allSentMs: number;
  temporalCpu: number;
  ownCpu: number;
}

/** Waits until `sent()` reaches N, from the due moment; CPU measured over the same window. */
async function measure(label: string, due: DateTime, temporalPid: number | undefined, sent: () => Promise<number>): Promise<Phase> {
  const wait = due.toMillis() - Date.now();
  if (wait < 0) throw new Error(`${label}: the set-up ended ${(-wait / 1000).toFixed(0)} s after the due minute; run with a smaller --n`);
  say(`${label}: waiting ${(wait / 1000).toFixed(0)} s for the due minute ${due.toFormat('HH:mm')}…`);
  await new Promise((r) => setTimeout(r, wait));
  return profiled(PROFILE_DIR, 'reminders', () => measureFromDue(label, due, temporalPid, sent), say);
}

async function measureFromDue(label: string, due: DateTime, temporalPid: number | undefined, sent: () => Promise<number>): Promise<Phase> {
  const temporalCpu0 = temporalPid ? cpuSeconds(temporalPid) : 0;
  const own0 = process.cpuUsage();
  let done = 0;
  let lastReport = Date.now();
  while (done < N) {
    done = await sent();
    if (Date.now() - lastReport > 10_000) {
      say(`  ${done}/${N} after ${((Date.now() - due.toMillis()) / 1000).toFixed(0)} s`);
      lastReport = Date.now();
    }
    if (done < N) await new Promise((r) => setTimeout(r, 250));
    if (Date.now() - due.toMillis() > 60 * 60_000) throw new Error(`${label}: gave up after an hour (${done}/${N})`);
  }
  const allSentMs = Date.now() - due.toMillis();
  const own = process.cpuUsage(own0);
  say(`${label}: this process's memory when all were sent: RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  return { dueMs: due.toMillis(), allSentMs, temporalCpu: temporalPid ? cpuSeconds(temporalPid) - temporalCpu0 : NaN, ownCpu: (own.user + own.system) / 1e6 };
}

function report(label: string, p: Phase): void {
  const s = p.allSentMs / 1000;
  say(`${label}: every reminder sent ${s.toFixed(1)} s after due; ${(N / s).toFixed(0)} reminders/s; CPU: Temporal dev server ${((p.temporalCpu / s) * 100).toFixed(0)}% of one core, this process (worker, dispatcher, API) ${((p.ownCpu / s) * 100).toFixed(0)}%`);
}

async function electionRun(platform: Platform, owner: Sequelize, tenantId: string, ctx: { tenantId: string; actor: Actor }, temporalPid: number | undefined): Promise<Phase> {
  const db = platform.db;
  // The election, one polling station, a task type with reminders, a team; every event's built-in template.
  const one = async (sql: string, bind: unknown[]) => (await owner.query<{ id: string }>(sql, { bind, type: QueryTypes.SELECT }))[0]!.id;
  // Set-up time grows with N; the due minute leaves room for it.
  const due = minuteAfter(LEAD);
  const taskDate = due.plus({ days: 1 }).toISODate()!;
  const typeId = await one("INSERT INTO election_types (tenant_id, name, rules) VALUES ($1, 'Folketingsvalg', '[]'::jsonb) RETURNING id", [tenantId]);
  const templates = Object.fromEntries(MESSAGE_EVENTS.map((e) => [e, `election-${e}`]));
  const electionId = await one(
    "INSERT INTO elections (tenant_id, title, election_type_id, election_day, first_task_date, last_task_date, templates, active, setup_step) VALUES ($1, 'Folketingsvalg', $2, $3, $3, $3, $4::jsonb, true, 'done') RETURNING id",
    [tenantId, typeId, taskDate, JSON.stringify(templates)],
  );
  const areaId = await one("INSERT INTO election_areas (tenant_id, name) VALUES ($1, 'Midt') RETURNING id", [tenantId]);
  const locationId = await one("INSERT INTO work_locations (tenant_id, area_id, name, district_number) VALUES ($1, $2, 'Rådhuset', '1') RETURNING id", [tenantId, areaId]);
  const taskTypeId = await one("INSERT INTO task_types (tenant_id, title, short_name, start_time, end_time, reminders) VALUES ($1, 'Valgstyrer', 'VS', '07:00', '20:00', true) RETURNING id", [tenantId]);
  const teamId = await one("INSERT INTO teams (tenant_id, name, short_name) VALUES ($1, 'Frivillige', 'FR') RETURNING id", [tenantId]);
  await owner.query('INSERT INTO election_work_locations (tenant_id, election_id, work_location_id) VALUES ($1, $2, $3)', { bind: [tenantId, electionId, locationId] });
  for (const key of ['election-registrationConfirmed', 'election-taskReminder']) {
    const [t] = await owner.query<{ subject: object; body: object }>('SELECT subject, body FROM message_templates WHERE tenant_id = $1 AND key = $2', { bind: [tenantId, key], type: QueryTypes.SELECT });
    await saveTemplate(db, ctx, key, { subject: t!.subject, body: t!.body, channels: ['email'] });
  }

  // The tenant's invitation flow: the task reminder 1 day before the task, at the due minute.
  const [flow] = await owner.query<{ id: string; draft: FlowDefinition }>("SELECT id, draft FROM flow_definitions WHERE tenant_id = $1 AND key = 'invitation'", { bind: [tenantId], type: QueryTypes.SELECT });
  const draft = structuredClone(flow!.draft);
  draft.parameters!.properties!.taskReminderDays!.default = 1;
  (draft.rules!.find((r) => r.id === 'task-reminder')!.when as { duration: { days: unknown; at: string } }).duration.at = due.toFormat('HH:mm');
  const saved = await saveFlowDraft(db, ctx, flow!.id, draft);
  if (saved.problems.length) throw new Error(`the flow's draft: ${JSON.stringify(saved.problems)}`);
  await publishFlow(db, ctx, flow!.id);

  say(`${N} participants and accepted slots on ${taskDate}; task reminders due at ${due.toFormat('HH:mm')}`);
  let t = Date.now();
  const people = await owner.query<{ id: string }>(
    `INSERT INTO participants (tenant_id, personal_number_country, personal_number_sealed, personal_number_hash, personal_number_masked, given_name, family_name, birth_date, municipality_code, citizenship, registry_checked_at, email)
     SELECT $1, 'DK', '\\x00'::bytea, 'bench-' || i, '010180-****', 'Deltager', 'Nr ' || i, '1980-01-01', '101', 'DK', now(), 'p' || i || '@bench.example' FROM generate_series(1, $2) AS i RETURNING id`,
    { bind: [tenantId, N], type: QueryTypes.SELECT },
  );
  const slots = await owner.query<{ id: string; participant_id: string }>(
    `INSERT INTO task_slots (tenant_id, election_id, work_location_id, task_type_id, team_id, task_date, participant_id, state, registered_directly, answered_at)
     SELECT $1, $2, $3, $4, $5, $6::date, p, 'accepted', true, now() FROM unnest($7::uuid[]) AS p RETURNING id, participant_id`,
    { bind: [tenantId, electionId, locationId, taskTypeId, teamId, taskDate, people.map((p) => p.id)], type: QueryTypes.SELECT },
  );
  // Assigned as the sign-up command does it: the flow events in the command's transaction, 100 slots per transaction.
  const batches = Array.from({ length: Math.ceil(slots.length / 100) }, (_, i) => slots.slice(i * 100, i * 100 + 100));
  await pool(batches, 8, async (batch) => {
    await db.withTenant(tenantId, async (tx) => {
      for (const s of batch) await taskAssigned(db, tx, ctx, { electionId, slotId: s.id, participantId: s.participant_id }, 'registrationConfirmed');
    });
  });
  say(`assigned ${N} in ${((Date.now() - t) / 1000).toFixed(1)} s; waiting for every flow's start and confirmation…`);
  t = Date.now();
  const confirmations = () => count(owner, "SELECT count(*)::int AS n FROM communication_log WHERE tenant_id = $1 AND template_key = 'election-registrationConfirmed' AND status IN ('sent', 'delivered')", [tenantId]);
  let lastSaid = Date.now();
  await profiled(PROFILE_DIR, 'setup', async () => {
    for (let confirmed = await confirmations(); confirmed < N; confirmed = await confirmations()) {
      if (Date.now() > due.toMillis()) throw new Error(`the confirmations were not all sent before the due minute (${confirmed}/${N}); run with a smaller --n or a longer --lead`);
      if (Date.now() - lastSaid > 30_000) {
        say(`  ${confirmed}/${N} flows started and confirmed after ${((Date.now() - t) / 1000).toFixed(0)} s`);
        lastSaid = Date.now();
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, say);
  say(`${N} flows started and confirmations sent in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const phase = await measure('election task reminders', due, temporalPid, () =>
    count(owner, "SELECT count(*)::int AS n FROM communication_log WHERE tenant_id = $1 AND template_key = 'election-taskReminder' AND status IN ('sent', 'delivered')", [tenantId]),
  );

  // The longest history among a sample of the instances (they all run the same rules on the same dates).
  const sample = await owner.query<{ id: string }>("SELECT id FROM flow_instances WHERE tenant_id = $1 AND subject_type = 'electionTask' ORDER BY random() LIMIT 200", { bind: [tenantId], type: QueryTypes.SELECT });
  let longest = 0;
  for (const { id } of sample) {
    const d = await platform.client.workflow.getHandle(`tenant/${tenantId}/flow/${id}`).describe();
    longest = Math.max(longest, d.historyLength);
  }
  say(`longest workflow history among ${sample.length} sampled instances: ${longest} events (limit 10,000)`);
  return phase;
}

/**
 * The bare baseline of bench:flows: N instances of the built-in application flow, each reminding the caseworker
 * 1 minute after its start (as bench:flows runs it); timed from the first instance's due minute until every first
 * reminder was sent. Its due times spread over the submissions (printed), where the election's all fall in one minute.
 */
async function baselineRun(platform: Platform, owner: Sequelize, tenantId: string, ctx: { tenantId: string; actor: Actor }, temporalPid: number | undefined): Promise<Phase> {
  const db = platform.db;
  const def = loadBuiltinFlow('application.flow.json');
  def.key = 'application-bench';
  (def.rules!.find((r) => r.id === 'remind-caseworker')!.when as { duration: object }).duration = { minutes: 1 };
  def.parameters!.properties!.maxReminders!.default = 1;
  const { id: flowId } = await createFlow(db, ctx, def);
  await publishFlow(db, ctx, flowId);
  const [form] = await owner.query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenantId], type: QueryTypes.SELECT });
  await attachFlowToForm(db, ctx, form!.id, flowId);
  const anonymous = { tenantId, actor: { kind: 'anonymous' as const, tenantId } };
  say(`baseline (bench:flows): ${N} submissions of the e-service form, each first reminder due 1 minute after its start`);
  const temporalCpu0 = temporalPid ? cpuSeconds(temporalPid) : 0;
  const own0 = process.cpuUsage();
  await pool([...Array(N).keys()], 16, async (i) => {
    await submitForm(platform.identity, anonymous, form!.id, 1, { applicantName: `Ansøger ${i}`, applicantEmail: `a${i}@bench.example`, association: 'Bænkby Boldklub', amount: 100 + i, purpose: 'Et arrangement for hele byen' });
  });
  const sent = () => count(owner, "SELECT count(*)::int AS n FROM communication_log WHERE tenant_id = $1 AND template_key = 'task-reminder' AND status IN ('sent', 'delivered') AND idempotency_key LIKE '%#1/0%'", [tenantId]);
  while ((await sent()) < N) await new Promise((r) => setTimeout(r, 250));
  const done = Date.now();
  // Each workflow sends its receipt as it starts: the first receipt is the first start, from which its reminder is due.
  const [span] = await owner.query<{ first: Date; last: Date }>("SELECT min(created_at) AS first, max(created_at) AS last FROM communication_log WHERE tenant_id = $1 AND template_key = 'application-received'", { bind: [tenantId], type: QueryTypes.SELECT });
  const firstDue = span!.first.getTime() + 60_000;
  say(`baseline: due times spread over ${((span!.last.getTime() - span!.first.getTime()) / 1000).toFixed(1)} s (the starts)`);
  const own = process.cpuUsage(own0);
  // CPU over the whole baseline (submissions included), as bench:flows reports it.
  const wall = (done - span!.first.getTime()) / 1000;
  return { dueMs: firstDue, allSentMs: done - firstDue, temporalCpu: temporalPid ? ((cpuSeconds(temporalPid) - temporalCpu0) * (done - firstDue)) / 1000 / wall : NaN, ownCpu: (((own.user + own.system) / 1e6) * (done - firstDue)) / 1000 / wall };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tingvalla-bench-'));
  chmodSync(dataDir, 0o755);
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEV_SMTP_PORT: '0', TEST_IDP: 'off', ...(CACHE ? { TEMPORAL_MAX_CACHED_WORKFLOWS: String(CACHE) } : {}) });
  say(`worker: ${CACHE ? `keeps up to ${CACHE} workflows in memory` : "the SDK's default workflow cache"}; heap limit ${(getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MB`);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  await createDatabaseIfMissing(pg.ownerUrl('postgres'), 'tingvalla');
  const cli = await ensureTemporalCli(config.TOOLS_CACHE_DIR, say);
  const temporal = await startTemporalDevServer({ cli, namespace: config.TEMPORAL_NAMESPACE, port: await freePort(), uiPort: await freePort(), dbFile: join(dataDir, 'temporal.sqlite') });
  try {
    const ownerUrl = pg.ownerUrl('tingvalla');
    const appUrl = await prepareDatabase({ ownerUrl, appPassword: config.DATABASE_APP_PASSWORD });
    const owner = createSequelize(ownerUrl);
    const tenantIds: string[] = [];
    for (const slug of ['bench', 'baseline']) {
      const id = await createTenant(owner, {
        slug, name: 'Bænkby Kommune', country: 'DK', defaultLocale: 'da', publicHosts: [`${slug}.localhost`], adminHosts: [`admin.${slug}.localhost`],
        settings: { contact: { email: 'valg@bench.example', phone: '+45 11 22 33 44', address: 'Torvet 1' }, frontPage: { da: { heading: 'Bænkby', intro: '' } }, retention: { auditLogMonths: 6 } },
      });
      const provisioning = Database.connect(appUrl);
      await provisionTenant(provisioning, id, 'DK').finally(() => provisioning.close());
      tenantIds.push(id);
    }
    const platform = await startPlatform({ config, appUrl, temporalAddress: temporal.address, tenantIds, port: 0 });
    const ctxOf = (tenantId: string) => ({ tenantId, actor: { kind: 'user', tenantId, id: 'bench', displayName: 'Bench', roles: ['administrator'] } as Actor });
    try {
      const ours = await electionRun(platform, owner, tenantIds[0]!, ctxOf(tenantIds[0]!), temporal.pid);
      // Said at once: at N = 20,000 the baseline takes another half hour or more.
      report('election task reminders', ours);
      const base = await baselineRun(platform, owner, tenantIds[1]!, ctxOf(tenantIds[1]!), temporal.pid);
      report('baseline (bench:flows)', base);
      say(`ratio to baseline: ${(ours.allSentMs / base.allSentMs).toFixed(2)}× the time from due until all sent (${(N / (ours.allSentMs / 1000)).toFixed(0)} vs ${(N / (base.allSentMs / 1000)).toFixed(0)} reminders/s)`);
      // The issue's second figure: a group message to as many participants (scripts/bench-group-message.ts).
      const group = await benchGroupMessage(platform, N, { owner, tenantId: tenantIds[0]! });
      say(`group message to ${group.n} participants: ${group.seconds.toFixed(1)} s, ${group.perSecond.toFixed(0)} messages/s, sent ${group.sent}, failed ${group.failed}, each logged once: ${group.loggedOnce} of ${group.n}`);
      say(`progress the page showed: ${progressLine(group.progress, group.n)}`);
    } finally {
      await platform.stop();
      await owner.close();
    }
  } finally {
    await temporal.stop();
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
