// Flow definitions as named commands: create, save the draft, publish (freeze the draft as the next numbered
// version with its parameters and pinned form versions), attach to a form, and move running instances to the
// latest version. Administrators only; every change audited in its own transaction.
import { flowGateway } from '../flows/gateway';
import { QueryTypes, type Transaction } from 'sequelize';
import type { FieldError } from '../../forms/validation';
import type { FlowDefinition } from '../../workflows/flow/core/types';
import { ROLES } from '../actors';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parameterDefaults } from '../flows/builtin';
import { assertPublishableFlow, flowPublishProblems, type PublishReferences } from '../flows/publishable';
import { foundUuid } from '../ids';
import { authorize } from '../policies';
import { validate } from '../validation';
import { contentHash } from './forms';
import type { TenantSettings } from '../../schemas/types/tenant-settings';
import { retentionMonthsOf } from '../flows/tenant-rules';


interface DefinitionRow {
  id: string;
  key: string;
  draft: FlowDefinition;
  latest_version: number;
}

async function lockFlow(db: Database, tx: Transaction, id: string): Promise<DefinitionRow> {
  foundUuid(id);
  const [row] = await db.sequelize.query<DefinitionRow>('SELECT id, key, draft, latest_version FROM flow_definitions WHERE id = $1 FOR UPDATE', { bind: [id], type: QueryTypes.SELECT, transaction: tx });
  if (!row) throw new NotFoundError();
  return row;
}

/** What the tenant has for a definition to refer to. */
export async function publishReferences(db: Database, tx: Transaction): Promise<PublishReferences> {
  const select = <T extends object>(sql: string) => db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction: tx });
  const templates = await select<{ key: string }>('SELECT key FROM message_templates');
  const forms = await select<{ id: string }>('SELECT id FROM form_definitions WHERE latest_version > 0');
  const flows = await select<{ key: string }>('SELECT key FROM flow_definitions WHERE latest_version > 0');
  const [tenant] = await select<{ settings: TenantSettings }>('SELECT settings FROM tenants');
  return {
    templates: new Set(templates.map((t) => t.key)),
    roles: new Set<string>(ROLES),
    forms: new Set(forms.map((f) => f.id)),
    flows: new Set(flows.map((f) => f.key)),
    retentionMonths: retentionMonthsOf(tenant?.settings),
  };
}

/** `builtin`: the module's file it was made from (provisioning), so the tenant's copy can be told apart. */
export async function createFlow(db: Database, ctx: CommandContext, input: unknown, builtin?: string): Promise<{ id: string }> {
  authorize(ctx.actor, 'flows.manage', { tenantId: ctx.tenantId });
  const draft = validate<FlowDefinition>('flows/flow-definition-draft.schema.json', input);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [taken] = await db.sequelize.query('SELECT 1 FROM flow_definitions WHERE key = $1', { bind: [draft.key], type: QueryTypes.SELECT, transaction: tx });
    if (taken) throw new ValidationError([{ field: '/key', message: `a flow with the key "${draft.key}" exists already` }]);
    const [row] = await db.sequelize.query<{ id: string }>('INSERT INTO flow_definitions (tenant_id, key, module, draft, builtin) VALUES ($1, $2, $3, $4, $5) RETURNING id', {
      bind: [ctx.tenantId, draft.key, draft.module, JSON.stringify(draft), builtin ?? null],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    await recordAudit(db, tx, ctx, { action: 'flow.created', entityType: 'flow', entityId: row!.id, summary: { key: draft.key, ...(builtin ? { builtin } : {}) } });
    return { id: row!.id };
  });
}

/** Saves the draft (its key and module are fixed at creation) and returns what stands between it and publishing. */
export async function saveFlowDraft(db: Database, ctx: CommandContext, id: string, input: unknown): Promise<{ draft: FlowDefinition; problems: FieldError[] }> {
  authorize(ctx.actor, 'flows.manage', { tenantId: ctx.tenantId });
  const draft = validate<FlowDefinition>('flows/flow-definition-draft.schema.json', input);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const current = await lockFlow(db, tx, id);
    draft.key = current.key;
    draft.module = current.draft.module;
    await db.sequelize.query('UPDATE flow_definitions SET draft = $2, updated_at = now() WHERE id = $1', { bind: [id, JSON.stringify(draft)], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'flow.draftSaved', entityType: 'flow', entityId: id, summary: { rules: draft.rules?.length ?? 0, statuses: draft.statuses?.length ?? 0 } });
    return { draft, problems: flowPublishProblems(draft, await publishReferences(db, tx)) };
  });
}

/** Freezes the draft as the next version, if it passes every check; running instances keep their version. */
export async function publishFlow(db: Database, ctx: CommandContext, id: string): Promise<{ version: number; contentHash: string }> {
  authorize(ctx.actor, 'flows.manage', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const current = await lockFlow(db, tx, id);
    const definition = assertPublishableFlow(current.draft, await publishReferences(db, tx));
    // The forms it starts from and the forms its tasks ask for, at their current versions.
    const taskForms = (definition.rules ?? []).flatMap((r) => (r.then ?? []).map((a) => (a.config as { form?: string } | undefined)?.form).filter((f): f is string => !!f));
    const forms = await db.sequelize.query<{ id: string; latest_version: number }>('SELECT id, latest_version FROM form_definitions WHERE (flow_definition_id = $1 OR id = ANY($2::uuid[])) AND latest_version > 0', {
      bind: [id, taskForms],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    const pinned = Object.fromEntries(forms.map((f) => [f.id, f.latest_version]));
    const version = current.latest_version + 1;
    const hash = contentHash(definition);
    await db.sequelize.query('INSERT INTO flow_versions (tenant_id, definition_id, version, definition, parameters, pinned_forms, content_hash, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', {
      bind: [ctx.tenantId, id, version, JSON.stringify(definition), JSON.stringify(parameterDefaults(definition)), JSON.stringify(pinned), hash, ctx.actor.kind === 'user' ? ctx.actor.id : 'system'],
      transaction: tx,
    });
    await db.sequelize.query('UPDATE flow_definitions SET latest_version = $2, updated_at = now() WHERE id = $1', { bind: [id, version], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'flow.published', entityType: 'flow', entityId: id, summary: { version, contentHash: hash, pinnedForms: Object.keys(pinned).length } });
    return { version, contentHash: hash };
  });
}

/** Each new submission of the form starts the flow (null: detach). The flow must have a published version. */
export async function attachFlowToForm(db: Database, ctx: CommandContext, formId: string, flowId: string | null): Promise<void> {
  authorize(ctx.actor, 'flows.manage', { tenantId: ctx.tenantId });
  foundUuid(formId);
  await db.withTenant(ctx.tenantId, async (tx) => {
    if (flowId !== null) {
      const flow = await lockFlow(db, tx, flowId);
      if (flow.latest_version === 0) throw new ConflictError('Publish the flow before attaching it to a form.');
    }
    const rows = await db.sequelize.query('UPDATE form_definitions SET flow_definition_id = $2, updated_at = now() WHERE id = $1 RETURNING 1', { bind: [formId, flowId], type: QueryTypes.SELECT, transaction: tx });
    if (rows.length === 0) throw new NotFoundError();
    await recordAudit(db, tx, ctx, { action: flowId ? 'form.flowAttached' : 'form.flowDetached', entityType: 'form', entityId: formId, summary: { flow: flowId } });
  });
}

/**
 * Moves every running instance of an older version to the latest one, mapping statuses the new version
 * does not have. Returns the instances moved; the caller signals their workflows after the commit.
 */
export async function migrateFlowInstances(db: Database, ctx: CommandContext, flowId: string, input: { fromVersion: number; statusMap: Record<string, string> }): Promise<{ version: number; instances: string[] }> {
  authorize(ctx.actor, 'flows.manage', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const flow = await lockFlow(db, tx, flowId);
    if (!Number.isInteger(input.fromVersion) || input.fromVersion < 1 || input.fromVersion >= flow.latest_version) throw new ValidationError([{ field: '/fromVersion', message: `must be a version older than the latest (${flow.latest_version})` }]);
    const [latest] = await db.sequelize.query<{ definition: FlowDefinition }>('SELECT definition FROM flow_versions WHERE definition_id = $1 AND version = $2', { bind: [flowId, flow.latest_version], type: QueryTypes.SELECT, transaction: tx });
    const targets = new Set((latest!.definition.statuses ?? []).map((s) => s.key));
    const running = await db.sequelize.query<{ id: string; status: string }>('SELECT id, status FROM flow_instances WHERE definition_id = $1 AND version = $2 AND ended_at IS NULL FOR UPDATE', { bind: [flowId, input.fromVersion], type: QueryTypes.SELECT, transaction: tx });
    const problems: FieldError[] = [];
    for (const status of new Set(running.map((r) => r.status))) {
      const to = input.statusMap[status] ?? status;
      if (!targets.has(to)) problems.push({ field: `/statusMap/${status}`, message: `version ${flow.latest_version} has no status "${to}": map "${status}" to one of ${[...targets].join(', ')}` });
    }
    if (problems.length) throw new ValidationError(problems);
    for (const r of running) {
      const status = input.statusMap[r.status] ?? r.status;
      await db.sequelize.query('UPDATE flow_instances SET version = $2, status = $3, migrated_from = $4 WHERE id = $1', { bind: [r.id, flow.latest_version, status, input.fromVersion], transaction: tx });
      await recordAudit(db, tx, ctx, { action: 'flowInstance.migrated', entityType: 'flowInstance', entityId: r.id, summary: { from: input.fromVersion, to: flow.latest_version, status } });
      // The running workflow is told in the same transaction, through the outbox: moved and told, or neither.
      await flowGateway.signalInstance(db, tx, ctx.tenantId, r.id, { kind: 'migrate', statusMap: input.statusMap });
    }
    return { version: flow.latest_version, instances: running.map((r) => r.id) };
  });
}
