// An invitation's link: 32 random bytes as base64url in the URL on the tenant's public site, and only their SHA-256
// in task_slots.invitation_token_hash, so the table alone opens nothing. Issuing a new one replaces the old (the old
// link stops working): the administrator's "copy link" does, and so will the sender of the invitation message
// (it is not kept anywhere to be sent later). The link lives while the person holds the slot (invited, and after
// accepting, so a second answer by it is told it was answered); the slot becoming vacant clears it (migration 0020).
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { ElectionInvitationLink } from '../../../../../schemas/types/election-assignment-invitation-link';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { NotFoundError } from '../../../../errors';
import { foundUuid } from '../../../../ids';
import { execute, type ElectionDeps } from '../../db';
import { electionConflict } from '../../errors';
import { authorize } from '../../policies';
import { electionPageUrl } from '../../public-pages';
import { findSlot } from './common';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

/** The hash of something shaped like a token; anything else is answered like an unknown token (404). */
export function invitationTokenHashOf(token: unknown): string {
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new NotFoundError();
  return hashInvitationToken(token);
}

/** The invitation's page on the tenant's public site, in the tenant's language (public-pages.ts INVITATION_PAGE). */
export const invitationUrl = (publicOrigin: string, token: string, locale: 'da' | 'sv' | 'en' = 'en'): string => electionPageUrl(publicOrigin, `/election/invitations/${token}`, locale);

/**
 * A new token for a slot that is still invited (the caller holds its row lock or runs in the transaction that
 * invited); undefined when the slot is no longer invited. The old link stops working.
 */
export async function issueInvitationToken(db: Database, tx: Transaction, slotId: string): Promise<string | undefined> {
  const { token, hash } = newInvitationToken();
  const n = await execute(db, tx, "UPDATE task_slots SET invitation_token_hash = $2, updated_at = now() WHERE id = $1 AND state = 'invited'", [slotId, hash]);
  return n === 1 ? token : undefined;
}

/** GET …/slots/:slotId/invitation-link: a new link of an invited slot (409 election.notInvited otherwise), audited. */
export async function invitationLink(deps: ElectionDeps, ctx: CommandContext, electionId: string, slotId: string, opts: { publicOrigin: string; locale?: 'da' | 'sv' | 'en' }): Promise<ElectionInvitationLink> {
  authorize(ctx.actor, 'election.slots.manage', { tenantId: ctx.tenantId });
  foundUuid(electionId);
  foundUuid(slotId);
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const slot = await findSlot(db, tx, electionId, slotId, { lock: true });
    const token = slot.state === 'invited' ? await issueInvitationToken(db, tx, slot.id) : undefined;
    if (!token) throw electionConflict('election.notInvited', 'the slot has no unanswered invitation', { slotId });
    await recordAudit(db, tx, ctx, { action: 'election.invitationLinkIssued', entityType: 'electionTask', entityId: slot.id, summary: { slotId: slot.id, participantId: slot.participant_id } });
    return { url: invitationUrl(opts.publicOrigin, token, opts.locale) };
  });
}
