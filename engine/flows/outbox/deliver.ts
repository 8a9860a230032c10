// Delivers one claimed outbox row to Temporal, idempotently: the workflow id comes from tenant and instance
// ids, a start finds an already running workflow (USE_EXISTING), a signal starts the workflow first if its
// start has not arrived yet (signal-with-start), and a workflow that has closed is never run again
// (REJECT_DUPLICATE). What the workflow is started with — flow key, version, status — is read from the instance
// row inside its tenant at delivery time, so the row itself holds ids only.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { QueryTypes } from 'sequelize';
import { flowMessages } from '../../../workflows';
import type { Database } from '../../db/database';
import { signalFlowWithStart, startFlowWorkflow, type FlowTemporal, type StartedInstance } from '../workflows';
import type { ClaimedRow } from './rows';
import { withCallDeadline } from '../../temporal/call-deadline';

/** What became of a row: told to its workflow, or nothing to tell any more (the instance or its workflow ended). */
export type DeliveryOutcome = 'delivered' | 'instanceEnded' | 'workflowClosed';

/** The row names an instance its tenant does not have (cannot happen while the foreign key holds). */
export class OutboxInstanceMissing extends Error {
  override readonly name = 'instance_missing';
}

async function loadInstance(db: Database, row: ClaimedRow): Promise<StartedInstance & { ended: boolean }> {
  const [found] = await db.withTenant(row.tenantId, (tx) =>
    db.sequelize.query<{ status: string; version: number; ended: boolean; key: string; module: string }>(
      'SELECT i.status, i.version, i.ended_at IS NOT NULL AS ended, d.key, d.module FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id WHERE i.id = $1',
      { bind: [row.instanceId], type: QueryTypes.SELECT, transaction: tx },
    ),
  );
  if (!found) throw new OutboxInstanceMissing();
  return { instanceId: row.instanceId, flowKey: found.key, module: found.module, version: found.version, status: found.status, ended: found.ended };
}

function tell(temporal: FlowTemporal, row: ClaimedRow, instance: StartedInstance): Promise<void> {
  switch (row.kind) {
    case 'start':
      return startFlowWorkflow(temporal, row.tenantId, instance);
    case 'event':
      return signalFlowWithStart(temporal, row.tenantId, instance, flowMessages.flowEventSignal, [{ type: String(row.payload.event) }]);
    case 'subjectChanged':
      return signalFlowWithStart(temporal, row.tenantId, instance, flowMessages.subjectChangedSignal, []);
    case 'migrate':
      return signalFlowWithStart(temporal, row.tenantId, instance, flowMessages.migrateSignal, [{ statusMap: row.payload.statusMap ?? {} }]);
  }
}

export async function deliverRow(deps: { db: Database; temporal: FlowTemporal; callTimeoutMs: number }, row: ClaimedRow): Promise<DeliveryOutcome> {
  const instance = await loadInstance(deps.db, row);
  if (instance.ended) return 'instanceEnded';
  try {
    // A deadline per call: with Temporal away, the client would otherwise retry for a long while, past the lease.
    await withCallDeadline(deps.temporal.client, deps.callTimeoutMs, () => tell(deps.temporal, row, instance));
    return 'delivered';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'workflowClosed';
    throw err;
  }
}
