// The flow interpreter's activities: thin wrappers over engine/flows/runtime.ts, which does the work against
// the database. The workflow gives every action an idempotency key, so a retried activity does nothing twice.
import { loadFlowRun, recordDecision, recordEnd, runAction, type ActionInput, type ActionResult, type FlowRun, type RuntimeDeps } from '../engine/flows/runtime';
import { beginRun, runStep, type BegunRun, type StepInput } from '../engine/flows/step-runner';
import type { ActivityDeps } from './index';

function runtime(deps: ActivityDeps): RuntimeDeps {
  if (!deps.keyring) throw new Error('flow activities need the keyring (ActivityDeps.keyring)');
  return { db: deps.db, keyring: deps.keyring, ...(deps.channels ? { channels: deps.channels } : {}), ...(deps.registry ? { registry: deps.registry } : {}), ...(deps.publicOrigin ? { publicOrigin: deps.publicOrigin } : {}) };
}

export function createFlowActivities(deps: ActivityDeps) {
  return {
    /** The instance's version, parameters and time zone, and the subject's dates and the facts its conditions read. */
    async loadFlowRun(input: { tenantId: string; instanceId: string }): Promise<FlowRun> {
      return loadFlowRun(runtime(deps), input.tenantId, input.instanceId);
    },

    async runFlowAction(input: ActionInput): Promise<ActionResult> {
      return runAction(runtime(deps), input);
    },

    /** loadFlowRun, the pure start and its commands in one activity (workflows started since one-activity-per-step). */
    async beginFlowRun(input: { tenantId: string; instanceId: string; at: string }): Promise<BegunRun> {
      return beginRun(runtime(deps), input);
    },

    /** Every command of one step, in order, each once per idempotency key. */
    async runFlowStep(input: StepInput): Promise<ActionResult[]> {
      return runStep(runtime(deps), input);
    },

    async recordFlowDecision(input: { tenantId: string; instanceId: string; task: string; decision: string; actorId: string; at: string }): Promise<void> {
      return recordDecision(deps.db, input);
    },

    async recordFlowEnd(input: { tenantId: string; instanceId: string; status: string; at: string }): Promise<void> {
      return recordEnd(deps.db, input);
    },
  };
}
