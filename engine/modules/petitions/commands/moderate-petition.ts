// Moderation: every proposal is reviewed before it is published. Approve (publish and open the vote window,
// with the petition's own vote key), reject with a reason code and a message, return for changes (the proposer
// gets an edit link), or correct the spelling first (the original is kept, so the proposer sees the change).
// Only a proposal awaiting moderation can be moderated; every decision is audited in its own transaction.
import { createFormAjv } from '../../../../forms/validation';
import { toFieldErrors, fieldError } from '../../../../forms/validation';
import { recordAudit, type CommandContext } from '../../../audit/record';
import { ValidationError } from '../../../errors';
import { zoneOf } from '../../../flows/tenant-rules';
import { listingOf, PROPOSER_EMAIL, PROPOSER_NAME } from '../content';
import { execute, findPetition, select, REJECTION_REASONS, type PetitionContent, type PetitionDeps, type PetitionRow, type RejectionReason } from '../db';
import { wrongStatus } from '../errors';
import { authorize } from '../policies';
import { DEFAULT_PETITION_PARAMETERS, petitionParameters, THRESHOLD_PARAMETERS, type PetitionParameters } from '../flow-parameters';
import { tellPetitionFlow } from '../flow-events';
import { sealMailLink } from '../mail-link';
import { newToken } from '../tokens';
import { createVoteKey } from '../vote-keys';
import type { Transaction } from 'sequelize';

/** How long a proposer's edit link works after a return. */
export const EDIT_DAYS = 30;
const MAX_MESSAGE = 4000;

export interface ApproveOptions {
  windowDays?: number;
  /** Vote counts that move the petition on (each reaches its flows once), at most 10. */
  thresholds?: number[];
}

async function moderatable(deps: PetitionDeps, tx: Transaction, ctx: CommandContext, id: string, action: string): Promise<PetitionRow> {
  const row = await findPetition(deps.db, tx, id, { lock: true });
  authorize(ctx.actor, 'petitions.petition.moderate', { tenantId: row.tenant_id });
  if (row.status !== 'awaitingModeration') throw wrongStatus(row.status, action);
  return row;
}

/** The window and thresholds asked for, else the petition flow's parameters (flow-parameters.ts). */
function checkApprove(options: ApproveOptions, parameters: PetitionParameters): { windowDays: number; thresholds: number[] } {
  const windowDays = options.windowDays ?? parameters.windowDays;
  const thresholds = options.thresholds ?? THRESHOLD_PARAMETERS.map((p) => parameters[p]);
  const errors = [];
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 365) errors.push(fieldError('/windowDays', 'schema.maximum', { limit: 365 }, 'must be a whole number of days from 1 to 365'));
  if (!Array.isArray(thresholds) || thresholds.length > 10) errors.push(fieldError('/thresholds', 'schema.maxItems', { limit: 10 }, 'must be a list of at most 10 thresholds'));
  else
    thresholds.forEach((t, i) => {
      if (!Number.isInteger(t) || t < 1 || t > 10_000_000) errors.push(fieldError(`/thresholds/${i}`, 'schema.minimum', { limit: 1 }, 'must be a whole number from 1 to 10000000'));
    });
  if (errors.length) throw new ValidationError(errors);
  return { windowDays, thresholds: [...new Set(thresholds)].sort((a, b) => a - b) };
}

/** Publishes the petition and opens its vote window now. */
export async function approvePetition(deps: PetitionDeps, ctx: CommandContext, id: string, options: ApproveOptions = {}): Promise<{ openedAt: Date; closesAt: Date }> {
  const { db, keyring } = deps;
  // Bad options are refused before anything is read; the flow's own parameters are trusted (publishing checked them).
  if (options.windowDays !== undefined || options.thresholds !== undefined) checkApprove(options, DEFAULT_PETITION_PARAMETERS);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await moderatable(deps, tx, ctx, id, 'approved');
    const { windowDays, thresholds } = checkApprove(options ?? {}, await petitionParameters(db, tx, row.id));
    const [tenant] = await select<{ country: string }>(db, tx, 'SELECT country FROM tenants WHERE id = $1', [row.tenant_id]);
    const [opened] = await select<{ opened_at: Date; closes_at: Date }>(
      db,
      tx,
      `UPDATE petitions SET status = 'open', moderated_at = now(), moderation_reason = NULL, moderation_message = NULL, thresholds = $2, zone = $3,
              opened_at = now(), closes_at = now() + make_interval(days => $4), updated_at = now()
        WHERE id = $1 RETURNING opened_at, closes_at`,
      [row.id, thresholds, zoneOf(tenant?.country ?? ''), windowDays],
    );
    await createVoteKey(db, keyring, tx, row.tenant_id, row.id);
    // The flow's vote window starts now (its deadline `voting`, windowDays long, extendable by an administrator).
    await tellPetitionFlow(db, tx, row.tenant_id, row.id, 'petition.approved');
    await recordAudit(db, tx, ctx, { action: 'petition.approved', entityType: 'petition', entityId: row.id, summary: { windowDays, thresholds } });
    return { openedAt: opened!.opened_at, closesAt: opened!.closes_at };
  });
}

function checkMessage(message: unknown): string {
  if (typeof message !== 'string' || message.trim() === '') throw new ValidationError([fieldError('/message', 'schema.required', { missingProperty: 'message' }, 'must say why')]);
  if (message.length > MAX_MESSAGE) throw new ValidationError([fieldError('/message', 'schema.maxLength', { limit: MAX_MESSAGE }, `must be at most ${MAX_MESSAGE} characters`)]);
  return message.trim();
}

/** Rejects the proposal for good, with a reason code and a message to the proposer. */
export async function rejectPetition(deps: PetitionDeps, ctx: CommandContext, id: string, input: { reason: RejectionReason; message: string }): Promise<void> {
  if (!REJECTION_REASONS.includes(input?.reason)) throw new ValidationError([fieldError('/reason', 'schema.enum', { allowedValues: REJECTION_REASONS }, `must be one of ${REJECTION_REASONS.join(', ')}`)]);
  const message = checkMessage(input.message);
  const { db } = deps;
  await db.withTenant(ctx.tenantId, async (tx) => {
    const row = await moderatable(deps, tx, ctx, id, 'rejected');
    await execute(db, tx, "UPDATE petitions SET status = 'rejected', moderation_reason = $2, moderation_message = $3, moderated_at = now(), updated_at = now() WHERE id = $1", [row.id, input.reason, message]);
    await tellPetitionFlow(db, tx, row.tenant_id, row.id, 'petition.rejected');
    await recordAudit(db, tx, ctx, { action: 'petition.rejected', entityType: 'petition', entityId: row.id, summary: { reason: input.reason } });
  });
}

/** Returns the proposal for changes: the message says what, the edit token (for the e-mail only) lets the proposer resubmit. */
export async function returnPetition(deps: PetitionDeps, ctx: CommandContext, id: string, input: { message: string }): Promise<{ editToken: string; editExpiresAt: Date }> {
  const message = checkMessage(input?.message);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await moderatable(deps, tx, ctx, id, 'returned');
    const edit = newToken();
    const editExpiresAt = new Date(Date.now() + EDIT_DAYS * 86_400_000);
    await execute(
      db,
      tx,
      "UPDATE petitions SET status = 'returned', moderation_reason = NULL, moderation_message = $2, moderated_at = now(), edit_token_hash = $3, edit_expires_at = $4, mail_link_sealed = $5, updated_at = now() WHERE id = $1",
      [row.id, message, edit.hash, editExpiresAt, await sealMailLink(deps.keyring, tx, row.tenant_id, row.id, 'edit', edit.token)],
    );
    // The flow e-mails the proposer the message and the edit link (read from mail_link_sealed in its activity).
    await tellPetitionFlow(db, tx, row.tenant_id, row.id, 'petition.returned');
    await recordAudit(db, tx, ctx, { action: 'petition.returned', entityType: 'petition', entityId: row.id, summary: { resubmissions: row.resubmissions } });
    return { editToken: edit.token, editExpiresAt };
  });
}

/**
 * Corrects the wording of text answers before publishing (spelling, not meaning: the proposer is told). The
 * proposal as the proposer sent it is kept at the first correction. Each changed answer must still fit the form.
 */
export async function correctPetition(deps: PetitionDeps, ctx: CommandContext, id: string, changes: Record<string, string>): Promise<{ fields: string[] }> {
  const { db } = deps;
  if (!changes || typeof changes !== 'object' || Array.isArray(changes) || Object.keys(changes).length === 0) throw new ValidationError([fieldError('/', 'schema.minProperties', { limit: 1 }, 'must change at least one answer')]);
  const fields = Object.keys(changes).sort();
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await moderatable(deps, tx, ctx, id, 'corrected');
    const [form] = await select<{ schema: { properties?: Record<string, object> } }>(db, tx, "SELECT definition->'schema' AS schema FROM form_versions WHERE definition_id = $1 AND version = $2", [row.form_definition_id, row.form_version]);
    const properties = form?.schema.properties ?? {};
    const notText = fields.filter((f) => f === PROPOSER_NAME || f === PROPOSER_EMAIL || typeof row.content[f] !== 'string' || !properties[f]);
    if (notText.length) throw new ValidationError(notText.map((f) => fieldError(`/${f}`, 'schema.additionalProperties', { additionalProperty: f }, 'is not a text answer of this proposal')));
    const check = createFormAjv().compile({ type: 'object', properties: Object.fromEntries(fields.map((f) => [f, properties[f]])), required: fields });
    if (!check(changes)) throw new ValidationError(toFieldErrors(check.errors));
    const content: PetitionContent = { ...row.content, ...changes };
    const { title, summary } = listingOf(content);
    await execute(
      db,
      tx,
      'UPDATE petitions SET original_content = coalesce(original_content, content), content = $2, title = $3, summary = $4, corrected_at = now(), updated_at = now() WHERE id = $1',
      [row.id, JSON.stringify(content), title, summary],
    );
    await recordAudit(db, tx, ctx, { action: 'petition.corrected', entityType: 'petition', entityId: row.id, summary: { fields } });
    return { fields };
  });
}
