// Starting one of the module's own workflows (bulk deletion, registry refresh, post-election deletion, group
// message): its id made from the tenant's and its row's ids (`tenant/<tenantId>/<kind>/<id>`), ids as its input,
// its search attributes the tenant, the module and a status word — nothing about a person. A start finds a running
// workflow of the same id (USE_EXISTING); a closed one is run again only if it did not complete (terminated,
// failed, timed out: ALLOW_DUPLICATE_FAILED_ONLY), and it carries on from its rows. A schedule that is meant to
// start again after it completed says so (`again: 'always'`).
import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import type { FlowTemporal } from '../../flows/workflows';
import { withCallDeadline } from '../../temporal/call-deadline';
import { FlowStatusKey, ModuleKey, TenantIdKey } from '../../temporal/search-attributes';

export interface ModuleWorkflowStart<I> {
  workflowId: string;
  tenantId: string;
  /** Ids only. */
  input: I;
  /** The FlowStatus search attribute it starts with ('running', 'waiting', 'scheduled'). */
  status: string;
  again?: 'ifFailed' | 'always';
}

/** Idempotent: a second start of the same workflow id finds it running, or completed. */
export async function startModuleWorkflow<I>(t: FlowTemporal, workflow: (input: I) => Promise<unknown>, s: ModuleWorkflowStart<I>): Promise<void> {
  try {
    await t.client.workflow.start(workflow, {
      workflowId: s.workflowId,
      taskQueue: t.taskQueue,
      args: [s.input],
      typedSearchAttributes: new TypedSearchAttributes([
        { key: TenantIdKey, value: s.tenantId },
        { key: ModuleKey, value: 'election' },
        { key: FlowStatusKey, value: s.status },
      ]),
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: s.again === 'always' ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    });
  } catch (err) {
    // Its workflow completed: its row says how it ended already, or will in a moment.
    if (err instanceof WorkflowExecutionAlreadyStartedError) return;
    throw err;
  }
}

/** How long an administrator's request waits for Temporal to take a start. */
const START_DEADLINE_MS = 5_000;

/**
 * A start on an administrator's request, once the request is committed: with a deadline, as with Temporal away the
 * client would retry for a long while and the administrator would wait. A start that fails does not undo the
 * committed request: the module's resumers start it later, so the answer is the same either way.
 */
export async function startAfterRequest(t: FlowTemporal, start: () => Promise<void>): Promise<void> {
  await withCallDeadline(t.client, START_DEADLINE_MS, start).catch(() => undefined);
}
