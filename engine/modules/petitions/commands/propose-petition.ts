// Anyone proposes a petition, without logging in: the answers of the tenant's published petition form, checked
// against that version, stored with the proposer's name and e-mail sealed, awaiting the e-mail's confirmation.
// The confirmation token is sent to that address only, by the petition's flow (never shown to the browser that
// proposed); it is returned here for the tests of the data layer.
import { randomUUID } from 'node:crypto';
import { recordAudit, type CommandContext } from '../../../audit/record';
import { NotFoundError, ValidationError } from '../../../errors';
import { assertValidAnswers } from '../../../forms/answers';
import { isUuid } from '../../../ids';
import { fieldError } from '../../../../forms/validation';
import { listingOf, splitAnswers } from '../content';
import { execute, publishedPetitionForm, select, type PetitionDeps } from '../db';
import { petitionConflict } from '../errors';
import { authorize } from '../policies';
import { proposerEmailHash, sealProposer } from '../proposer';
import { newToken } from '../tokens';
import { startPetitionFlow } from '../flow-events';
import { sealMailLink } from '../mail-link';

/** How long the confirmation link works; unconfirmed proposals are deleted after the same time (delete-unconfirmed.ts). */
export const CONFIRM_DAYS = 7;
/** Proposals one e-mail address may make in a day. */
export const PROPOSALS_PER_DAY = 5;

export interface ProposeInput {
  /** The petition form; without it, the tenant's published petition form (the oldest, when there are several). */
  formId?: string;
  answers: unknown;
}

export interface Proposed {
  id: string;
  /** For the e-mail to the proposer only. */
  confirmToken: string;
  confirmExpiresAt: Date;
}

export async function proposePetition(deps: PetitionDeps, ctx: CommandContext, input: ProposeInput): Promise<Proposed> {
  authorize(ctx.actor, 'petitions.petition.propose', { tenantId: ctx.tenantId });
  const { db, keyring } = deps;
  if (!input || typeof input !== 'object') throw new ValidationError([fieldError('/', 'schema.type', { type: 'object' }, 'must be object')]);
  if (input.formId !== undefined && (typeof input.formId !== 'string' || !isUuid(input.formId))) throw new NotFoundError();
  return db.withTenant(ctx.tenantId, async (tx) => {
    const form = await publishedPetitionForm(db, tx, input.formId);
    if (!form) throw new NotFoundError('There is no published petition form.');
    const answers = assertValidAnswers(form.content_hash, form.schema, input.answers);
    const { content, proposer } = splitAnswers(answers);
    const { title, summary } = listingOf(content);

    const emailHash = await proposerEmailHash(keyring, tx, ctx.tenantId, proposer.email);
    const [recent] = await select<{ n: number }>(db, tx, "SELECT count(*)::integer AS n FROM petitions WHERE proposer_email_hash = $1 AND created_at > now() - interval '1 day'", [emailHash]);
    if ((recent?.n ?? 0) >= PROPOSALS_PER_DAY) throw petitionConflict('petition.tooManyProposals', `at most ${PROPOSALS_PER_DAY} proposals a day from one e-mail address`, { limit: PROPOSALS_PER_DAY }, `/proposerEmail`);

    const id = randomUUID();
    const sealed = await sealProposer(keyring, tx, ctx.tenantId, id, proposer);
    const confirm = newToken();
    const confirmExpiresAt = new Date(Date.now() + CONFIRM_DAYS * 86_400_000);
    await execute(
      db,
      tx,
      `INSERT INTO petitions (id, tenant_id, status, form_definition_id, form_version, content, title, summary,
                              proposer_name_sealed, proposer_email_sealed, proposer_email_hash, confirm_token_hash, confirm_expires_at)
       VALUES ($1, $2, 'awaitingConfirmation', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [id, ctx.tenantId, form.id, form.version, JSON.stringify(content), title, summary, sealed.nameSealed, sealed.emailSealed, sealed.emailHash, confirm.hash, confirmExpiresAt],
    );
    // The flow e-mails the confirmation link (kept sealed until then: mail-link.ts) and deletes the proposal after
    // CONFIRM_DAYS if it is never confirmed.
    await execute(db, tx, 'UPDATE petitions SET mail_link_sealed = $2 WHERE id = $1', [id, await sealMailLink(keyring, tx, ctx.tenantId, id, 'confirm', confirm.token)]);
    await startPetitionFlow(db, tx, ctx, id);
    await recordAudit(db, tx, ctx, { action: 'petition.proposed', entityType: 'petition', entityId: id, summary: { form: form.id, version: form.version } });
    return { id, confirmToken: confirm.token, confirmExpiresAt };
  });
}
