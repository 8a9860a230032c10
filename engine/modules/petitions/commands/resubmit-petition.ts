// A returned proposal, changed by its proposer through the edit link, goes back to the moderation queue. The
// answers are checked against the form version the proposal was made with; the proposer's name and e-mail are
// kept unless the answers change them (a changed e-mail needs no new confirmation: the link came to the old one).
import { recordAudit, type CommandContext } from '../../../audit/record';
import { NotFoundError, ValidationError } from '../../../errors';
import { assertValidAnswers } from '../../../forms/answers';
import { fieldError } from '../../../../forms/validation';
import { listingOf, PROPOSER_EMAIL, PROPOSER_NAME, splitAnswers } from '../content';
import { execute, petitionByToken, select, type PetitionDeps } from '../db';
import { petitionConflict } from '../errors';
import { authorize } from '../policies';
import { openProposer, sealProposer } from '../proposer';
import { tokenHashOf } from '../tokens';
import { tellPetitionFlow } from '../flow-events';

export async function resubmitPetition(deps: PetitionDeps, ctx: CommandContext, token: unknown, answers: unknown): Promise<{ id: string }> {
  const { db, keyring } = deps;
  const hash = tokenHashOf(token);
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) throw new ValidationError([fieldError('/', 'schema.type', { type: 'object' }, 'must be an object of answers')]);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await petitionByToken(db, tx, 'edit_token_hash', hash);
    if (!row || row.status !== 'returned') throw new NotFoundError();
    authorize(ctx.actor, 'petitions.petition.resubmit', { tenantId: row.tenant_id });
    if (!row.edit_expires_at || row.edit_expires_at.getTime() <= Date.now()) throw petitionConflict('petition.tokenExpired', 'the edit link has expired', {}, '/token');
    const [form] = await select<{ schema: object; content_hash: string }>(db, tx, "SELECT definition->'schema' AS schema, content_hash FROM form_versions WHERE definition_id = $1 AND version = $2", [row.form_definition_id, row.form_version]);
    const stored = await openProposer(keyring, tx, row.tenant_id, row);
    const given = answers as Record<string, unknown>;
    const full = { ...(stored ? { [PROPOSER_NAME]: stored.name, [PROPOSER_EMAIL]: stored.email } : {}), ...given };
    const valid = assertValidAnswers(form!.content_hash, form!.schema, full);
    const { content, proposer } = splitAnswers(valid);
    const { title, summary } = listingOf(content);
    const sealed = await sealProposer(keyring, tx, row.tenant_id, row.id, proposer);
    await execute(
      db,
      tx,
      `UPDATE petitions SET status = 'awaitingModeration', content = $2, title = $3, summary = $4, original_content = NULL, corrected_at = NULL,
              proposer_name_sealed = $5, proposer_email_sealed = $6, proposer_email_hash = $7, edit_token_hash = NULL, edit_expires_at = NULL,
              mail_link_sealed = NULL, moderation_since = now(), moderation_overdue_at = NULL, resubmissions = resubmissions + 1, updated_at = now()
        WHERE id = $1`,
      [row.id, JSON.stringify(content), title, summary, sealed.nameSealed, sealed.emailSealed, sealed.emailHash],
    );
    await tellPetitionFlow(db, tx, row.tenant_id, row.id, 'petition.resubmitted');
    await recordAudit(db, tx, ctx, { action: 'petition.resubmitted', entityType: 'petition', entityId: row.id, summary: { resubmissions: row.resubmissions + 1 } });
    return { id: row.id };
  });
}
