// The petition flow's own actions (builtin/petition.flow.json): closing the vote window — which erases the
// voters, keeping only the count and the tally per day — deleting a proposal whose e-mail was never confirmed,
// and marking a proposal that waits too long for moderation as overdue. Each runs as the flow (a system actor)
// and is idempotent by the workflow's key, like every action.
import type { FlowAction } from '../module';
import { recordAudit } from '../../audit/record';
import { flowCtx, instanceRow, once } from '../../flows/instance-store';
import { eraseVoters } from './commands/erase-voters';
import { execute } from './db';

const NO_CONFIG = { type: 'object', additionalProperties: false, properties: {} };

export const closePetitionVoting: FlowAction = {
  configSchema: NO_CONFIG,
  run: async ({ db, keyring }, input) => {
    const { subject_id: petitionId } = await db.withTenant(input.tenantId, (tx) => instanceRow(db, tx, input.instanceId));
    // Closes the window and erases who voted in one transaction; a second run finds them erased and does nothing.
    await eraseVoters({ db, keyring }, flowCtx(input.tenantId), petitionId);
    return { done: true };
  },
};

export const deleteUnconfirmedPetition: FlowAction = {
  configSchema: NO_CONFIG,
  deletesPersonalData: true,
  run: ({ db }, input) =>
    once(db, input, async (tx, ctx) => {
      const row = await instanceRow(db, tx, input.instanceId);
      const deleted = await execute(db, tx, "DELETE FROM petitions WHERE id = $1 AND status = 'awaitingConfirmation'", [row.subject_id]);
      if (deleted) await recordAudit(db, tx, ctx, { action: 'petition.unconfirmedDeleted', entityType: 'petition', entityId: row.subject_id, summary: { by: 'flow' } });
      return { done: true };
    }),
};

export const markModerationOverdue: FlowAction = {
  configSchema: NO_CONFIG,
  run: ({ db }, input) =>
    once(db, input, async (tx, ctx) => {
      const row = await instanceRow(db, tx, input.instanceId);
      const marked = await execute(db, tx, "UPDATE petitions SET moderation_overdue_at = now() WHERE id = $1 AND status = 'awaitingModeration'", [row.subject_id]);
      if (marked) await recordAudit(db, tx, ctx, { action: 'petition.moderationOverdue', entityType: 'petition', entityId: row.subject_id, summary: {} });
      return { done: true };
    }),
};
