// What every tenant starts from, installed by the same commands an administrator uses — as the tenant's
// provisioning system actor, inside the tenant's transactions and row-level security, audited like any change:
// the default message templates, the built-in forms (the platform's and each module's, published as version 1)
// and the built-in flows (published and attached to their form where the module says so, else drafts).
// Idempotent: what the tenant has already (by built-in file, or template key) is left as it is, so a tenant
// made before a module existed gets that module's built-ins on the next start.
import { QueryTypes } from 'sequelize';
import { provisioningActor } from '../actors';
import type { CommandContext } from '../audit/record';
import { attachFlowToForm, createFlow, publishFlow } from '../commands/flows';
import { createForm, publishForm } from '../commands/forms';
import { saveTemplate } from '../commands/message-templates';
import type { Database } from '../db/database';
import type { Country } from '../db/models';
import { builtinFlows, builtinFormsFor, builtinTemplateFiles, loadBuiltinFlow } from '../modules/builtins';
import { builtinTemplates } from '../messages/templates';

async function existing(db: Database, tenantId: string): Promise<{ templates: Set<string>; forms: Map<string, string>; flows: Set<string> }> {
  return db.withTenant(tenantId, async (tx) => {
    const q = <T extends object>(sql: string) => db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction: tx });
    const templates = await q<{ key: string }>('SELECT key FROM message_templates');
    const forms = await q<{ id: string; builtin: string }>('SELECT id, builtin FROM form_definitions WHERE builtin IS NOT NULL');
    const flows = await q<{ builtin: string }>('SELECT builtin FROM flow_definitions WHERE builtin IS NOT NULL');
    return { templates: new Set(templates.map((t) => t.key)), forms: new Map(forms.map((f) => [f.builtin, f.id])), flows: new Set(flows.map((f) => f.builtin)) };
  });
}

/** Installs what the tenant lacks; returns how many templates, forms and flows it installed. */
export async function provisionTenant(db: Database, tenantId: string, country: Country): Promise<number> {
  const ctx: CommandContext = { tenantId, actor: provisioningActor(tenantId) };
  const have = await existing(db, tenantId);
  let installed = 0;
  for (const t of builtinTemplates(builtinTemplateFiles())) {
    if (have.templates.has(t.key)) continue;
    const channels = t.channelsByCountry?.[country] ?? t.channels;
    await saveTemplate(db, ctx, t.key, { subject: t.subject, body: t.body, ...(t.sms ? { sms: t.sms } : {}), ...(channels ? { channels } : {}) });
    installed++;
  }
  for (const { file, name, definition } of builtinFormsFor(country)) {
    if (have.forms.has(file)) continue;
    const { id } = await createForm(db, ctx, { name, draft: definition }, file);
    await publishForm(db, ctx, id);
    have.forms.set(file, id);
    installed++;
  }
  for (const { file, publish, attachTo } of builtinFlows()) {
    if (have.flows.has(file)) continue;
    const { id } = await createFlow(db, ctx, loadBuiltinFlow(file), file);
    if (publish) await publishFlow(db, ctx, id);
    const form = attachTo ? have.forms.get(attachTo) : undefined;
    if (publish && form) await attachFlowToForm(db, ctx, form, id);
    installed++;
  }
  return installed;
}
