// Audit rows about votes that must say nothing about who voted: written as the system actor `ballot`, with no
// request id (a request id leads to the request's log line, and that to the session), and summaries of counts
// and days only. Every other audit row keeps its actor: this is for the votes alone.
import type { Transaction } from 'sequelize';
import { systemActor } from '../../actors';
import { recordAudit, type AuditEvent } from '../../audit/record';
import type { Database } from '../../db/database';

export const BALLOT_ACTOR = 'ballot';

export function recordBallotAudit(db: Database, tx: Transaction, tenantId: string, event: AuditEvent): Promise<void> {
  return recordAudit(db, tx, { tenantId, actor: systemActor(tenantId, BALLOT_ACTOR) }, event);
}
