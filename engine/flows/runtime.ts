// What the flow workflow's activities do, against the database: load what an instance runs (its version,
// parameters, the tenant's time zone, the subject's dates and the facts its conditions read), carry out an
// action once per idempotency key, record a decision, record the end. Every change audited in its own
// transaction; an action already done (same key) does nothing the second time.
import { createHash } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { DateTime } from 'luxon';
import type { Actor } from '../actors';
import { systemActor } from '../actors';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { renderTemplate, type Locale, type MessageTemplate } from '../messages/templates';
import type { ChannelName, Channels } from '../messages/channels';
import { inspectLogic } from '../../workflows/flow/core/logic';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { subjectType } from './registry';
import { zoneOf } from './tenant-rules';
import './subjects';

export interface RuntimeDeps {
  db: Database;
  keyring: Keyring;
  channels?: Channels;
}

export interface FlowRun {
  instanceId: string;
  definitionId: string;
  flowKey: string;
  module: string;
  version: number;
  definition: FlowDefinition;
  parameters: Record<string, unknown>;
  zone: string;
  status: string;
  dates: Record<string, string>;
  facts: Record<string, unknown>;
}

interface InstanceRow {
  definition_id: string;
  key: string;
  module: string;
  version: number;
  definition: FlowDefinition;
  parameters: Record<string, unknown>;
  status: string;
  subject_type: string;
  subject_id: string;
  country: string;
  tenant_name: string;
  default_locale: Locale;
  settings: { contact?: { email?: string } };
}

const flowCtx = (tenantId: string): CommandContext => ({ tenantId, actor: systemActor(tenantId, 'flow') });

async function instanceRow(db: Database, tx: Transaction, instanceId: string): Promise<InstanceRow> {
  const [row] = await db.sequelize.query<InstanceRow>(
    `SELECT i.definition_id, d.key, d.module, i.version, v.definition, v.parameters, i.status, i.subject_type, i.subject_id,
            t.country, t.name AS tenant_name, t.default_locale, t.settings
       FROM flow_instances i
       JOIN flow_versions v ON v.tenant_id = i.tenant_id AND v.definition_id = i.definition_id AND v.version = i.version
       JOIN flow_definitions d ON d.id = i.definition_id
       JOIN tenants t ON t.id = i.tenant_id
      WHERE i.id = $1`,
    { bind: [instanceId], type: QueryTypes.SELECT, transaction: tx },
  );
  if (!row) throw new NotFoundError('no such flow instance');
  return row;
}

/** The `var`s the definition's conditions read: only those facts are fetched (data minimisation). */
function conditionVars(def: FlowDefinition): string[] {
  return [...new Set((def.rules ?? []).flatMap((r) => (r.if === undefined ? [] : inspectLogic(r.if).vars)))];
}

export async function loadFlowRun({ db, keyring }: RuntimeDeps, tenantId: string, instanceId: string): Promise<FlowRun> {
  return db.withTenant(tenantId, async (tx) => {
    const row = await instanceRow(db, tx, instanceId);
    const subject = await subjectType(row.subject_type).load({ db, keyring }, tx, flowCtx(tenantId), row.subject_id, conditionVars(row.definition));
    return {
      instanceId,
      definitionId: row.definition_id,
      flowKey: row.key,
      module: row.module,
      version: row.version,
      definition: row.definition,
      parameters: row.parameters,
      zone: zoneOf(row.country),
      status: row.status,
      dates: subject.dates,
      facts: subject.facts,
    };
  });
}

/** Records the key; false when it was recorded before (the action was already carried out). */
async function firstTime(db: Database, tx: Transaction, tenantId: string, key: string, action: string): Promise<boolean> {
  const rows = await db.sequelize.query('INSERT INTO flow_effects (tenant_id, idempotency_key, action) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', {
    bind: [tenantId, key, action],
    type: QueryTypes.SELECT,
    transaction: tx,
  });
  return rows.length > 0;
}

/** A uuid derived from the idempotency key, so a retried startChildFlow creates the same child. */
function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ActionInput {
  tenantId: string;
  instanceId: string;
  /** `<instance>/<rule>@<anchor>#<occurrence>/<action index>`: unique per instance, rule, occurrence and action. */
  key: string;
  rule: string;
  action: string;
  config: Record<string, unknown>;
  at: string;
}

export interface ActionResult {
  done: boolean;
  child?: { instanceId: string; flowKey: string; module: string; version: number; status: string };
  sent?: { channel: ChannelName; status: string }[];
}

export async function runAction(deps: RuntimeDeps, input: ActionInput): Promise<ActionResult> {
  if (input.action === 'notify') return notify(deps, input);
  const { db } = deps;
  const ctx = flowCtx(input.tenantId);
  return db.withTenant(input.tenantId, async (tx) => {
    if (!(await firstTime(db, tx, input.tenantId, input.key, input.action))) {
      return input.action === 'startChildFlow' ? { done: false, child: await childOf(db, tx, uuidFromKey(input.key)) } : { done: false };
    }
    const entity = { entityType: 'flowInstance', entityId: input.instanceId };
    switch (input.action) {
      case 'setStatus': {
        const status = String(input.config.status);
        await db.sequelize.query('UPDATE flow_instances SET status = $2 WHERE id = $1', { bind: [input.instanceId, status], transaction: tx });
        await recordAudit(db, tx, ctx, { action: 'flowInstance.statusChanged', ...entity, summary: { status, rule: input.rule } });
        return { done: true };
      }
      case 'createTask': {
        const c = input.config as { task: string; role: string; title: object; decisions: object[]; form?: string };
        const [task] = await db.sequelize.query<{ id: string }>(
          'INSERT INTO flow_tasks (tenant_id, instance_id, task_key, role, title, decisions, form_id, opened_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id',
          { bind: [input.tenantId, input.instanceId, c.task, c.role, JSON.stringify(c.title), JSON.stringify(c.decisions), c.form ?? null, input.at, input.key], type: QueryTypes.SELECT, transaction: tx },
        );
        await recordAudit(db, tx, ctx, { action: 'flowTask.opened', entityType: 'flowTask', entityId: task!.id, summary: { instance: input.instanceId, task: c.task, role: c.role } });
        return { done: true };
      }
      case 'deletePersonalData': {
        const row = await instanceRow(db, tx, input.instanceId);
        const { erased } = await subjectType(row.subject_type).deletePersonalData({ db, keyring: deps.keyring }, tx, ctx, row.subject_id, { keepWithConsent: input.config.keepWithConsent === true });
        await recordAudit(db, tx, ctx, { action: 'flowInstance.personalDataDeleted', ...entity, summary: { erased, rule: input.rule } });
        return { done: true };
      }
      case 'startChildFlow': {
        const parent = await instanceRow(db, tx, input.instanceId);
        const [latest] = await db.sequelize.query<{ id: string; latest_version: number }>('SELECT id, latest_version FROM flow_definitions WHERE key = $1 AND latest_version > 0', { bind: [String(input.config.flow)], type: QueryTypes.SELECT, transaction: tx });
        if (!latest) throw new NotFoundError(`no published flow "${String(input.config.flow)}"`);
        const childId = uuidFromKey(input.key);
        await createInstanceRow(db, tx, ctx, { id: childId, definitionId: latest.id, version: latest.latest_version, subjectType: parent.subject_type, subjectId: parent.subject_id, parent: input.instanceId });
        return { done: true, child: await childOf(db, tx, childId) };
      }
      default:
        // Core actions (extendDeadline) changed the instance's own state; the record is the audit row.
        await recordAudit(db, tx, ctx, { action: `flowInstance.${input.action}`, ...entity, summary: { rule: input.rule, ...input.config } });
        return { done: true };
    }
  });
}

async function childOf(db: Database, tx: Transaction, id: string): Promise<ActionResult['child']> {
  const row = await instanceRow(db, tx, id);
  return { instanceId: id, flowKey: row.key, module: row.module, version: row.version, status: row.status };
}

export interface NewInstance {
  id?: string;
  definitionId: string;
  version: number;
  subjectType: string;
  subjectId: string;
  parent?: string;
}

/** The instance row, in the initial status of its version; audited. The caller starts its workflow after commit. */
export async function createInstanceRow(db: Database, tx: Transaction, ctx: CommandContext, n: NewInstance): Promise<{ id: string; status: string }> {
  const [v] = await db.sequelize.query<{ definition: FlowDefinition }>('SELECT definition FROM flow_versions WHERE definition_id = $1 AND version = $2', { bind: [n.definitionId, n.version], type: QueryTypes.SELECT, transaction: tx });
  if (!v) throw new NotFoundError('no such flow version');
  const initial = (v.definition.statuses ?? []).find((s) => s.initial) ?? v.definition.statuses?.[0];
  const [row] = await db.sequelize.query<{ id: string; status: string }>(
    `INSERT INTO flow_instances (id, tenant_id, definition_id, version, subject_type, subject_id, status)
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET status = flow_instances.status RETURNING id, status`,
    { bind: [n.id ?? null, ctx.tenantId, n.definitionId, n.version, n.subjectType, n.subjectId, initial?.key ?? 'started'], type: QueryTypes.SELECT, transaction: tx },
  );
  await recordAudit(db, tx, ctx, { action: 'flowInstance.started', entityType: 'flowInstance', entityId: row!.id, summary: { flow: n.definitionId, version: n.version, subjectType: n.subjectType, ...(n.parent ? { parent: n.parent } : {}) } });
  return row!;
}

async function notify(deps: RuntimeDeps, input: ActionInput): Promise<ActionResult> {
  const { db } = deps;
  const c = input.config as { template: string; recipient: 'subject' | 'caseworkers'; channels: ChannelName[] };
  // Read everything in one transaction, then send outside it: a slow SMTP server must not hold a connection.
  const prepared = await db.withTenant(input.tenantId, async (tx) => {
    const row = await instanceRow(db, tx, input.instanceId);
    const [template] = await db.sequelize.query<MessageTemplate>('SELECT key, subject, body FROM message_templates WHERE key = $1', { bind: [c.template], type: QueryTypes.SELECT, transaction: tx });
    const subject = await subjectType(row.subject_type).load({ db, keyring: deps.keyring }, tx, flowCtx(input.tenantId), row.subject_id, []);
    const locale = subject.locale ?? row.default_locale;
    const statusLabel = row.definition.statuses?.find((s) => s.key === row.status)?.label?.[locale] ?? row.status;
    const fields = {
      municipality: row.tenant_name,
      flowName: row.definition.name?.[locale] ?? row.key,
      status: statusLabel,
      date: DateTime.fromISO(subject.dates.submittedAt ?? input.at, { zone: zoneOf(row.country) }).setLocale(locale).toLocaleString(DateTime.DATE_FULL),
      ...subject.mergeFields,
    };
    const to = c.recipient === 'subject' ? subject.email : row.settings.contact?.email;
    return { template, locale, fields, to, recipient: c.recipient === 'subject' ? `subject:${row.subject_type}/${row.subject_id}` : 'caseworkers' };
  });
  const sent: NonNullable<ActionResult['sent']> = [];
  for (const channelName of c.channels) {
    const logKey = `${input.key}/${channelName}`;
    const status = await db.withTenant(input.tenantId, async (tx) => {
      const [existing] = await db.sequelize.query<{ status: string }>('SELECT status FROM communication_log WHERE idempotency_key = $1', { bind: [logKey], type: QueryTypes.SELECT, transaction: tx });
      if (existing) return existing.status;
      const initial = !prepared.template ? 'failed' : !prepared.to ? 'noAddress' : 'queued';
      await db.sequelize.query('INSERT INTO communication_log (tenant_id, instance_id, template_key, channel, recipient, locale, status, error, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', {
        bind: [input.tenantId, input.instanceId, c.template, channelName, prepared.recipient, prepared.locale, initial, prepared.template ? null : 'no such template', logKey],
        transaction: tx,
      });
      await recordAudit(db, tx, flowCtx(input.tenantId), { action: 'message.queued', entityType: 'flowInstance', entityId: input.instanceId, summary: { template: c.template, channel: channelName, recipient: c.recipient, status: initial } });
      return initial;
    });
    if (status !== 'queued' && status !== 'failed') {
      sent.push({ channel: channelName, status });
      continue;
    }
    if (!prepared.template || !prepared.to) {
      sent.push({ channel: channelName, status });
      continue;
    }
    const channel = deps.channels?.[channelName];
    const rendered = renderTemplate(prepared.template, prepared.locale, prepared.fields);
    let result: { status: string; error: string | null; messageId: string | null };
    try {
      if (!channel) throw new Error(`channel ${channelName} is not configured`);
      const { messageId } = await channel.send({ tenantId: input.tenantId, to: prepared.to, subject: rendered.subject, body: rendered.body, reference: logKey });
      result = { status: 'sent', error: null, messageId };
    } catch (err) {
      result = { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'send failed', messageId: null };
    }
    await db.withTenant(input.tenantId, async (tx) => {
      await db.sequelize.query("UPDATE communication_log SET status = $2, error = $3, message_id = $4, sent_at = CASE WHEN $2 = 'sent' THEN now() END WHERE idempotency_key = $1", { bind: [logKey, result.status, result.error, result.messageId], transaction: tx });
      await recordAudit(db, tx, flowCtx(input.tenantId), { action: result.status === 'sent' ? 'message.sent' : 'message.failed', entityType: 'flowInstance', entityId: input.instanceId, summary: { template: c.template, channel: channelName } });
    });
    // A failed send is retried by the activity's retry policy; the log row says why meanwhile.
    if (result.status === 'failed') throw new Error(`sending ${c.template} by ${channelName} failed: ${result.error}`);
    sent.push({ channel: channelName, status: 'sent' });
  }
  return { done: true, sent };
}

/** Writes the decision on the task row, audited as the deciding person. Refuses a task already decided. */
export async function recordDecision(db: Database, input: { tenantId: string; instanceId: string; task: string; decision: string; actorId: string; at: string }): Promise<void> {
  const actor: Actor = { kind: 'user', tenantId: input.tenantId, id: input.actorId, displayName: '', roles: [] };
  await db.withTenant(input.tenantId, async (tx) => {
    const rows = await db.sequelize.query<{ id: string }>(
      'UPDATE flow_tasks SET decision = $3, decided_by = $4, decided_at = $5 WHERE instance_id = $1 AND task_key = $2 AND decision IS NULL RETURNING id',
      { bind: [input.instanceId, input.task, input.decision, input.actorId, input.at], type: QueryTypes.SELECT, transaction: tx },
    );
    if (rows.length === 0) return; // a retry after the row was written
    await recordAudit(db, tx, { tenantId: input.tenantId, actor }, { action: 'flowTask.decided', entityType: 'flowTask', entityId: rows[0]!.id, summary: { instance: input.instanceId, task: input.task, decision: input.decision } });
  });
}

export async function recordEnd(db: Database, input: { tenantId: string; instanceId: string; status: string; at: string }): Promise<void> {
  await db.withTenant(input.tenantId, async (tx) => {
    const rows = await db.sequelize.query('UPDATE flow_instances SET status = $2, ended_at = $3 WHERE id = $1 AND ended_at IS NULL RETURNING 1', { bind: [input.instanceId, input.status, input.at], type: QueryTypes.SELECT, transaction: tx });
    if (rows.length) await recordAudit(db, tx, flowCtx(input.tenantId), { action: 'flowInstance.ended', entityType: 'flowInstance', entityId: input.instanceId, summary: { status: input.status } });
  });
}
