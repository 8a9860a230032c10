// A person acting on a running flow through its workflow's Updates: deciding a task, extending a deadline or
// closing it early.
// The Update's validator checks the role, the task and the decision again inside the workflow; what it
// refuses is a conflict with the instance's state (409).
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { DeadlineExtension } from '../../schemas/types/api-deadline-extension';
import { flowMessages } from '../../workflows';
import { actorRoles, type Actor } from '../actors';
import type { CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { ConflictError } from '../errors';
import { flowHandle, type FlowTemporal } from '../flows/workflows';
import { authorize } from '../policies';
import { loadInstance, loadTask } from '../queries/flows';

/** The actor as a flow workflow's Update sees it: an id and roles, nothing personal. */
const flowActor = (actor: Actor) => ({ id: actor.kind === 'user' ? actor.id : 'system', roles: actorRoles(actor) as string[] });

/** An Update the workflow's validator refused (or its handler rejected) is a conflict with the instance's state. */
async function update<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) throw new ConflictError(err.cause?.message ?? err.message);
    throw err;
  }
}

/** Decides a task for whoever holds its role; the instance's status and timeline afterwards. */
export async function decideTask(db: Database, flows: FlowTemporal, ctx: CommandContext, taskId: string, decision: string) {
  const task = await loadTask(db, ctx.actor, taskId);
  authorize(ctx.actor, 'tasks.decide', { tenantId: ctx.tenantId, role: task.role });
  if (task.decision) throw new ConflictError('The task has been decided already.');
  const timeline = await update(() => flowHandle(flows, ctx.tenantId, task.instanceId).executeUpdate(flowMessages.decideUpdate, { args: [{ task: task.taskKey, decision, actor: flowActor(ctx.actor) }] }));
  return { status: timeline.status, timeline: timeline.timeline };
}

/** Extends a named deadline of an instance (flows.view on the instance; the workflow checks who may extend and by how much). */
export async function extendDeadline(db: Database, flows: FlowTemporal, ctx: CommandContext, instanceId: string, extension: DeadlineExtension) {
  const instance = await loadInstance(db, ctx.actor, instanceId);
  return update(() => flowHandle(flows, ctx.tenantId, instance.id).executeUpdate(flowMessages.extendDeadlineUpdate, { args: [{ ...extension, actor: flowActor(ctx.actor) }] }));
}

/** Brings a named deadline of an instance forward to now (whoever may extend it may close it: the workflow checks). */
export async function closeDeadlineEarly(db: Database, flows: FlowTemporal, ctx: CommandContext, instanceId: string, deadline: string) {
  const instance = await loadInstance(db, ctx.actor, instanceId);
  return update(() => flowHandle(flows, ctx.tenantId, instance.id).executeUpdate(flowMessages.closeDeadlineUpdate, { args: [{ deadline, actor: flowActor(ctx.actor) }] }));
}
