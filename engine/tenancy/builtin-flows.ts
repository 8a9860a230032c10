// The built-in flows and message templates every new tenant gets (each module's, engine/modules/builtins.ts,
// and engine/messages): those a module publishes as version 1, attached to its built-in form where it says
// so, the others as drafts to look at and preview, and the default message templates. Written with the
// owner role inside the tenant-creation transaction, like the built-in forms.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { contentHash } from '../commands/forms';
import { parameterDefaults } from '../flows/builtin';
import { builtinFlows, loadBuiltinFlow } from '../modules/builtins';
import { builtinTemplates } from '../messages/templates';
import { recordPlatformAudit } from '../audit/record-platform';
import type { Country } from '../db/models';
import { addBuiltinForms } from './builtin-forms';


export async function addBuiltinFlows(owner: Sequelize, transaction: Transaction, tenantId: string): Promise<void> {
  const templates = builtinTemplates();
  for (const t of templates) {
    await owner.query('INSERT INTO message_templates (tenant_id, key, subject, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', { bind: [tenantId, t.key, JSON.stringify(t.subject), JSON.stringify(t.body)], transaction });
  }
  await recordPlatformAudit(owner, transaction, tenantId, { action: 'messageTemplates.installed', entityType: 'tenant', entityId: tenantId, summary: { builtin: templates.length } });
  for (const { file, publish, attachTo } of builtinFlows()) {
    const definition = loadBuiltinFlow(file);
    const [form] = attachTo
      ? await owner.query<{ id: string; latest_version: number }>('SELECT id, latest_version FROM form_definitions WHERE tenant_id = $1 AND builtin = $2', { bind: [tenantId, attachTo], type: QueryTypes.SELECT, transaction })
      : [];
    const [flow] = await owner.query<{ id: string }>('INSERT INTO flow_definitions (tenant_id, key, module, draft, latest_version, builtin) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', {
      bind: [tenantId, definition.key, definition.module, JSON.stringify(definition), publish ? 1 : 0, file],
      type: QueryTypes.SELECT,
      transaction,
    });
    await recordPlatformAudit(owner, transaction, tenantId, { action: 'flow.created', entityType: 'flow', entityId: flow!.id, summary: { builtin: file } });
    if (!publish) continue;
    const pinned = form ? { [form.id]: form.latest_version } : {};
    const hash = contentHash(definition);
    await owner.query("INSERT INTO flow_versions (tenant_id, definition_id, version, definition, parameters, pinned_forms, content_hash, published_by) VALUES ($1, $2, 1, $3, $4, $5, $6, 'platform')", {
      bind: [tenantId, flow!.id, JSON.stringify(definition), JSON.stringify(parameterDefaults(definition)), JSON.stringify(pinned), hash],
      transaction,
    });
    await recordPlatformAudit(owner, transaction, tenantId, { action: 'flow.published', entityType: 'flow', entityId: flow!.id, summary: { builtin: file, version: 1, contentHash: hash } });
    if (form) {
      await owner.query('UPDATE form_definitions SET flow_definition_id = $2 WHERE id = $1', { bind: [form.id, flow!.id], transaction });
      await recordPlatformAudit(owner, transaction, tenantId, { action: 'form.flowAttached', entityType: 'form', entityId: form.id, summary: { flow: flow!.id } });
    }
  }
}

/** For tenants made before flows existed: installs them (and the e-service form they attach to) if the tenant has no flows at all. */
export async function ensureBuiltinFlows(owner: Sequelize, tenantId: string, country: Country): Promise<boolean> {
  return owner.transaction(async (transaction) => {
    const [row] = await owner.query<{ n: string }>('SELECT count(*) AS n FROM flow_definitions WHERE tenant_id = $1', { bind: [tenantId], type: QueryTypes.SELECT, transaction });
    if (Number(row!.n) > 0) return false;
    await addBuiltinForms(owner, transaction, tenantId, country);
    await addBuiltinFlows(owner, transaction, tenantId);
    return true;
  });
}
