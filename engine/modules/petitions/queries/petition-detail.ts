// One petition as the public sees it: the proposal, who proposed it (their name, until it is erased), the
// count, the thresholds reached, the votes per day and the timeline (published, thresholds, closed, and the
// municipality's updates, answer and decision). Unpublished petitions exist only for moderators, who also see
// the moderation (the reason, the message, the text before their correction).
import type { Actor } from '../../../actors';
import { NotFoundError } from '../../../errors';
import { foundUuid } from '../../../ids';
import { findPetition, petitionEvents, select, PUBLIC_STATUSES, thresholdCrossings, voteCount, voteDays, type PetitionContent, type PetitionDeps, type PetitionEventKind, type PetitionStatus, type RejectionReason } from '../db';
import { authorize, can } from '../policies';
import { openProposer } from '../proposer';

export type TimelineEntry =
  | { kind: 'published'; at: Date }
  | { kind: 'thresholdReached'; at: Date; threshold: number }
  | { kind: 'closed'; at: Date; votes: number }
  | { kind: PetitionEventKind; at: Date; id: string; text: string; attachment: { name: string; type: string; bytes: number } | null };

export interface PetitionDetail {
  id: string;
  status: PetitionStatus;
  title: string;
  summary: string;
  content: PetitionContent;
  proposerName: string | null;
  /** Whether a moderator corrected the wording before publishing. */
  corrected: boolean;
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  answeredAt: Date | null;
  votes: number;
  thresholds: number[];
  reached: { threshold: number; at: Date }[];
  days: { day: string; votes: number }[];
  timeline: TimelineEntry[];
  /** Moderators only. */
  moderation?: { reason: RejectionReason | null; message: string | null; moderatedAt: Date | null; original: PetitionContent | null; resubmissions: number; waitingSince: Date | null };
}

export async function petitionDetail(deps: PetitionDeps, actor: Actor, id: string): Promise<PetitionDetail> {
  const { db, keyring } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const row = await findPetition(db, tx, id);
    authorize(actor, 'petitions.petition.view', { tenantId: row.tenant_id });
    const moderator = can(actor, 'petitions.petition.viewUnpublished', { tenantId: row.tenant_id });
    if (!PUBLIC_STATUSES.includes(row.status) && !moderator) throw new NotFoundError();
    const [votes, crossings, days, events, proposer] = [
      await voteCount(db, tx, row),
      await thresholdCrossings(db, tx, row.id),
      PUBLIC_STATUSES.includes(row.status) ? await voteDays(db, tx, row) : [],
      await petitionEvents(db, tx, row.id),
      await openProposer(keyring, tx, row.tenant_id, row),
    ];
    const timeline: TimelineEntry[] = [
      ...(row.opened_at ? [{ kind: 'published' as const, at: row.opened_at }] : []),
      ...crossings.map((c) => ({ kind: 'thresholdReached' as const, at: c.crossed_at, threshold: c.threshold })),
      ...(row.closed_at ? [{ kind: 'closed' as const, at: row.closed_at, votes }] : []),
      ...events.map((e) => ({
        kind: e.kind,
        at: e.posted_at,
        id: e.id,
        text: e.text,
        attachment: e.attachment_name && e.attachment_type ? { name: e.attachment_name, type: e.attachment_type, bytes: Number(e.attachment_bytes) } : null,
      })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return {
      id: row.id,
      status: row.status,
      title: row.title,
      summary: row.summary,
      content: row.content,
      proposerName: proposer?.name ?? null,
      corrected: row.corrected_at !== null,
      openedAt: row.opened_at,
      closesAt: row.closes_at,
      closedAt: row.closed_at,
      answeredAt: row.answered_at,
      votes,
      thresholds: row.thresholds,
      reached: crossings.map((c) => ({ threshold: c.threshold, at: c.crossed_at })),
      days,
      timeline,
      ...(moderator
        ? { moderation: { reason: row.moderation_reason, message: row.moderation_message, moderatedAt: row.moderated_at, original: row.original_content, resubmissions: row.resubmissions, waitingSince: row.moderation_since } }
        : {}),
    };
  });
}

/** A timeline entry's PDF, for a petition the actor may see. */
export async function petitionAttachment(deps: Pick<PetitionDeps, 'db'>, actor: Actor, petitionId: string, eventId: string): Promise<{ name: string; type: string; data: Buffer }> {
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const row = await findPetition(db, tx, petitionId);
    authorize(actor, 'petitions.petition.view', { tenantId: row.tenant_id });
    if (!PUBLIC_STATUSES.includes(row.status) && !can(actor, 'petitions.petition.viewUnpublished', { tenantId: row.tenant_id })) throw new NotFoundError();
    const [file] = await select<{ name: string; type: string; data: Buffer }>(
      db,
      tx,
      'SELECT attachment_name AS name, attachment_type AS type, attachment AS data FROM petition_events WHERE id = $1 AND petition_id = $2 AND attachment IS NOT NULL',
      [foundUuid(eventId), row.id],
    );
    if (!file) throw new NotFoundError();
    return file;
  });
}

