// The moderators' queue: proposals awaiting moderation, the one waiting longest first, with how long it has
// waited (since its confirmation or its resubmission) and how long it may (the moderation target of the flow
// version it runs: moderationTargetDays), and whether its flow has marked it overdue.
import { fieldError } from '../../../../forms/validation';
import type { Actor } from '../../../actors';
import { ValidationError } from '../../../errors';
import { select, type PetitionContent, type PetitionDeps } from '../db';
import { DEFAULT_PETITION_PARAMETERS } from '../flow-parameters';
import { authorize } from '../policies';

export interface ModerationItem {
  id: string;
  title: string;
  summary: string;
  content: PetitionContent;
  waitingSince: Date;
  waitingSeconds: number;
  resubmissions: number;
  corrected: boolean;
  /** The petition flow's moderation target in days (its version's parameter; the built-in default without a flow). */
  dueDays: number;
  /** The flow's moderation reminder has fired since it entered the queue. */
  markedOverdue: boolean;
}

export async function moderationQueue(deps: Pick<PetitionDeps, 'db'>, actor: Actor, page: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: ModerationItem[] }> {
  authorize(actor, 'petitions.petition.moderate', { tenantId: actor.tenantId });
  const limit = page.limit ?? 50;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ValidationError([fieldError('/limit', 'schema.maximum', { limit: 200 }, 'must be a whole number from 1 to 200')]);
  if (!Number.isInteger(offset) || offset < 0) throw new ValidationError([fieldError('/offset', 'schema.minimum', { limit: 0 }, 'must be a whole number from 0')]);
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const [count] = await select<{ n: number }>(db, tx, "SELECT count(*)::integer AS n FROM petitions WHERE status = 'awaitingModeration'");
    const items = await select<ModerationItem>(
      db,
      tx,
      `SELECT id, title, summary, content, moderation_since AS "waitingSince", floor(extract(epoch FROM now() - moderation_since))::integer AS "waitingSeconds",
              resubmissions, corrected_at IS NOT NULL AS corrected,
              coalesce((SELECT (v.parameters->>'moderationTargetDays')::integer
                          FROM flow_instances i JOIN flow_versions v ON v.definition_id = i.definition_id AND v.version = i.version
                         WHERE i.subject_type = 'petition' AND i.subject_id = p.id ORDER BY i.started_at DESC LIMIT 1), $3) AS "dueDays",
              (moderation_overdue_at IS NOT NULL AND moderation_overdue_at >= moderation_since) AS "markedOverdue"
         FROM petitions p WHERE status = 'awaitingModeration' ORDER BY moderation_since, id LIMIT $1 OFFSET $2`,
      [limit, offset, DEFAULT_PETITION_PARAMETERS.moderationTargetDays],
    );
    return { total: count?.n ?? 0, items };
  });
}
