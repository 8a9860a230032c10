// An administrator deletes a filtered selection of participants at once, after typing the confirmation word of
// the tenant's language. One transaction records the deletion (who asked, when, how many), its items (one per
// participant) and the audit row; the deleting itself is a workflow (workflows/election/bulk-deletion/) that
// works through the items in batches, each participant audited by id as they go.
//
// Why not the flow outbox: its rows belong to flow instances (a foreign key, one ordered lane per instance) and
// the dispatcher only knows the flow workflow. The deletion's own row already is what an outbox row would be —
// the durable intent, committed with the request — so the workflow is started right after the commit with an id
// made from the deletion's (starting twice finds the first), and a resumer (../../bulk-deletion-workflow.ts,
// Module.resumeWorkflows) starts again any deletion still 'running' whose start was lost: a crash between the
// commit and the start delays the deletion by minutes, never loses it.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import type { FlowTemporal } from '../../../../flows/workflows';
import { validate } from '../../../../validation';
import type { ElectionParticipantDeletionStart } from '../../../../../schemas/types/election-participant-deletion-start';
import type { ElectionParticipantDeletionStarted } from '../../../../../schemas/types/election-participant-deletion-started';
import { startBulkDeletionWorkflow } from '../../bulk-deletion-workflow';
import { select } from '../../db';
import { electionInvalid } from '../../errors';
import { authorize } from '../../policies';
import { startAfterRequest } from '../../start-module-workflow';

/** The word an administrator types to confirm, by the tenant's language (compared in any case). */
export const CONFIRMATION_WORDS = { da: 'SLET', sv: 'RADERA', en: 'DELETE' } as const;

type Locale = keyof typeof CONFIRMATION_WORDS;

/** Records the deletion and its items; the workflow is not started here (see startParticipantDeletion). */
export async function requestParticipantDeletion(deps: { db: Database }, ctx: CommandContext, input: unknown): Promise<ElectionParticipantDeletionStarted> {
  authorize(ctx.actor, 'election.participants.bulkDelete', { tenantId: ctx.tenantId });
  const body = validate<ElectionParticipantDeletionStart>('election/participant-deletion-start.schema.json', input);
  const ids = [...new Set(body.participantIds.map((id) => id.toLowerCase()))];
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const [tenant] = await select<{ locale: Locale }>(db, tx, 'SELECT default_locale AS locale FROM tenants WHERE id = $1', [ctx.tenantId]);
    const word = CONFIRMATION_WORDS[tenant?.locale ?? 'en'];
    if (body.confirmation.trim().toUpperCase() !== word) throw electionInvalid('/confirmation', 'election.confirmationWord', `type ${word} to confirm`, { word });
    // Under RLS another tenant's participant is simply not there: it counts as unknown like a made-up id.
    const [found] = await select<{ n: number }>(db, tx, 'SELECT count(*)::int AS n FROM participants WHERE id = ANY($1::uuid[])', [ids]);
    const unknown = ids.length - (found?.n ?? 0);
    if (unknown > 0) throw electionInvalid('/participantIds', 'election.unknownParticipants', `${unknown} of the participants are not there (deleted already, or never were)`, { count: unknown });

    const [deletion] = await select<{ id: string }>(db, tx, 'INSERT INTO participant_deletions (tenant_id, requested_by, total) VALUES ($1, $2, $3) RETURNING id', [
      ctx.tenantId,
      ctx.actor.kind === 'anonymous' ? 'anonymous' : ctx.actor.id,
      ids.length,
    ]);
    const id = deletion!.id;
    await db.sequelize.query('INSERT INTO participant_deletion_items (tenant_id, deletion_id, participant_id) SELECT $1, $2, unnest($3::uuid[])', { bind: [ctx.tenantId, id, ids], transaction: tx });
    await recordAudit(db, tx, ctx, { action: 'election.participantsBulkDeletionStarted', entityType: 'electionParticipantDeletion', entityId: id, summary: { deletionId: id, total: ids.length } });
    return { id, total: ids.length };
  });
}

/**
 * Records the deletion, then starts its workflow. A start that fails (Temporal away) does not undo the committed
 * request: the resumer starts it later, so the answer is the same either way.
 */
export async function startParticipantDeletion(deps: { db: Database; flows: FlowTemporal }, ctx: CommandContext, input: unknown): Promise<ElectionParticipantDeletionStarted> {
  const started = await requestParticipantDeletion(deps, ctx, input);
  await startAfterRequest(deps.flows, () => startBulkDeletionWorkflow(deps.flows, ctx.tenantId, started.id));
  return started;
}
