// Flows over HTTP, as route specs (engine/http/route.ts). Administrators: flows (list, create, draft, publish,
// versions, preview, migrate), running instances with their timelines, message templates, the communication
// log and (in development) the outbox. Whoever holds a task's role: the task inbox and decisions. A citizen:
// their own submissions' status.
import type { Created } from '../../../schemas/types/api-created';
import type { CommunicationList } from '../../../schemas/types/api-communication-list';
import type { CommunicationDetail } from '../../../schemas/types/api-communication-detail';
import type { CommunicationsQuery } from '../../../schemas/types/api-communications-query';
import type { DeadlineExtension } from '../../../schemas/types/api-deadline-extension';
import type { DevOutbox as DevOutboxAnswer } from '../../../schemas/types/api-dev-outbox';
import type { EditorSchemaParams } from '../../../schemas/types/api-editor-schema-params';
import type { FlowDetail } from '../../../schemas/types/api-flow-detail';
import type { FlowDraftSaved } from '../../../schemas/types/api-flow-draft-saved';
import type { FlowEditorSchemas } from '../../../schemas/types/api-flow-editor-schemas';
import type { FlowInstanceDetail } from '../../../schemas/types/api-flow-instance-detail';
import type { FlowInstancePage } from '../../../schemas/types/api-flow-instance-page';
import type { FlowInstancesQuery } from '../../../schemas/types/api-flow-instances-query';
import type { FlowList } from '../../../schemas/types/api-flow-list';
import type { FlowMigrated } from '../../../schemas/types/api-flow-migrated';
import type { FlowMigrateRequest } from '../../../schemas/types/api-flow-migrate';
import type { FlowPreviewRequest } from '../../../schemas/types/api-flow-preview';
import type { FlowPreviewResult } from '../../../schemas/types/api-flow-preview-result';
import type { FlowTimeline } from '../../../schemas/types/api-flow-timeline';
import type { FlowVersion } from '../../../schemas/types/api-flow-version';
import type { FormFlowAttachment } from '../../../schemas/types/api-form-flow';
import type { IdParams } from '../../../schemas/types/api-id-params';
import type { MessagePreview } from '../../../schemas/types/api-message-preview';
import type { MessageTemplateInput } from '../../../schemas/types/api-message-template';
import type { MessageTemplate } from '../../../schemas/types/api-message-template-record';
import type { MessageTemplateList } from '../../../schemas/types/api-message-template-list';
import type { TaskDecided } from '../../../schemas/types/api-task-decided';
import type { TaskDecision } from '../../../schemas/types/api-task-decision';
import type { TaskList } from '../../../schemas/types/api-task-list';
import type { TaskSubject } from '../../../schemas/types/api-task-subject';
import type { TasksQuery } from '../../../schemas/types/api-tasks-query';
import type { TemplateKeyParams } from '../../../schemas/types/api-template-key-params';
import type { TemplatePreviewQuery } from '../../../schemas/types/api-template-preview-query';
import type { TemplatePreviewChoices } from '../../../schemas/types/api-template-preview-choices';
import type { TemplatePreviewChoicesQuery } from '../../../schemas/types/api-template-preview-choices-query';
import type { VersionParams } from '../../../schemas/types/api-version-params';
import type { VersionPublished } from '../../../schemas/types/api-version-published';
import { decideTask, extendDeadline } from '../../commands/flow-updates';
import { attachFlowToForm, createFlow, migrateFlowInstances, publishFlow, saveFlowDraft } from '../../commands/flows';
import { listTemplates, mergeFieldNames, previewModuleNames, previewTemplate, saveTemplate, templatePreviewChoices } from '../../commands/message-templates';
import type { Database } from '../../db/database';
import type { DevOutbox } from '../../dev/smtp-outbox';
import type { Identity } from '../../identity';
import { suggestScenarios } from '../../flows/scenarios';
import type { FlowTemporal } from '../../flows/workflows';
import { presentCommunicationDetail, presentCommunications, presentFlowList, presentInstance, presentInstancePage, presentTasks, presentVersions } from '../../presenters/flows';
import { listDevOutbox, type SimulatorOutboxes } from '../../queries/dev-outbox';
import { listCommunicationLog, loadCommunication } from '../../queries/communications';
import { loadEditorSchemas, loadEditorValidator, loadFlowForEditor } from '../../queries/flow-editor';
import { loadInstanceDetail } from '../../queries/flow-instance';
import { previewFlow } from '../../queries/flow-preview';
import { listFlows, listInstances, listTasks, loadFlowVersion } from '../../queries/flows';
import { loadTaskSubject } from '../../queries/task-subject';
import { defineRoute, type RouteSpec } from '../route';

export interface FlowRoutesDeps {
  db: Database;
  flows: FlowTemporal;
  outbox?: DevOutbox;
  /** The Digital Post and SMS simulators, shown in the development outbox. */
  simulatorOutboxes?: SimulatorOutboxes;
  namespace: string;
  /** The database and keyring, to open a task's application. */
  identity: Identity;
}

const ID = 'api/id-params.schema.json';

export function flowRoutes({ db, flows, outbox, simulatorOutboxes, namespace, identity }: FlowRoutesDeps): RouteSpec[] {
  return [
    defineRoute<{ response: FlowList }>({
      method: 'GET',
      path: '/flows',
      summary: 'Flows',
      tags: ['Flows'],
      responses: { 200: 'api/flow-list.schema.json' },
      handler: async ({ actor }) => presentFlowList(await listFlows(db, actor)),
    }),
    defineRoute<{ body: unknown; response: Created }>({
      method: 'POST',
      path: '/flows',
      summary: 'Create a flow from a draft',
      tags: ['Flows'],
      body: 'flows/flow-definition-draft.schema.json',
      responses: { 201: 'api/created.schema.json' },
      handler: ({ ctx, body }) => createFlow(db, ctx, body),
    }),
    // The action registry and the `when` shape, as self-contained schemas for the editor's generated forms.
    defineRoute<{ response: FlowEditorSchemas }>({
      method: 'GET',
      path: '/flows/editor-schemas',
      summary: 'The flow editor’s schemas: each action’s config and the `when` shape',
      tags: ['Flows'],
      responses: { 200: 'api/flow-editor-schemas.schema.json' },
      handler: ({ actor }) => loadEditorSchemas(actor) as FlowEditorSchemas,
    }),
    defineRoute<{ params: EditorSchemaParams }>({
      method: 'GET',
      path: '/flows/editor-schemas/:name/validator.js',
      summary: 'The precompiled validators of one editor schema, as an ES module',
      tags: ['Flows'],
      params: 'api/editor-schema-params.schema.json',
      responses: { 200: { raw: 'text/javascript', description: 'An ES module' } },
      handler: ({ actor, params, res }) => {
        const code = loadEditorValidator(actor, params.name);
        res.set('Cache-Control', 'private, max-age=3600');
        return code;
      },
    }),
    defineRoute<{ params: IdParams; response: FlowDetail }>({
      method: 'GET',
      path: '/flows/:id',
      summary: 'A flow: its draft, versions, problems and suggested preview scenarios',
      tags: ['Flows'],
      params: ID,
      responses: { 200: 'api/flow-detail.schema.json' },
      handler: async ({ actor, params }) => {
        const flow = await loadFlowForEditor(db, actor, params.id);
        return { ...flow, versions: presentVersions(flow.versions) };
      },
    }),
    defineRoute<{ params: IdParams; body: unknown; response: FlowDraftSaved }>({
      method: 'PUT',
      path: '/flows/:id/draft',
      summary: 'Save a flow’s draft',
      description: 'Answers the saved draft with what stands between it and publishing, and the preview scenarios it suggests.',
      tags: ['Flows'],
      params: ID,
      body: 'flows/flow-definition-draft.schema.json',
      responses: { 200: 'api/flow-draft-saved.schema.json' },
      handler: async ({ ctx, params, body }) => {
        const saved = await saveFlowDraft(db, ctx, params.id, body);
        return { ...saved, scenarios: suggestScenarios(saved.draft) };
      },
    }),
    defineRoute<{ params: IdParams; response: VersionPublished }>({
      method: 'POST',
      path: '/flows/:id/publish',
      summary: 'Publish a flow’s draft as its next version',
      tags: ['Flows'],
      params: ID,
      responses: { 201: 'api/version-published.schema.json' },
      handler: ({ ctx, params }) => publishFlow(db, ctx, params.id),
    }),
    defineRoute<{ params: VersionParams; response: FlowVersion }>({
      method: 'GET',
      path: '/flows/:id/versions/:version',
      summary: 'A published flow version',
      tags: ['Flows'],
      params: 'api/version-params.schema.json',
      responses: { 200: 'api/flow-version.schema.json' },
      handler: ({ actor, params }) => loadFlowVersion(db, actor, params.id, params.version),
    }),
    // The timeline preview: the pure core on a virtual clock, no side effects (workflows/flow/core/simulate.ts).
    defineRoute<{ params: IdParams; body: FlowPreviewRequest; response: FlowPreviewResult }>({
      method: 'POST',
      path: '/flows/:id/preview',
      summary: 'Preview a flow’s timeline in one scenario',
      description: 'Runs the saved draft (or a published version) on a virtual clock; changes nothing.',
      tags: ['Flows'],
      params: ID,
      body: 'api/flow-preview.schema.json',
      responses: { 200: 'api/flow-preview-result.schema.json' },
      handler: async ({ actor, params, body }) => (await previewFlow(db, actor, params.id, body)) as FlowPreviewResult,
    }),
    defineRoute<{ params: IdParams; body: FlowMigrateRequest; response: FlowMigrated }>({
      method: 'POST',
      path: '/flows/:id/migrate',
      summary: 'Move the running instances of an older version to the latest one',
      tags: ['Flows'],
      params: ID,
      body: 'api/flow-migrate.schema.json',
      responses: { 200: 'api/flow-migrated.schema.json' },
      handler: async ({ ctx, params, body }) => {
        // Each moved workflow is told through the flow outbox in the migration's transaction: the answer does not wait for Temporal.
        const moved = await migrateFlowInstances(db, ctx, params.id, body);
        return { version: moved.version, moved: moved.instances.length };
      },
    }),
    defineRoute<{ params: IdParams; body: FormFlowAttachment }>({
      method: 'PUT',
      path: '/forms/:id/flow',
      summary: 'Attach a flow to a form (or detach it)',
      description: 'Each new submission of the form starts an instance of the flow.',
      tags: ['Forms', 'Flows'],
      params: ID,
      body: 'api/form-flow.schema.json',
      responses: { 204: 'empty' },
      handler: ({ ctx, params, body }) => attachFlowToForm(db, ctx, params.id, body.flowId),
    }),
    defineRoute<{ query: FlowInstancesQuery; response: FlowInstancePage }>({
      method: 'GET',
      path: '/flow-instances',
      summary: 'Flow instances, newest first',
      tags: ['Flow instances'],
      query: 'api/flow-instances-query.schema.json',
      responses: { 200: 'api/flow-instance-page.schema.json' },
      handler: async ({ actor, tenantId, query }) => presentInstancePage(await listInstances(db, actor, query), namespace, tenantId),
    }),
    defineRoute<{ params: IdParams; response: FlowInstanceDetail }>({
      method: 'GET',
      path: '/flow-instances/:id',
      summary: 'A flow instance with its timeline and messages',
      tags: ['Flow instances'],
      params: ID,
      responses: { 200: 'api/flow-instance-detail.schema.json' },
      handler: async ({ actor, params }) => {
        const { instance, timeline, communications } = await loadInstanceDetail(db, flows, actor, params.id);
        return { instance: presentInstance(instance), timeline, communications: presentCommunications(communications) };
      },
    }),
    defineRoute<{ params: IdParams; body: DeadlineExtension; response: FlowTimeline }>({
      method: 'POST',
      path: '/flow-instances/:id/deadline-extensions',
      summary: 'Extend a deadline of a flow instance',
      tags: ['Flow instances'],
      params: ID,
      body: 'api/deadline-extension.schema.json',
      responses: { 200: 'api/flow-timeline.schema.json' },
      handler: ({ ctx, params, body }) => extendDeadline(db, flows, ctx, params.id, body),
    }),
    defineRoute<{ query: TasksQuery; response: TaskList }>({
      method: 'GET',
      path: '/tasks',
      summary: 'The task inbox: tasks for the roles I hold',
      tags: ['Tasks'],
      query: 'api/tasks-query.schema.json',
      responses: { 200: 'api/task-list.schema.json' },
      handler: async ({ actor, query }) => presentTasks(await listTasks(db, actor, query.state ?? 'open')),
    }),
    defineRoute<{ params: IdParams; response: TaskSubject }>({
      method: 'GET',
      path: '/tasks/:id/subject',
      summary: 'The application a task is about',
      description: 'The form submission the task’s flow instance runs on, for whoever holds the task’s role: answers, form version and reference. 404 for anyone else, and for a subject that is no form submission.',
      tags: ['Tasks'],
      params: ID,
      responses: { 200: 'api/task-subject.schema.json' },
      handler: ({ actor, params }) => loadTaskSubject(identity, actor, params.id),
    }),
    defineRoute<{ params: IdParams; body: TaskDecision; response: TaskDecided }>({
      method: 'POST',
      path: '/tasks/:id/decision',
      summary: 'Decide a task',
      tags: ['Tasks'],
      params: ID,
      body: 'api/task-decision.schema.json',
      responses: { 200: 'api/task-decided.schema.json' },
      handler: ({ ctx, params, body }) => decideTask(db, flows, ctx, params.id, body.decision),
    }),
    defineRoute<{ response: MessageTemplateList }>({
      method: 'GET',
      path: '/message-templates',
      summary: 'Message templates',
      tags: ['Messages'],
      responses: { 200: 'api/message-template-list.schema.json' },
      handler: async ({ actor }) => ({ templates: await listTemplates(db, actor), mergeFields: mergeFieldNames(), previewModules: previewModuleNames() }),
    }),
    defineRoute<{ params: TemplateKeyParams; body: MessageTemplateInput; response: MessageTemplate }>({
      method: 'PUT',
      path: '/message-templates/:key',
      summary: 'Save a message template',
      description: 'Unknown {{merge fields}} are refused, each named as a field error.',
      tags: ['Messages'],
      params: 'api/template-key-params.schema.json',
      body: 'api/message-template.schema.json',
      responses: { 200: 'api/message-template-record.schema.json' },
      handler: ({ ctx, params, body }) => saveTemplate(db, ctx, params.key, body),
    }),
    defineRoute<{ params: TemplateKeyParams; query: TemplatePreviewQuery; response: MessagePreview }>({
      method: 'GET',
      path: '/message-templates/:key/preview',
      summary: 'A message template rendered with sample data, or with a real row of a module',
      description: 'With module and subjectId (and detailId), the module fills the merge fields from its own rows (a person and one of their tasks); the SMS text comes with its length in segments.',
      tags: ['Messages'],
      params: 'api/template-key-params.schema.json',
      query: 'api/template-preview-query.schema.json',
      responses: { 200: 'api/message-preview.schema.json' },
      handler: ({ actor, params, query }) => previewTemplate(db, actor, params.key, query),
    }),
    defineRoute<{ query: TemplatePreviewChoicesQuery; response: TemplatePreviewChoices }>({
      method: 'GET',
      path: '/message-template-preview-choices',
      summary: 'Rows of a module to preview message templates with',
      tags: ['Messages'],
      query: 'api/template-preview-choices-query.schema.json',
      responses: { 200: 'api/template-preview-choices.schema.json' },
      handler: ({ actor, query }) => templatePreviewChoices(db, actor, query.module, query.search ?? ''),
    }),
    defineRoute<{ query: CommunicationsQuery; response: CommunicationList }>({
      method: 'GET',
      path: '/communications',
      summary: 'The communication log',
      description: 'Newest first, at most 200; filtered by channel, status, template, days (from/to), one ref (key=value, e.g. participantId=<uuid>), instance; `before` pages on.',
      tags: ['Messages'],
      query: 'api/communications-query.schema.json',
      responses: { 200: 'api/communication-list.schema.json' },
      handler: async ({ actor, query }) => ({ communications: presentCommunications(await listCommunicationLog(db, actor, query)) }),
    }),
    defineRoute<{ params: IdParams; response: CommunicationDetail }>({
      method: 'GET',
      path: '/communications/:id',
      summary: 'One message of the communication log with every attempt and receipt',
      tags: ['Messages'],
      params: ID,
      responses: { 200: 'api/communication-detail.schema.json' },
      handler: async ({ actor, params }) => presentCommunicationDetail(await loadCommunication(db, actor, params.id)),
    }),
    // Development only: the messages the local SMTP server and the Digital Post / SMS simulators received from this tenant.
    defineRoute<{ response: DevOutboxAnswer }>({
      method: 'GET',
      path: '/dev/outbox',
      summary: 'The development outbox',
      description: 'Development only: what the local SMTP server, the Digital Post simulator and the SMS gateway simulator received. 404 where every channel goes to a real service.',
      tags: ['Messages'],
      responses: { 200: 'api/dev-outbox.schema.json' },
      handler: async ({ actor }) => ({ messages: await listDevOutbox(outbox, actor, simulatorOutboxes) }),
    }),
  ];
}
