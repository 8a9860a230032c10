// What the flow workflow's activities do, against the database: load what an instance runs (its version,
// parameters, the tenant's time zone, the subject's dates and the facts its conditions read), carry out an
// action once per idempotency key, record a decision, record the end. Every change audited in its own
// transaction; an action already done (same key) does nothing the second time.
import { QueryTypes } from 'sequelize';
import type { Actor } from '../actors';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/database';
import { inspectLogic } from '../../workflows/flow/core/logic';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import type { ActionInput, ActionResult, RuntimeDeps } from './action-types';
import { flowCtx, instanceRow } from './instance-store';
import { flowAction, subjectType } from './registry';
import { zoneOf } from './tenant-rules';

export type { ActionInput, ActionResult, RuntimeDeps } from './action-types';

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

/** Carries out one action of a rule through its handler (the platform's or a module's), once per key. */
export async function runAction(deps: RuntimeDeps, input: ActionInput): Promise<ActionResult> {
  const action = flowAction(input.action);
  if (!action) throw new Error(`no flow action "${input.action}" is installed`);
  return action.run({ ...deps, subjects: subjectType }, input);
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
