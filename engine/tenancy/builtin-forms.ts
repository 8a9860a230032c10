// The built-in forms every new tenant gets (the platform's and each module's, engine/modules/builtins.ts), each as the tenant's own form, published as
// version 1. Written with the owner role inside the tenant-creation transaction. Apart from create-tenant.ts
// because the built-in flows (builtin-flows.ts) install them too, and create-tenant.ts installs those.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { builtinFormsFor } from '../modules/builtins';
import { contentHash } from '../commands/forms';
import type { Country } from '../db/models';
import { assertPublishable } from '../forms/publishable';
import { recordPlatformAudit } from '../audit/record-platform';

/** The built-in forms the tenant does not have yet (by file), each published as version 1. */
export async function addBuiltinForms(owner: Sequelize, transaction: Transaction, tenantId: string, country: Country): Promise<void> {
  const existing = await owner.query<{ builtin: string }>('SELECT builtin FROM form_definitions WHERE tenant_id = $1 AND builtin IS NOT NULL', { bind: [tenantId], type: QueryTypes.SELECT, transaction });
  const have = new Set(existing.map((r) => r.builtin));
  for (const { file, name, definition } of builtinFormsFor(country)) {
    if (have.has(file)) continue;
    assertPublishable(definition);
    const [form] = await owner.query<{ id: string }>(
      'INSERT INTO form_definitions (tenant_id, kind, name, builtin, draft, latest_version) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id',
      { bind: [tenantId, definition.kind, name, file, JSON.stringify(definition)], type: QueryTypes.SELECT, transaction },
    );
    const hash = contentHash(definition);
    await owner.query("INSERT INTO form_versions (tenant_id, definition_id, version, definition, content_hash, published_by) VALUES ($1, $2, 1, $3, $4, 'platform')", {
      bind: [tenantId, form!.id, JSON.stringify(definition), hash],
      transaction,
    });
    await recordPlatformAudit(owner, transaction, tenantId, { action: 'form.published', entityType: 'form', entityId: form!.id, summary: { builtin: file, version: 1, contentHash: hash } });
  }
}

/** For tenants made before forms existed: installs the built-in forms if the tenant has no forms at all. */
export async function ensureBuiltinForms(owner: Sequelize, tenantId: string, country: Country): Promise<boolean> {
  return owner.transaction(async (transaction) => {
    const [row] = await owner.query<{ n: string }>('SELECT count(*) AS n FROM form_definitions WHERE tenant_id = $1', { bind: [tenantId], type: QueryTypes.SELECT, transaction });
    if (Number(row!.n) > 0) return false;
    await addBuiltinForms(owner, transaction, tenantId, country);
    return true;
  });
}
