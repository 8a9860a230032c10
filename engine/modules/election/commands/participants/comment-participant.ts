// An administrator's comment on a participant (shown on the profile, newest first). The comment's text is
// free text about a person: it stays in participant_comments, the audit row carries ids only.
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { fieldError } from '../../../../../forms/validation';
import { ValidationError } from '../../../../errors';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';
import { findParticipant } from '../../participants/rows';

export const MAX_COMMENT = 4000;

export interface CommentRow {
  id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export async function commentParticipant(deps: ElectionDeps, ctx: CommandContext, id: string, body: string): Promise<CommentRow> {
  const text = typeof body === 'string' ? body.trim() : '';
  if (!text) throw new ValidationError([fieldError('/body', 'schema.required', { missingProperty: 'body' }, 'must say something')]);
  if (text.length > MAX_COMMENT) throw new ValidationError([fieldError('/body', 'schema.maxLength', { limit: MAX_COMMENT }, `must be at most ${MAX_COMMENT} characters`)]);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await findParticipant(db, tx, id);
    authorize(ctx.actor, 'election.participants.manage', { tenantId: row.tenant_id });
    const author = ctx.actor.kind === 'user' ? ctx.actor.displayName.slice(0, 200) || 'Administrator' : 'System';
    const [comment] = await select<CommentRow>(db, tx, 'INSERT INTO participant_comments (tenant_id, participant_id, author_name, body) VALUES ($1, $2, $3, $4) RETURNING id, author_name, body, created_at', [row.tenant_id, row.id, author, text]);
    await recordAudit(db, tx, ctx, { action: 'election.participantCommented', entityType: 'electionParticipant', entityId: row.id, summary: { commentId: comment!.id } });
    return comment!;
  });
}
