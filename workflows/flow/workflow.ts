// One workflow type runs every flow. It loads the instance's version through an activity, then repeats:
// wait for the next due time (computed from the state by the pure core) or a message; give the input to
// step(); carry out the commands as activities with idempotency keys; keep FlowStatus current. It continues
// as new when the server suggests it, carrying the state; it ends when the core says the instance has ended.
// Since the patch ONE_ACTIVITY_PER_STEP a step's commands go in one activity (runFlowStep) and the load and the
// start are one activity (beginFlowRun), started at the workflow's start time; older histories replay the
// activity-per-command path unchanged. Since the patch LOCAL_STEP_ACTIVITIES those two run as local activities:
// in the workflow task that asked for them, recorded as one marker each, with no activity task through the
// server (bench:flows: the server's per-instance work, not the worker, set the pace). They stay idempotent per
// command, as a local activity is retried like any other when its worker dies.
import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, ParentClosePolicy, patched, proxyActivities, proxyLocalActivities, setHandler, startChild, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { closeProblem, decisionProblem, extensionProblem, FlowInputError, nextDue, start, step } from './core/step';
import { actionInputOf, contextOf } from './core/run-inputs';
import type { FlowCommand, FlowInput, FlowState } from './core/types';
import { closeDeadlineUpdate, decideUpdate, extendDeadlineUpdate, flowEventSignal, migrateSignal, subjectChangedSignal, timelineQuery, type FlowTimeline, type FlowWorkflowInput } from './messages';

const ACTIVITY_OPTIONS = { startToCloseTimeout: '1 minute', retry: { maximumInterval: '10 minutes' } } as const;
const { loadFlowRun, beginFlowRun, runFlowAction, runFlowStep, recordFlowDecision, recordFlowEnd } = proxyActivities<Activities>(ACTIVITY_OPTIONS);
const localSteps = proxyLocalActivities<Pick<Activities, 'beginFlowRun' | 'runFlowStep'>>(ACTIVITY_OPTIONS);

/** One activity per step, and the first step in the loading activity (issue "The flow engine at scale"). */
export const ONE_ACTIVITY_PER_STEP = 'one-activity-per-step';
/** Those step activities as local activities (same issue). */
export const LOCAL_STEP_ACTIVITIES = 'local-step-activities';

/** Events per history before continuing as new, whatever the server suggests. */
const MAX_HISTORY_EVENTS = 5000;
// Search attribute names as literals: the workflow bundle may not import engine/ (see eslint.config.mjs).
const FLOW_KEY = { name: 'FlowKey', type: 'KEYWORD' } as const;
const FLOW_STATUS = { name: 'FlowStatus', type: 'KEYWORD' } as const;
const FLOW_VERSION = { name: 'FlowVersion', type: 'INT' } as const;

type ActionResult = Awaited<ReturnType<Activities['runFlowAction']>>;
type Queued = { id: number; input: FlowInput | { kind: 'reload'; at: string; statusMap?: Record<string, string> } };

const nowIso = () => new Date().toISOString();

/** The step activities this run uses: local ones since LOCAL_STEP_ACTIVITIES, activity tasks in older histories. */
const stepActivities = () => (patched(LOCAL_STEP_ACTIVITIES) ? localSteps : { beginFlowRun, runFlowStep });

export async function flowInstance(input: FlowWorkflowInput, carried?: FlowState): Promise<void> {
  const { tenantId, instanceId } = input;
  let run: Awaited<ReturnType<typeof loadFlowRun>>;
  let state: FlowState;
  let pending: FlowCommand[] = [];
  let begun: { commands: FlowCommand[]; results: ActionResult[] } | undefined;
  if (!carried && patched(ONE_ACTIVITY_PER_STEP)) {
    const b = await stepActivities().beginFlowRun({ tenantId, instanceId, at: workflowInfo().startTime.toISOString() });
    ({ run, state } = b);
    begun = b;
  } else {
    run = await loadFlowRun({ tenantId, instanceId });
    if (carried) state = carried;
    else ({ state, commands: pending } = start(run.definition, contextOf(run), nowIso(), run.dates));
  }
  let ctx = contextOf(run);

  const inbox: Queued[] = [];
  const outcomes = new Map<number, string | undefined>();
  let nextId = 0;
  const enqueue = (item: Omit<Queued, 'id'>): number => {
    const id = ++nextId;
    inbox.push({ id, ...item });
    return id;
  };
  const timeline = (): FlowTimeline => {
    const due = nextDue(run.definition, ctx, state);
    return {
      instanceId,
      flowKey: run.flowKey,
      version: run.version,
      status: state.status,
      startedAt: state.startedAt,
      ...(state.endedAt ? { endedAt: state.endedAt } : {}),
      ...(due ? { nextDue: { at: due.at, rule: due.rule } } : {}),
      tasks: Object.values(state.tasks),
      timeline: state.timeline,
    };
  };
  const settled = async (id: number): Promise<FlowTimeline> => {
    await condition(() => outcomes.has(id));
    const problem = outcomes.get(id);
    if (problem) throw ApplicationFailure.create({ type: 'FlowInputRefused', message: problem, nonRetryable: true });
    return timeline();
  };

  setHandler(flowEventSignal, ({ type }) => void enqueue({ input: { kind: 'event', at: nowIso(), type } }));
  setHandler(subjectChangedSignal, () => void enqueue({ input: { kind: 'reload', at: nowIso() } }));
  setHandler(migrateSignal, ({ statusMap }) => void enqueue({ input: { kind: 'reload', at: nowIso(), statusMap } }));
  setHandler(timelineQuery, timeline);
  setHandler(decideUpdate, ({ task, decision, actor }) => settled(enqueue({ input: { kind: 'decide', at: nowIso(), task, decision, by: actor.id } })), {
    validator: ({ task, decision, actor }) => {
      const problem = decisionProblem(state, task, decision);
      if (problem) throw new Error(problem);
      const role = state.tasks[task]!.role;
      if (!actor.roles.includes(role)) throw new Error(`only the role "${role}" decides task "${task}"`);
    },
  });
  setHandler(extendDeadlineUpdate, ({ deadline, by, actor }) => settled(enqueue({ input: { kind: 'extendDeadline', at: nowIso(), deadline, by, actor: actor.id } })), {
    validator: ({ deadline, by, actor }) => {
      const problem = extensionProblem(run.definition, ctx, state, deadline, by, nowIso());
      if (problem) throw new Error(problem);
      const role = run.definition.deadlines!.find((d) => d.key === deadline)!.extension!.role;
      if (!actor.roles.includes(role)) throw new Error(`only the role "${role}" extends deadline "${deadline}"`);
    },
  });
  // A new handler only: histories without this Update replay unchanged, so no patch is needed.
  setHandler(closeDeadlineUpdate, ({ deadline, actor }) => settled(enqueue({ input: { kind: 'closeDeadline', at: nowIso(), deadline, actor: actor.id } })), {
    validator: ({ deadline, actor }) => {
      const problem = closeProblem(run.definition, ctx, state, deadline, nowIso());
      if (problem) throw new Error(problem);
      const role = run.definition.deadlines!.find((d) => d.key === deadline)!.extension!.role;
      if (!actor.roles.includes(role)) throw new Error(`only the role "${role}" closes deadline "${deadline}" early`);
    },
  });

  const startChildOf = async (c: FlowCommand, result: ActionResult): Promise<void> => {
    if (c.action !== 'startChildFlow' || !result.child) return;
    const child = result.child;
    await startChild(flowInstance, {
      workflowId: `tenant/${tenantId}/flow/${child.instanceId}`,
      args: [{ tenantId, instanceId: child.instanceId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: workflowInfo().typedSearchAttributes.updateCopy([
        { key: FLOW_KEY, value: child.flowKey },
        { key: FLOW_VERSION, value: child.version },
        { key: FLOW_STATUS, value: child.status },
      ]),
    });
  };
  const startChildren = async (commands: FlowCommand[], results: ActionResult[]): Promise<void> => {
    for (const [i, c] of commands.entries()) await startChildOf(c, results[i]!);
  };
  const carryOut = async (commands: FlowCommand[]): Promise<void> => {
    if (commands.length === 0) return;
    if (patched(ONE_ACTIVITY_PER_STEP)) return startChildren(commands, await stepActivities().runFlowStep({ tenantId, instanceId, commands }));
    for (const c of commands) await startChildOf(c, await runFlowAction(actionInputOf(tenantId, instanceId, c)));
  };

  let reportedStatus = carried ? state.status : run.status;
  const reportStatus = () => {
    if (state.status === reportedStatus) return;
    upsertSearchAttributes([{ key: FLOW_STATUS, value: state.status }]);
    reportedStatus = state.status;
  };

  if (begun) await startChildren(begun.commands, begun.results);
  await carryOut(pending);
  reportStatus();
  while (!state.endedAt) {
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS) {
      await condition(allHandlersFinished);
      if (inbox.length === 0) return continueAsNew<typeof flowInstance>(input, state);
    }
    const due = nextDue(run.definition, ctx, state);
    if (inbox.length === 0) {
      if (due) await condition(() => inbox.length > 0, Math.max(1, Date.parse(due.at) - Date.now()));
      else await condition(() => inbox.length > 0);
    }
    const item = inbox.shift();
    try {
      if (item?.input.kind === 'reload') {
        run = await loadFlowRun({ tenantId, instanceId });
        ctx = contextOf(run);
        if (item.input.statusMap?.[state.status]) state = { ...state, status: item.input.statusMap[state.status]! };
        if (item.input.statusMap) upsertSearchAttributes([{ key: FLOW_VERSION, value: run.version }]);
        const result = step(run.definition, ctx, state, { kind: 'datesChanged', at: item.input.at, dates: run.dates });
        state = result.state;
        await carryOut(result.commands);
      } else {
        const next: FlowInput = item ? item.input : { kind: 'tick', at: nowIso() };
        // Pure first: a refused input changes nothing and writes nothing.
        const result = step(run.definition, ctx, state, next);
        if (next.kind === 'decide') await recordFlowDecision({ tenantId, instanceId, task: next.task, decision: next.decision, actorId: next.by, at: next.at });
        state = result.state;
        await carryOut(result.commands);
      }
      if (item) outcomes.set(item.id, undefined);
    } catch (err) {
      if (!(err instanceof FlowInputError) || !item) throw err;
      outcomes.set(item.id, err.message);
    }
    reportStatus();
  }
  await recordFlowEnd({ tenantId, instanceId, status: state.status, at: state.endedAt });
  await condition(allHandlersFinished);
}
