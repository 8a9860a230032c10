import { systemActor } from '../engine/actors';
import { purgeAuditLog, type PurgeResult } from '../engine/commands/purge-audit-log';
import type { ActivityDeps } from './index';

export function createHousekeepingActivities({ db }: ActivityDeps) {
  return {
    /** Idempotent: a retry purges nothing new and writes no second audit row. */
    async purgeExpiredAuditEntries(input: { tenantId: string; asOf: string }): Promise<PurgeResult> {
      const ctx = { tenantId: input.tenantId, actor: systemActor(input.tenantId, 'housekeeping') };
      return purgeAuditLog(db, ctx, new Date(input.asOf));
    },
  };
}
