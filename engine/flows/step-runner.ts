// One activity per step of a flow (issue "The flow engine at scale"): the step's commands are carried out in one
// activity, in order, each still once per idempotency key (a retried activity skips what is done), and the first
// step is worked out in the same activity that loads the instance. Each activity costs the workflow a round trip
// and six history events, so a start rule with three actions went from five activities to one.
import { actionInputOf, contextOf } from '../../workflows/flow/core/run-inputs';
import { start } from '../../workflows/flow/core/step';
import type { FlowCommand, FlowState } from '../../workflows/flow/core/types';
import type { ActionResult, RuntimeDeps } from './action-types';
import { loadFlowRun, runAction, type FlowRun } from './runtime';

export interface StepInput {
  tenantId: string;
  instanceId: string;
  commands: FlowCommand[];
}

export interface BegunRun {
  run: FlowRun;
  state: FlowState;
  commands: FlowCommand[];
  /** One per command, in the same order. */
  results: ActionResult[];
}

/** Carries out a step's commands one after another (a later action may need an earlier one's row: createTask, then notify). */
export async function runStep(deps: RuntimeDeps, input: StepInput): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const c of input.commands) {
    results.push(await runAction(deps, actionInputOf(input.tenantId, input.instanceId, c)));
  }
  return results;
}

/**
 * Loads the instance, starts it at `at` (when the workflow was started, i.e. submitted: the first timers count from
 * there, not from when a busy worker first ran it) and carries out the start's commands.
 */
export async function beginRun(deps: RuntimeDeps, input: { tenantId: string; instanceId: string; at: string }): Promise<BegunRun> {
  const run = await loadFlowRun(deps, input.tenantId, input.instanceId);
  const { state, commands } = start(run.definition, contextOf(run), input.at, run.dates);
  const results = await runStep(deps, { tenantId: input.tenantId, instanceId: input.instanceId, commands });
  return { run, state, commands, results };
}
