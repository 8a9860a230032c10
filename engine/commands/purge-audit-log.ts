import { QueryTypes } from 'sequelize';
import { recordAudit, type CommandContext } from '../audit/record';
import type { Database } from '../db/database';
import { NotFoundError } from '../errors';
import { authorize } from '../policies';

export interface PurgeResult {
  purged: number;
  cutoff: string;
  /** The chain head after the purge: recorded in the workflow history as an outside witness of the chain. */
  headSeq: number;
  headHash: string;
}

/** `asOf` minus the tenant's retention in calendar months, in UTC. */
export function retentionCutoff(asOf: Date, months: number): Date {
  const cutoff = new Date(asOf);
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  // 31 August minus 6 months is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** Deletes the tenant's audit rows older than its retention period, as of `asOf` (the workflow's clock). */
export async function purgeAuditLog(db: Database, ctx: CommandContext, asOf: Date): Promise<PurgeResult> {
  authorize(ctx.actor, 'auditLog.purge', { tenantId: ctx.tenantId });
  return db.withTenant(ctx.tenantId, async (tx) => {
    const tenant = await db.models.Tenant.findByPk(ctx.tenantId, { transaction: tx });
    if (!tenant) throw new NotFoundError();
    const months = tenant.get({ plain: true }).settings.retention.auditLogMonths;
    const cutoff = retentionCutoff(asOf, months);
    const [row] = await db.sequelize.query<{ n: string }>('SELECT purge_audit_log($1) AS n', { bind: [cutoff.toISOString()], type: QueryTypes.SELECT, transaction: tx });
    const purged = Number(row?.n ?? 0);
    if (purged > 0) {
      await recordAudit(db, tx, ctx, { action: 'auditLog.purged', entityType: 'auditLog', summary: { purged, olderThan: cutoff.toISOString(), retentionMonths: months } });
    }
    const [head] = await db.sequelize.query<{ last_seq: string; last_hash: string }>('SELECT last_seq, last_hash FROM audit_chain_heads WHERE tenant_id = $1', {
      bind: [ctx.tenantId],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    return { purged, cutoff: cutoff.toISOString(), headSeq: Number(head?.last_seq ?? 0), headHash: head?.last_hash ?? '' };
  });
}
