// The election's rejected tasks: who said no (or had no said for them) to which task type, where and on which date,
// when — newest first, at most 2,000 (a municipality's election has some hundreds). From task_rejections, which
// keeps the task as it was when rejected (the slot may have been moved or removed since).
import type { CommandContext } from '../../../../audit/record';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';

export const MAX_REJECTIONS = 2000;

export interface RejectionRow {
  id: string;
  participant_id: string;
  given_name: string;
  family_name: string;
  task_type_id: string;
  task_type_title: string;
  task_type_short_name: string;
  work_location_id: string;
  work_location_name: string;
  task_date: string;
  rejected_at: Date;
  on_behalf: boolean;
  slot_id: string | null;
}

export async function listRejections(deps: ElectionDeps, ctx: CommandContext, electionId: string): Promise<RejectionRow[]> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  foundUuid(electionId);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [election] = await select<{ id: string }>(db, tx, 'SELECT id FROM elections WHERE id = $1', [electionId]);
    if (!election) throw new NotFoundError();
    return select<RejectionRow>(
      db,
      tx,
      `SELECT r.id, r.participant_id, p.given_name, p.family_name, r.task_type_id, tt.title AS task_type_title, tt.short_name AS task_type_short_name,
              r.work_location_id, wl.name AS work_location_name, r.task_date::text AS task_date, r.rejected_at, r.on_behalf, r.slot_id
         FROM task_rejections r
         JOIN participants p ON p.tenant_id = r.tenant_id AND p.id = r.participant_id
         JOIN task_types tt ON tt.tenant_id = r.tenant_id AND tt.id = r.task_type_id
         JOIN work_locations wl ON wl.tenant_id = r.tenant_id AND wl.id = r.work_location_id
        WHERE r.tenant_id = $1 AND r.election_id = $2
        ORDER BY r.rejected_at DESC, r.id LIMIT ${MAX_REJECTIONS}`,
      [ctx.tenantId, electionId],
    );
  });
}
