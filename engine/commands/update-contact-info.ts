import type { ContactInfo } from '../../schemas/types/api-contact-info';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { authorize } from '../policies';
import { updateTenantSettings } from '../tenancy/update-settings';
import { validate } from '../validation';

/** An administrator changes how citizens contact the municipality (the public contact page). */
export async function updateContactInfo(db: Database, ctx: CommandContext, input: unknown): Promise<ContactInfo> {
  authorize(ctx.actor, 'tenant.updateContact', { tenantId: ctx.tenantId });
  const contact = validate<ContactInfo>('api/contact-info.schema.json', input);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const before = (await updateTenantSettings(db, tx, ctx.tenantId, () => ({ contact }))).contact as unknown as Record<string, unknown>;
    const changed = Object.keys({ ...before, ...contact }).filter((k) => before[k] !== (contact as unknown as Record<string, unknown>)[k]);
    // The values are contact details of an office, but the log records only which fields changed.
    await recordAudit(db, tx, ctx, { action: 'tenant.contactUpdated', entityType: 'tenant', entityId: ctx.tenantId, summary: { changed } });
    return contact;
  });
}
