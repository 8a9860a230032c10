import { systemActor } from '../engine/actors';
import { purgeAuditLog, type PurgeResult } from '../engine/commands/purge-audit-log';
import { purgeCommunicationLog } from '../engine/commands/purge-communication-log';
import { purgeExpiredSessions } from '../engine/commands/purge-expired-sessions';
import type { ActivityDeps } from './index';

export function createHousekeepingActivities({ db }: ActivityDeps) {
  return {
    /** Idempotent: a retry purges nothing new and writes no second audit row. */
    async purgeExpiredAuditEntries(input: { tenantId: string; asOf: string }): Promise<PurgeResult> {
      const ctx = { tenantId: input.tenantId, actor: systemActor(input.tenantId, 'housekeeping') };
      return purgeAuditLog(db, ctx, new Date(input.asOf));
    },

    /** Sessions that expired or ended before `asOf` (the workflow's clock); returns how many went. */
    async purgeExpiredSessions(input: { tenantId: string; asOf: string }): Promise<number> {
      return purgeExpiredSessions(db, { tenantId: input.tenantId, actor: systemActor(input.tenantId, 'housekeeping') }, new Date(input.asOf));
    },

    /** Communication log entries (and their delivery attempts) created more than 4 months before `asOf`; returns how many went. */
    async purgeCommunicationLog(input: { tenantId: string; asOf: string }): Promise<number> {
      return purgeCommunicationLog(db, { tenantId: input.tenantId, actor: systemActor(input.tenantId, 'housekeeping') }, new Date(input.asOf));
    },
  };
}
