// Reading and writing flow instances for the activities and the actions: the row an instance runs from, the
// once-only record of an action's idempotency key, and a new instance's row. No registry here, so actions
// (the platform's and the modules') can use it without an import cycle.
import { createHash, randomUUID } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { systemActor } from '../actors';
import { recordAudit, recordAudits, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { inOneStatement, type StatementPart } from '../db/one-statement';
import { NotFoundError } from '../errors';
import type { Locale } from '../messages/templates';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import type { ActionResult } from './action-types';

export interface InstanceRow {
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

/** The flow engine acts as the tenant's system actor. */
export const flowCtx = (tenantId: string): CommandContext => ({ tenantId, actor: systemActor(tenantId, 'flow') });

export async function instanceRow(db: Database, tx: Transaction, instanceId: string): Promise<InstanceRow> {
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

/** Records the key; false when it was recorded before (the action was already carried out). */
export async function firstTime(db: Database, tx: Transaction, tenantId: string, key: string, action: string): Promise<boolean> {
  const rows = await db.sequelize.query('INSERT INTO flow_effects (tenant_id, idempotency_key, action) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', {
    bind: [tenantId, key, action],
    type: QueryTypes.SELECT,
    transaction: tx,
  });
  return rows.length > 0;
}

/** A uuid derived from the idempotency key, so a retried startChildFlow creates the same child. */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function childOf(db: Database, tx: Transaction, id: string): Promise<ActionResult['child']> {
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

/** The instance row, in the initial status of its version; audited. Its workflow is started through the outbox. */
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

/** An audit row to be written later, together with others (recordAudits). */
export type PendingAudit = Parameters<typeof recordAudits>[2][number];

/** A flow version to start instances of, with its definition once read. */
export interface StartingFlow {
  definitionId: string;
  version: number;
  subjectType: string;
  definition: FlowDefinition;
}

/**
 * Many instances of one flow version, each for its own subject and audited with its own actor, in one INSERT:
 * what createInstanceRow does for each, for a command that starts several at once (a group commit). The version's
 * definition is read unless given; the audit rows are written unless `audits` collects them for the caller to
 * write with its own. Answers the instance ids in the subjects' order.
 */
export async function createInstanceRows(
  db: Database,
  tx: Transaction,
  flow: { definitionId: string; version: number; subjectType: string; definition?: FlowDefinition },
  subjects: { ctx: CommandContext; subjectId: string }[],
  audits?: PendingAudit[],
): Promise<string[]> {
  if (subjects.length === 0) return [];
  let definition = flow.definition;
  if (!definition) {
    const [v] = await db.sequelize.query<{ definition: FlowDefinition }>('SELECT definition FROM flow_versions WHERE definition_id = $1 AND version = $2', { bind: [flow.definitionId, flow.version], type: QueryTypes.SELECT, transaction: tx });
    if (!v) throw new NotFoundError('no such flow version');
    definition = v.definition;
  }
  const rowsToAudit: PendingAudit[] = [];
  const { ids, part } = instanceRowsPart({ ...flow, definition }, subjects, rowsToAudit);
  await inOneStatement(db, tx, [part]);
  if (audits) audits.push(...rowsToAudit);
  else await recordAudits(db, tx, rowsToAudit);
  return ids;
}

/**
 * createInstanceRows as a part of a statement (engine/db/one-statement.ts): the ids are made here, so the outbox
 * rows that start them (flowGateway.startManyPart) can be written in the same statement. Their audit rows go into
 * `audits`.
 */
export function instanceRowsPart(flow: StartingFlow, subjects: { ctx: CommandContext; subjectId: string }[], audits: PendingAudit[]): { ids: string[]; part: StatementPart } {
  const initial = (flow.definition.statuses ?? []).find((s) => s.initial) ?? flow.definition.statuses?.[0];
  const ids = subjects.map(() => randomUUID());
  audits.push(...subjects.map((s, i) => ({ ctx: s.ctx, event: { action: 'flowInstance.started', entityType: 'flowInstance', entityId: ids[i]!, summary: { flow: flow.definitionId, version: flow.version, subjectType: flow.subjectType } } })));
  const part: StatementPart = (p) => `INSERT INTO flow_instances (id, tenant_id, definition_id, version, subject_type, subject_id, status)
     SELECT x.id, x.tenant_id, ${p.add(flow.definitionId)}::uuid, ${p.add(flow.version)}::int, ${p.add(flow.subjectType)}, x.subject_id, ${p.add(initial?.key ?? 'started')}
       FROM unnest(${p.arrays([
         [ids, 'uuid'],
         [subjects.map((s) => s.ctx.tenantId), 'uuid'],
         [subjects.map((s) => s.subjectId), 'uuid'],
       ])}) WITH ORDINALITY AS x(id, tenant_id, subject_id, ord)
      ORDER BY x.ord`;
  return { ids, part };
}

/**
 * The common shape of an action that changes the database: in the tenant's transaction, once per key. A second
 * run with the same key (a retried activity) does nothing and answers `done: false` (or what `again` says).
 */
export async function once(db: Database, input: { tenantId: string; key: string; action: string }, run: (tx: Transaction, ctx: CommandContext) => Promise<ActionResult>, again: (tx: Transaction) => Promise<ActionResult> = async () => ({ done: false })): Promise<ActionResult> {
  return db.withTenant(input.tenantId, async (tx) => ((await firstTime(db, tx, input.tenantId, input.key, input.action)) ? run(tx, flowCtx(input.tenantId)) : again(tx)));
}
