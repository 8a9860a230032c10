// Side (b) of `npm run bench:flows`: the flow engine running the built-in application flow for N instances on the
// platform's own worker. Two things are changed so the run measures first timers: the caseworker reminder comes
// after `delayMs` instead of 2 days (the tests check the real 2-day timers with time skipping), and only once.
// Started by `bench` (on the dev server): the N submissions (sealed answers, instance rows, audit rows) come
// first and are timed apart; then the workflows are started as the outbox dispatcher would, and each instance's
// first timer is due `delayMs` after its start was requested. Started by the `outbox` (on the cluster): as in
// production, each submission's outbox row is delivered by the worker processes' dispatchers; the submissions
// are what is timed as starts, and each first timer is due `delayMs` after its submission.
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../../engine/actors';
import { attachFlowToForm, createFlow, publishFlow } from '../../engine/commands/flows';
import { submitForm } from '../../engine/commands/submit-form';
import { loadBuiltinFlow } from '../../engine/flows/builtin';
import { startFlowWorkflow, type StartedInstance } from '../../engine/flows/workflows';
import type { Platform } from '../../engine/platform';
import { workflowIds } from '../../engine/temporal/ids';
import { sideFigures, type SideFigures } from './figures';
import { cpuSnapshot, sampleHistories, startAll, waitForEffects, type BenchServers } from './phase';

const REMINDER = 'task-reminder';

export async function runFlowEngine(servers: BenchServers, platform: Platform, taskQueue: string, owner: Sequelize, tenantId: string, n: number, delayMs: number, say: (line: string) => void, startedBy: 'bench' | 'outbox' = 'bench'): Promise<SideFigures> {
  const admin: Actor = { kind: 'user', tenantId, id: 'bench', displayName: 'Bench', roles: ['administrator'] };
  const ctx = { tenantId, actor: admin };
  const anonymous = { tenantId, actor: { kind: 'anonymous' as const, tenantId } };

  const def = loadBuiltinFlow('application.flow.json');
  def.key = `application-bench-${Date.now()}`;
  const remind = def.rules!.find((r) => r.id === 'remind-caseworker')!;
  (remind.when as { duration: object }).duration = { minutes: delayMs / 60_000 }; // whole minutes: the editor's durations have no seconds
  def.parameters!.properties!.maxReminders!.default = 1; // the first timer only
  const { id: flowId } = await createFlow(platform.db, ctx, def);
  await publishFlow(platform.db, ctx, flowId);
  const [form] = await owner.query<{ id: string }>("SELECT id FROM form_definitions WHERE tenant_id = $1 AND builtin = 'application-form.json'", { bind: [tenantId], type: QueryTypes.SELECT });
  await attachFlowToForm(platform.db, ctx, form!.id, flowId);

  const instances: StartedInstance[] = new Array(n);
  const submit = async (i: number) => {
    const r = await submitForm(platform.identity, anonymous, form!.id, 1, { applicantName: `Ansøger ${i}`, applicantEmail: `a${i}@bench.example`, association: 'Bænkby Boldklub', amount: 100 + i, purpose: 'Et arrangement for hele byen' });
    instances[i] = r.flow!;
  };
  let cpu: () => ReturnType<ReturnType<typeof cpuSnapshot>>;
  let started: Awaited<ReturnType<typeof startAll>>;
  if (startedBy === 'outbox') {
    cpu = cpuSnapshot(servers);
    started = await startAll(n, 16, submit);
    say(`  flow engine: ${n} submissions in ${started.seconds.toFixed(1)} s, their workflows started by the workers' outbox dispatchers; waiting for every first reminder's e-mail…`);
  } else {
    const t0 = Date.now();
    await startAll(n, 16, submit);
    say(`  flow engine: ${n} submissions at ${(n / ((Date.now() - t0) / 1000)).toFixed(0)}/s (not part of the figures)`);
    const flows = { client: platform.client, taskQueue };
    cpu = cpuSnapshot(servers);
    started = await startAll(n, 64, (i) => startFlowWorkflow(flows, tenantId, instances[i]!));
    say(`  flow engine: ${n} started in ${started.seconds.toFixed(1)} s; waiting for every first reminder's e-mail…`);
  }
  const { starts, seconds } = started;
  const sentReminders = `FROM communication_log WHERE tenant_id = $1 AND template_key = '${REMINDER}' AND status IN ('sent', 'delivered') AND idempotency_key LIKE '%#1/0'`;
  await waitForEffects(n, async () => (await owner.query<{ n: number }>(`SELECT count(*)::int AS n ${sentReminders}`, { bind: [tenantId], type: QueryTypes.SELECT }))[0]!.n, say, 'first reminders sent');
  const cpuSeconds = cpu();
  const rows = await owner.query<{ instance_id: string; sent_at: Date }>(`SELECT instance_id, sent_at ${sentReminders}`, { bind: [tenantId], type: QueryTypes.SELECT });
  const sentAt = new Map(rows.map((r) => [r.instance_id, r.sent_at.getTime()]));
  const effects = instances.map((inst) => sentAt.get(inst.instanceId)!);
  const history = await sampleHistories(servers.client, instances.map((inst) => workflowIds.flow(tenantId, inst.instanceId)));
  return sideFigures({ starts, startSeconds: seconds, effects, dueMs: delayMs, history, cpuSeconds });
}
