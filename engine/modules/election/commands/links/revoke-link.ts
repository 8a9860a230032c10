// Revokes a task link of an election: from then on the public site answers it 404 like an unknown one. Revoking
// a revoked link changes nothing (and is not audited again); a link of another election or tenant is missing
// (404). Audited election.linkRevoked.
import { NotFoundError } from '../../../../errors';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { select, type ElectionDeps } from '../../db';
import { authorize } from '../../policies';

export async function revokeLink(deps: ElectionDeps, ctx: CommandContext, electionId: string, linkId: string): Promise<void> {
  authorize(ctx.actor, 'election.links.manage', { tenantId: ctx.tenantId });
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const [link] = await select<{ id: string; revoked: boolean }>(db, tx, 'SELECT id, revoked_at IS NOT NULL AS revoked FROM task_links WHERE id = $1 AND election_id = $2 FOR UPDATE', [linkId, electionId]);
    if (!link) throw new NotFoundError();
    if (link.revoked) return;
    await select(db, tx, 'UPDATE task_links SET revoked_at = now() WHERE id = $1 RETURNING id', [link.id]);
    await recordAudit(db, tx, ctx, { action: 'election.linkRevoked', entityType: 'electionTaskLink', entityId: link.id, summary: { electionId } });
  });
}
