// `npm run bench:flows [-- N]`: starts N (10,000) instances of the built-in application flow on the real
// parts (embedded PostgreSQL, the Temporal CLI dev server, the platform's worker, the development SMTP server)
// in a throwaway data folder, and reports: submissions per second (each one a sealed answer, an instance row
// and audit rows), workflow starts per second with the start latency's median against the server's plain
// round trip measured in the same run, the time until every instance's first timer (the caseworker reminder)
// has fired and its e-mail was sent, and the CPU share of the Temporal dev server and of this process.
// Two things are changed: the reminder comes after 1 minute instead of 2 days, so it fires within the run (the
// tests check the real 2-day timers with time skipping), and only once, so only the first timers are measured.
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { attachFlowToForm, createFlow, publishFlow } from '../engine/commands/flows';
import { submitForm } from '../engine/commands/submit-form';
import { loadConfig } from '../engine/config';
import { createDatabaseIfMissing, prepareDatabase } from '../engine/db/prepare';
import { startEmbeddedPostgres } from '../engine/dev/embedded-postgres';
import { startTemporalDevServer } from '../engine/dev/temporal-dev-server';
import { ensureTemporalCli } from '../engine/dev/tools';
import { loadBuiltinFlow } from '../engine/flows/builtin';
import { startFlowWorkflow, type StartedInstance } from '../engine/flows/workflows';
import { startPlatform } from '../engine/platform';
import { createTenant } from '../engine/tenancy/create-tenant';
import { provisionTenant } from '../engine/tenancy/provision';
import { createSequelize, Database } from '../engine/db/database';
import type { Actor } from '../engine/actors';
import { freePort } from '../engine/dev/free-port';

const N = Number(process.argv[2] ?? 10_000);
const say = (line: string) => console.log(`[bench:flows] ${line}`);

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tingvalla-bench-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its folder
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEV_SMTP_PORT: '0', TEST_IDP: 'off' });
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  await createDatabaseIfMissing(pg.ownerUrl('postgres'), 'tingvalla');
  const cli = await ensureTemporalCli(config.TOOLS_CACHE_DIR, say);
  const temporal = await startTemporalDevServer({ cli, namespace: config.TEMPORAL_NAMESPACE, port: await freePort(), uiPort: await freePort(), dbFile: join(dataDir, 'temporal.sqlite') });
  try {
    const ownerUrl = pg.ownerUrl('tingvalla');
    const appUrl = await prepareDatabase({ ownerUrl, appPassword: config.DATABASE_APP_PASSWORD });
    const owner = createSequelize(ownerUrl);
    const tenantId = await createTenant(owner, {
      slug: 'bench', name: 'Bænkby Kommune', country: 'DK', defaultLocale: 'da', publicHosts: ['bench.localhost'], adminHosts: ['admin.bench.localhost'],
      settings: { contact: { email: 'sagsbehandling@bench.example', phone: '+45 11 22 33 44', address: 'Torvet 1' }, frontPage: { da: { heading: 'Bænkby', intro: '' } }, retention: { auditLogMonths: 6 } },
    });
    const provisioning = Database.connect(appUrl);
    await provisionTenant(provisioning, tenantId, 'DK').finally(() => provisioning.close());
    const platform = await startPlatform({ config, appUrl, temporalAddress: temporal.address, tenantIds: [tenantId], port: 0, dispatcher: 'off' }); // the bench starts the workflows itself, to time the starts
    const admin: Actor = { kind: 'user', tenantId, id: 'bench', displayName: 'Bench', roles: ['administrator'] };
    const ctx = { tenantId, actor: admin };
    const anonymous = { tenantId, actor: { kind: 'anonymous' as const, tenantId } };

    const def = loadBuiltinFlow('application.flow.json');
    def.key = 'application-bench';
    const remind = def.rules!.find((r) => r.id === 'remind-caseworker')!;
    (remind.when as { duration: object }).duration = { minutes: 1 };
    def.parameters!.properties!.maxReminders!.default = 1; // the first timer only
    const { id: flowId } = await createFlow(platform.db, ctx, def);
    await publishFlow(platform.db, ctx, flowId);
    const [form] = await owner.query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenantId], type: QueryTypes.SELECT });
    await attachFlowToForm(platform.db, ctx, form!.id, flowId);

    say(`${N} submissions of the e-service form (sealed answers, instance rows, audit rows)…`);
    const instances: StartedInstance[] = new Array(N);
    let t = Date.now();
    await pool([...Array(N).keys()], 16, async (i) => {
      const r = await submitForm(platform.identity, anonymous, form!.id, 1, { applicantName: `Ansøger ${i}`, applicantEmail: `a${i}@bench.example`, association: 'Bænkby Boldklub', amount: 100 + i, purpose: 'Et arrangement for hele byen' });
      instances[i] = r.flow!;
    });
    const submitSeconds = (Date.now() - t) / 1000;
    say(`submissions: ${(N / submitSeconds).toFixed(0)}/s (${submitSeconds.toFixed(1)} s)`);

    // The server's own round trip, measured now: the baseline the start latency is compared with.
    const rtt: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await platform.client.connection.workflowService.getSystemInfo({});
      rtt.push(performance.now() - s);
    }

    const temporalCpu0 = temporal.pid ? cpuSeconds(temporal.pid) : 0;
    const ownCpu0 = process.cpuUsage();
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
    const latencies: number[] = [];
    const flows = { client: platform.client, taskQueue: config.TEMPORAL_TASK_QUEUE };
    t = Date.now();
    await pool(instances, 64, async (inst) => {
      const s = performance.now();
      await startFlowWorkflow(flows, tenantId, inst);
      latencies.push(performance.now() - s);
    });
    const startSeconds = (Date.now() - t) / 1000;
    const startedAt = t;
    say(`starts: ${(N / startSeconds).toFixed(0)}/s (${startSeconds.toFixed(1)} s); start latency median ${median(latencies).toFixed(1)} ms, p95 ${p95(latencies).toFixed(1)} ms; server round trip median ${median(rtt).toFixed(2)} ms (ratio ${(median(latencies) / median(rtt)).toFixed(1)}×)`);

    say('waiting until every first reminder has fired and its e-mail was sent…');
    let fired = 0;
    let lastReport = 0;
    while (fired < N) {
      const [row] = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM communication_log WHERE tenant_id = $1 AND template_key = 'task-reminder' AND status = 'sent' AND idempotency_key LIKE '%#1/0/email'", { bind: [tenantId], type: QueryTypes.SELECT });
      fired = row!.n;
      if (Date.now() - lastReport > 10_000) {
        const wallSoFar = (Date.now() - startedAt) / 1000;
        const share = temporal.pid ? `; Temporal dev server ${(((cpuSeconds(temporal.pid) - temporalCpu0) / wallSoFar) * 100).toFixed(0)}% of a core so far` : '';
        say(`  ${fired}/${N} first reminders sent after ${wallSoFar.toFixed(0)} s${share}`);
        lastReport = Date.now();
      }
      if (fired < N) await new Promise((r) => setTimeout(r, 1000));
      if (Date.now() - startedAt > 60 * 60_000) throw new Error('gave up after an hour');
    }
    const allFired = (Date.now() - startedAt) / 1000;
    clearInterval(sampler);
    const wall = (Date.now() - startedAt) / 1000;
    const temporalCpu = temporal.pid ? cpuSeconds(temporal.pid) - temporalCpu0 : NaN;
    const own = process.cpuUsage(ownCpu0);
    say(`every first timer fired and sent ${allFired.toFixed(1)} s after the first start (the timers were due 60 s after each start; the last start was at ${startSeconds.toFixed(1)} s)`);
    say(`CPU over those ${wall.toFixed(0)} s: Temporal dev server ${((temporalCpu / wall) * 100).toFixed(0)}% of one core; this process (client, worker, API) ${(((own.user + own.system) / 1e6 / wall) * 100).toFixed(0)}%; peak RSS of this process ${(peakRss / 1048576).toFixed(0)} MB`);
    await platform.stop();
    await owner.close();
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
