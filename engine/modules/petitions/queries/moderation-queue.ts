// The moderators' queue: proposals awaiting moderation, the one waiting longest first, with how long it has
// waited (since its confirmation or its resubmission).
import { fieldError } from '../../../../forms/validation';
import type { Actor } from '../../../actors';
import { ValidationError } from '../../../errors';
import { select, type PetitionContent, type PetitionDeps } from '../db';
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
              resubmissions, corrected_at IS NOT NULL AS corrected
         FROM petitions WHERE status = 'awaitingModeration' ORDER BY moderation_since, id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { total: count?.n ?? 0, items };
  });
}
