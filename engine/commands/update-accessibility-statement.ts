import type { AccessibilityStatement } from '../../schemas/types/api-accessibility-statement';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { authorize } from '../policies';
import { updateTenantSettings } from '../tenancy/update-settings';
import { validate } from '../validation';

/**
 * An administrator says where the municipality's accessibility statement is — an address elsewhere or its own
 * text — which every public page's footer links (required by Danish and Swedish law).
 */
export async function updateAccessibilityStatement(db: Database, ctx: CommandContext, input: unknown): Promise<AccessibilityStatement> {
  authorize(ctx.actor, 'tenant.updateAccessibilityStatement', { tenantId: ctx.tenantId });
  const statement = validate<AccessibilityStatement>('api/accessibility-statement.schema.json', input);
  return db.withTenant(ctx.tenantId, async (tx) => {
    await updateTenantSettings(db, tx, ctx.tenantId, () => ({ accessibilityStatement: statement }));
    // Which kind, and in which languages: the text itself is public anyway, but the log stays small.
    const summary = 'url' in statement ? { kind: 'link' } : { kind: 'page', languages: Object.keys(statement.text).sort() };
    await recordAudit(db, tx, ctx, { action: 'tenant.accessibilityStatementUpdated', entityType: 'tenant', entityId: ctx.tenantId, summary });
    return statement;
  });
}
