// Flows over HTTP. Administrators: flows (list, create, draft, publish, versions, preview, migrate), running
// instances with their timelines, message templates, the communication log and (in development) the outbox.
// Whoever holds a task's role: the task inbox and decisions. A citizen: their own submissions' status.
import { Router, type Request } from 'express';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { DeadlineExtension } from '../../../schemas/types/api-deadline-extension';
import type { FlowInstancesQuery } from '../../../schemas/types/api-flow-instances-query';
import type { FlowMigrateRequest } from '../../../schemas/types/api-flow-migrate';
import type { FlowPreviewRequest } from '../../../schemas/types/api-flow-preview';
import type { FormFlowAttachment } from '../../../schemas/types/api-form-flow';
import type { TaskDecision } from '../../../schemas/types/api-task-decision';
import { simulate, type Scenario } from '../../../workflows/flow/core/simulate';
import type { FlowDefinition } from '../../../workflows/flow/core/types';
import { flowMessages } from '../../../workflows';
import { actorRoles, type Actor } from '../../actors';
import type { CommandContext } from '../../audit/record';
import { attachFlowToForm, createFlow, migrateFlowInstances, publishFlow, publishReferences, saveFlowDraft } from '../../commands/flows';
import { listTemplates, previewTemplate, saveTemplate } from '../../commands/message-templates';
import type { Database } from '../../db/database';
import type { DevOutbox } from '../../dev/smtp-outbox';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { parameterDefaults } from '../../flows/builtin';
import { flowPublishProblems } from '../../flows/publishable';
import { editorSchemas, editorValidatorModule } from '../../flows/editor-schemas';
import { retentionMonthsOf, zoneOf } from '../../flows/tenant-rules';
import type { TenantSettings } from '../../../schemas/types/tenant-settings';
import { suggestScenarios } from '../../flows/scenarios';
import { flowHandle, type FlowTemporal } from '../../flows/workflows';
import { authorize } from '../../policies';
import { listCommunications, listFlows, listInstances, listMySubmissions, listTasks, loadFlow, loadFlowVersion, loadInstance, loadTask } from '../../queries/flows';
import { loadTenant } from '../../queries/tenant';
import { validate, validateQuery } from '../../validation';
import { workflowIds } from '../../temporal/ids';
import { param, versionParam } from '../params';

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

/** Parameter values to try in the preview, each checked against its declared type and bounds. */
function previewParameters(def: FlowDefinition, overrides: Record<string, unknown> | undefined): Record<string, unknown> {
  const declared = def.parameters?.properties ?? {};
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const p = declared[name];
    if (!p) problems.push({ field: `/parameters/${name}`, message: 'the flow has no such parameter' });
    else if ((p.type === 'integer' && !Number.isInteger(value)) || (p.type === 'number' && typeof value !== 'number')) problems.push({ field: `/parameters/${name}`, message: `must be a ${p.type === 'integer' ? 'whole number' : 'number'}` });
    else if (typeof value === 'number' && ((p.minimum !== undefined && value < p.minimum) || (p.maximum !== undefined && value > p.maximum))) problems.push({ field: `/parameters/${name}`, message: `must be between ${p.minimum} and ${p.maximum}` });
  }
  if (problems.length) throw new ValidationError(problems);
  return { ...parameterDefaults(def), ...overrides };
}

export interface FlowRoutesDeps {
  db: Database;
  flows: FlowTemporal;
  outbox?: DevOutbox;
  namespace: string;
  contextOf: (req: Request) => CommandContext;
}

export function flowsApi({ db, flows, outbox, namespace, contextOf }: FlowRoutesDeps): Router {
  const api = Router();

  api.get('/flows', async (req, res) => {
    res.json({ flows: await listFlows(db, req.actor!) });
  });

  api.post('/flows', async (req, res) => {
    res.status(201).json(await createFlow(db, contextOf(req), req.body));
  });

  // The action registry and the `when` shape, as self-contained schemas for the editor's generated forms.
  api.get('/flows/editor-schemas', (req, res) => {
    authorize(req.actor!, 'flows.view', { tenantId: req.tenant!.id });
    res.json(editorSchemas());
  });

  api.get('/flows/editor-schemas/:name/validator.js', (req, res) => {
    authorize(req.actor!, 'flows.view', { tenantId: req.tenant!.id });
    const code = editorValidatorModule(param(req, 'name'));
    if (!code) throw new NotFoundError();
    res.type('text/javascript').set('Cache-Control', 'private, max-age=3600').send(code);
  });

  api.get('/flows/:id', async (req, res) => {
    const flow = await loadFlow(db, req.actor!, param(req, 'id'));
    const problems = await db.withTenant(req.tenant!.id, async (tx) => flowPublishProblems(flow.draft, await publishReferences(db, tx)));
    res.json({ ...flow, problems, scenarios: suggestScenarios(flow.draft) });
  });

  api.put('/flows/:id/draft', async (req, res) => {
    const saved = await saveFlowDraft(db, contextOf(req), param(req, 'id'), req.body);
    res.json({ ...saved, scenarios: suggestScenarios(saved.draft) });
  });

  api.post('/flows/:id/publish', async (req, res) => {
    res.status(201).json(await publishFlow(db, contextOf(req), param(req, 'id')));
  });

  api.get('/flows/:id/versions/:version', async (req, res) => {
    res.json(await loadFlowVersion(db, req.actor!, param(req, 'id'), versionParam(param(req, 'version'))));
  });

  // The timeline preview: the pure core on a virtual clock, no side effects (workflows/flow/core/simulate.ts).
  api.post('/flows/:id/preview', async (req, res) => {
    const body = validate<FlowPreviewRequest>('api/flow-preview.schema.json', req.body);
    const def = body.version ? (await loadFlowVersion(db, req.actor!, param(req, 'id'), body.version)).definition : (await loadFlow(db, req.actor!, param(req, 'id'))).draft;
    validate('flows/flow-definition-draft.schema.json', structuredClone(def));
    const tenant = await loadTenant(db, req.tenant!.id);
    const zone = zoneOf(tenant.country);
    const retentionMonths = retentionMonthsOf(tenant.settings as TenantSettings);
    const parameters = previewParameters(def, body.parameters);
    const startAt = new Date().toISOString();
    try {
      const result = simulate(def, { zone, parameters, facts: {} }, startAt, body.scenario as Scenario, { retentionMonths });
      res.json({ startAt, zone, parameters, timeline: result.timeline, commands: result.commands, warnings: result.warnings, endedAt: result.endedAt ?? null, status: result.state.status });
    } catch (err) {
      // A draft may still be incomplete (a missing parameter, a rule that triggers itself): say so, as a field error.
      throw new ValidationError([{ field: '/', message: `the flow cannot be previewed yet: ${err instanceof Error ? err.message : String(err)}` }]);
    }
  });

  api.post('/flows/:id/migrate', async (req, res) => {
    const body = validate<FlowMigrateRequest>('api/flow-migrate.schema.json', req.body);
    // Each moved workflow is told through the flow outbox in the migration's transaction: the answer does not wait for Temporal.
    const moved = await migrateFlowInstances(db, contextOf(req), param(req, 'id'), body);
    res.json({ version: moved.version, moved: moved.instances.length });
  });

  api.put('/forms/:id/flow', async (req, res) => {
    const body = validate<FormFlowAttachment>('api/form-flow.schema.json', req.body);
    await attachFlowToForm(db, contextOf(req), param(req, 'id'), body.flowId);
    res.status(204).end();
  });

  api.get('/flow-instances', async (req, res) => {
    const q = validateQuery<FlowInstancesQuery>('api/flow-instances-query.schema.json', req.query as Record<string, unknown>);
    const page = await listInstances(db, req.actor!, q);
    const tenantId = req.tenant!.id;
    res.json({ ...page, rows: page.rows.map((r) => ({ ...r, webUiPath: `/temporal/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowIds.flow(tenantId, r.id))}` })) });
  });

  api.get('/flow-instances/:id', async (req, res) => {
    const instance = await loadInstance(db, req.actor!, param(req, 'id'));
    const timeline = await flowHandle(flows, req.tenant!.id, instance.id).query(flowMessages.timelineQuery);
    res.json({ instance, timeline, communications: await listCommunications(db, req.actor!, instance.id) });
  });

  api.post('/flow-instances/:id/deadline-extensions', async (req, res) => {
    const body = validate<DeadlineExtension>('api/deadline-extension.schema.json', req.body);
    const instance = await loadInstance(db, req.actor!, param(req, 'id'));
    const actor = req.actor!;
    const timeline = await update(() => flowHandle(flows, req.tenant!.id, instance.id).executeUpdate(flowMessages.extendDeadlineUpdate, { args: [{ ...body, actor: flowActor(actor) }] }));
    res.json(timeline);
  });

  api.get('/tasks', async (req, res) => {
    const state = req.query.state === 'decided' ? 'decided' : 'open';
    res.json({ tasks: await listTasks(db, req.actor!, state) });
  });

  api.post('/tasks/:id/decision', async (req, res) => {
    const { decision } = validate<TaskDecision>('api/task-decision.schema.json', req.body);
    const actor = req.actor!;
    const task = await loadTask(db, actor, param(req, 'id'));
    authorize(actor, 'tasks.decide', { tenantId: req.tenant!.id, role: task.role });
    if (task.decision) throw new ConflictError('The task has been decided already.');
    const timeline = await update(() =>
      flowHandle(flows, req.tenant!.id, task.instanceId).executeUpdate(flowMessages.decideUpdate, { args: [{ task: task.taskKey, decision, actor: flowActor(actor) }] }),
    );
    res.json({ status: timeline.status, timeline: timeline.timeline });
  });

  api.get('/message-templates', async (req, res) => {
    res.json({ templates: await listTemplates(db, req.actor!) });
  });

  api.put('/message-templates/:key', async (req, res) => {
    res.json(await saveTemplate(db, contextOf(req), param(req, 'key'), req.body));
  });

  api.get('/message-templates/:key/preview', async (req, res) => {
    const locale = String(req.query.locale);
    if (locale !== 'da' && locale !== 'sv' && locale !== 'en') throw new ValidationError([{ field: '/locale', message: 'must be da, sv or en' }]);
    res.json(await previewTemplate(db, req.actor!, param(req, 'key'), locale));
  });

  api.get('/communications', async (req, res) => {
    res.json({ communications: await listCommunications(db, req.actor!) });
  });

  // Development only: the messages the local SMTP server received from this tenant's flows.
  api.get('/dev/outbox', async (req, res) => {
    authorize(req.actor!, 'outbox.view', { tenantId: req.tenant!.id });
    if (!outbox) throw new NotFoundError('There is no development outbox: e-mail goes to the configured SMTP server.');
    res.json({ messages: await outbox.list(req.tenant!.id) });
  });

  api.get('/me/submissions', async (req, res) => {
    res.json({ submissions: await listMySubmissions(db, req.actor!) });
  });

  return api;
}
