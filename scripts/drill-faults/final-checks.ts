// What `npm run drill:faults` checks once every instance should have ended, each check a line with its outcome:
// the instances (rows and workflows), the outbox, the notifications (the log, its attempts and what the SMTP
// server really received), and that no workflow failed anywhere in the namespace.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { QueryTypes, type Sequelize } from 'sequelize';
import { flowMessages } from '../../workflows';
import { workflowIds } from '../../engine/temporal/ids';
import { FINAL_STATUS, TEMPLATES } from './flow';
import type { ReceivedMessage } from './smtp-sink';
import { countBy, duplicatesBy, groupsWithSeveral, missingAndUnexpected, seconds, type Duplicate } from './tally';

export interface Check {
  ok: boolean;
  line: string;
  /** The first offenders, when it failed. */
  detail?: string[];
}

export interface CheckInputs {
  owner: Sequelize;
  client: Client;
  tenantId: string;
  /** Submissions answered 201 (the drill's own record of what it handed in). */
  answered: readonly string[];
  received: readonly ReceivedMessage[];
  /** The drill's start (Date.now()), for the times of what arrived twice. */
  t0: number;
}

const FIRST = 5;
const firstOf = (xs: readonly string[]) => xs.slice(0, FIRST).concat(xs.length > FIRST ? [`… and ${xs.length - FIRST} more`] : []);
const dupLines = (dups: Duplicate[]) => firstOf(dups.map((d) => `${d.key} ×${d.count}`));
const check = (ok: boolean, line: string, detail: string[] = []): Check => (ok ? { ok, line } : { ok, line, detail: firstOf(detail) });

const FAILED_STATUSES = ['Failed', 'TimedOut', 'Terminated', 'Canceled'];

async function listWorkflows(client: Client, query: string): Promise<WorkflowExecutionInfo[]> {
  const found: WorkflowExecutionInfo[] = [];
  for await (const w of client.workflow.list({ query })) found.push(w);
  return found;
}

export async function finalChecks(x: CheckInputs): Promise<Check[]> {
  const { owner, tenantId } = x;
  const checks: Check[] = [];
  const select = <T extends object>(sql: string) => owner.query<T>(sql, { bind: [tenantId], type: QueryTypes.SELECT });

  // The instances: one per submission answered (a submission whose answer was lost would add one), all at the end.
  const instances = await select<{ id: string; subject_id: string; status: string; ended: boolean }>('SELECT id, subject_id, status, ended_at IS NOT NULL AS ended FROM flow_instances WHERE tenant_id = $1');
  const ids = instances.map((i) => i.id);
  const bySubmission = missingAndUnexpected(x.answered, instances.map((i) => i.subject_id));
  checks.push(check(bySubmission.missing.length === 0, `every submission answered 201 has its instance: ${x.answered.length - bySubmission.missing.length} of ${x.answered.length} (instances ${instances.length})`, bySubmission.missing.map((s) => `submission ${s}: no instance`)));
  const notFinal = instances.filter((i) => i.status !== FINAL_STATUS || !i.ended);
  checks.push(check(notFinal.length === 0, `every instance reached its final state (status ${FINAL_STATUS}, ended): ${instances.length - notFinal.length} of ${instances.length}`, notFinal.map((i) => `instance ${i.id}: status ${i.status}${i.ended ? ', ended' : ', not ended'}`)));

  // The outbox: exactly the one start row of each instance, every one delivered.
  const rows = await select<{ instance_id: string; kind: string; delivered: boolean; attempts: number; last_error: string | null }>('SELECT instance_id, kind, delivered_at IS NOT NULL AS delivered, attempts, last_error FROM flow_outbox WHERE tenant_id = $1');
  const starts = rows.filter((r) => r.kind === 'start');
  const startRows = missingAndUnexpected(ids, starts.map((r) => r.instance_id));
  const startDups = duplicatesBy(starts, (r) => r.instance_id);
  checks.push(check(startRows.missing.length === 0 && startDups.length === 0 && rows.length === starts.length, `one outbox start row per instance, none lost: ${starts.length} start rows for ${ids.length} instances (other rows ${rows.length - starts.length})`, [...startRows.missing.map((i) => `instance ${i}: no start row`), ...dupLines(startDups)]));
  const undelivered = rows.filter((r) => !r.delivered);
  const retried = rows.filter((r) => r.attempts > 1);
  // A claim counts an attempt (a row whose dispatcher died holding it comes back when its lease ends); a
  // delivery clears the row's last error, so only the count of attempts tells what it went through.
  const byAttempts = countBy(retried, (r) => `${r.attempts} attempts`);
  const retriedNote = retried.length ? `; ${retried.length} took more than one (${byAttempts.map((e) => `${e.key}: ${e.count}`).join(', ')})` : '; each at its first attempt';
  checks.push(check(undelivered.length === 0, `every outbox row delivered, none left: ${rows.length - undelivered.length} of ${rows.length}${retriedNote}`, undelivered.map((r) => `instance ${r.instance_id}: ${r.kind} row undelivered after ${r.attempts} attempts (${r.last_error ?? 'no error'})`)));

  // The workflows: each instance's started exactly once (one run of its id) and completed.
  const flows = await listWorkflows(x.client, `TenantId = '${tenantId}' AND WorkflowType = 'flowInstance'`);
  const runsOf = new Map<string, WorkflowExecutionInfo[]>();
  for (const w of flows) runsOf.set(w.workflowId, [...(runsOf.get(w.workflowId) ?? []), w]);
  const wanted = ids.map((id) => workflowIds.flow(tenantId, id));
  const runs = missingAndUnexpected(wanted, runsOf.keys());
  const twice = [...runsOf].filter(([, r]) => r.length > 1).map(([id, r]) => `${id}: ${r.length} runs (${r.map((w) => w.status.name).join(', ')})`);
  checks.push(check(runs.missing.length === 0 && runs.unexpected.length === 0 && twice.length === 0, `each instance's workflow started exactly once: ${runsOf.size} workflows, ${flows.length} runs, for ${ids.length} instances`, [...runs.missing.map((w) => `${w}: never started`), ...runs.unexpected.map((w) => `${w}: no instance of the drill`), ...twice]));
  const notCompleted = flows.filter((w) => w.status.name !== 'COMPLETED');
  checks.push(check(notCompleted.length === 0, `every flow workflow completed: ${flows.length - notCompleted.length} of ${flows.length}`, notCompleted.map((w) => `${w.workflowId}: ${w.status.name}`)));
  const failed = await listWorkflows(x.client, FAILED_STATUSES.map((s) => `ExecutionStatus = '${s}'`).join(' OR '));
  checks.push(check(failed.length === 0, `no workflow failed, timed out, was terminated or cancelled in the namespace (${failed.length})`, failed.map((w) => `${w.workflowId} (${w.type}): ${w.status.name}`)));
  const sample = ids.slice(0, 3);
  const timelines = await Promise.all(sample.map((id) => x.client.workflow.getHandle(workflowIds.flow(tenantId, id)).query(flowMessages.timelineQuery)));
  const wrongTimelines = timelines.filter((t) => t.status !== FINAL_STATUS || !t.endedAt);
  checks.push(check(wrongTimelines.length === 0, `the workflows' own timeline (query, ${sample.length} sampled) says ${FINAL_STATUS} and ended`, wrongTimelines.map((t) => `${t.instanceId}: ${t.status}${t.endedAt ? '' : ', not ended'}`)));

  // The notifications: two per instance in the log, each sent once, by one attempt.
  const logs = await select<{ id: string; instance_id: string; template_key: string; status: string; idempotency_key: string; attempts: number; sent_attempts: number; reference: string | null }>(
    `SELECT l.id, l.instance_id, l.template_key, l.status, l.idempotency_key,
            (SELECT count(*)::int FROM communication_attempts a WHERE a.log_id = l.id) AS attempts,
            (SELECT count(*)::int FROM communication_attempts a WHERE a.log_id = l.id AND a.status = 'sent') AS sent_attempts,
            (SELECT a.id::text FROM communication_attempts a WHERE a.log_id = l.id AND a.status = 'sent' LIMIT 1) AS reference
       FROM communication_log l WHERE l.tenant_id = $1`,
  );
  const expectedKinds = Object.values(TEMPLATES);
  const wrongSet = ids.filter((id) => {
    const mine = logs.filter((l) => l.instance_id === id).map((l) => l.template_key).sort();
    return mine.join() !== [...expectedKinds].sort().join();
  });
  checks.push(check(wrongSet.length === 0 && logs.length === ids.length * expectedKinds.length, `the communication log has each instance's ${expectedKinds.join(' and ')}, once each: ${logs.length} rows for ${ids.length} instances`, wrongSet.map((id) => `instance ${id}: ${logs.filter((l) => l.instance_id === id).map((l) => `${l.template_key} (${l.status})`).join(', ') || 'nothing'}`)));
  const keyDups = duplicatesBy(logs, (l) => l.idempotency_key);
  const notSent = logs.filter((l) => l.status !== 'sent' || l.sent_attempts !== 1 || l.attempts !== 1);
  checks.push(check(keyDups.length === 0 && notSent.length === 0, `each idempotency key once in the log, sent, by one attempt: ${logs.length - notSent.length} of ${logs.length} (duplicate keys ${keyDups.length})`, [...dupLines(keyDups), ...notSent.map((l) => `${l.idempotency_key}: ${l.status}, ${l.attempts} attempts (${l.sent_attempts} sent)`)]));

  // What the SMTP server really received: exactly the log's messages, none twice.
  const mail = x.received.filter((m) => m.tenantId === tenantId);
  const byReference = duplicatesBy(mail, (m) => m.reference);
  const refs = missingAndUnexpected(logs.flatMap((l) => (l.reference ? [l.reference] : [])), mail.map((m) => m.reference));
  const keyOfRef = new Map(logs.map((l) => [l.reference, `${l.idempotency_key} (instance ${l.instance_id})`]));
  const distinctMessages = new Set(mail.map((m) => m.messageId)).size;
  checks.push(check(distinctMessages === logs.length, `the SMTP server received as many messages (by Message-ID) as the log has: ${distinctMessages} for ${logs.length}; copies received in all ${mail.length}`));
  // One notification (recipient and subject: each instance has its own recipient, each template its subject)
  // under two references would be two attempts or two keys for one message: the idempotency failed.
  const twoAttempts = groupsWithSeveral(mail, (m) => `${m.to} / ${m.subject}`, (m) => m.reference);
  checks.push(check(twoAttempts.length === 0, `no notification went out under two attempts or keys (by recipient and subject: ${twoAttempts.length})`, twoAttempts.map((g) => `${g.key}: references ${g.values.join(', ')}`)));
  // The same reference twice is one attempt sent again: the send went out, but the bookkeeping after it did not
  // commit (the process died, or the database was away), so the retried activity repeated the send.
  // A copy with the same Message-ID is one a mail store may drop; another Message-ID is two messages to anyone.
  const copies = (ref: string) => {
    const of = mail.filter((m) => m.reference === ref);
    return `received at ${of.map((m) => seconds(m.receivedAt - x.t0)).join(' and ')}, ${new Set(of.map((m) => m.messageId)).size === 1 ? 'the same Message-ID' : 'different Message-IDs'}`;
  };
  // SMTP has no idempotency of its own: a worker killed between the server's "250 OK" and the commit of that fact
  // cannot know the message went, and sends it again. That copy carries the same Message-ID (the attempt's
  // reference), so a mail store drops it and the recipient sees one message; with another Message-ID it would be two.
  // Every copy is listed; only a second Message-ID fails the check.
  const twoMessages = byReference.filter((d) => new Set(mail.filter((m) => m.reference === d.key).map((m) => m.messageId)).size > 1);
  const resentLines = byReference.map((d) => `reference ${d.key} ×${d.count}, ${copies(d.key)}: key ${keyOfRef.get(d.key) ?? '(no log row)'}`);
  checks.push({
    ...check(twoMessages.length === 0, `no notification reached its recipient as two messages: ${byReference.length} attempt(s) sent again after a crash between the send and its record, each copy with the same Message-ID; with another Message-ID: ${twoMessages.length}`, resentLines),
    ...(twoMessages.length === 0 && resentLines.length > 0 ? { detail: firstOf(resentLines) } : {}),
  });
  checks.push(check(refs.missing.length === 0 && refs.unexpected.length === 0, `every message the log says was sent arrived, and nothing else: missing ${refs.missing.length}, unknown ${refs.unexpected.length}; other tenants' messages ${x.received.length - mail.length}`, [...refs.missing.map((r) => `not received: ${keyOfRef.get(r)}`), ...refs.unexpected.map((r) => `received, in no log row: reference ${r}`)]));
  return checks;
}
