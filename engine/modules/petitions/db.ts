// The petitions module's tables as typed rows (nullable columns typed nullable) and the small queries the
// commands share. Every function takes the caller's withTenant transaction: RLS keeps it to that tenant.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Keyring } from '../../crypto/keyring';
import type { Database } from '../../db/database';
import { NotFoundError } from '../../errors';
import { foundUuid } from '../../ids';

/** What the petitions' commands and queries need. */
export interface PetitionDeps {
  db: Database;
  keyring: Keyring;
}

export const PETITION_STATUSES = ['awaitingConfirmation', 'awaitingModeration', 'returned', 'rejected', 'open', 'closed', 'inHandling', 'answered'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

/** The statuses anyone can see: published (approved) petitions. */
export const PUBLIC_STATUSES: readonly PetitionStatus[] = ['open', 'closed', 'inHandling', 'answered'];

export const REJECTION_REASONS = ['duplicate', 'outsideCompetence', 'offensive', 'personalData', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const EVENT_KINDS = ['update', 'answer', 'decision'] as const;
export type PetitionEventKind = (typeof EVENT_KINDS)[number];

/** The subject type of the petition flow (builtin/petition.flow.json). */
export const PETITION_SUBJECT = 'petition';

/** The proposal as stored: the form's answers without the proposer's name and e-mail. */
export type PetitionContent = Record<string, unknown>;

export interface PetitionRow {
  id: string;
  tenant_id: string;
  status: PetitionStatus;
  form_definition_id: string;
  form_version: number;
  content: PetitionContent;
  title: string;
  summary: string;
  original_content: PetitionContent | null;
  corrected_at: Date | null;
  proposer_name_sealed: Buffer | null;
  proposer_email_sealed: Buffer | null;
  proposer_email_hash: string | null;
  proposer_erased_at: Date | null;
  confirm_token_hash: string | null;
  confirm_expires_at: Date | null;
  confirmed_at: Date | null;
  edit_token_hash: string | null;
  edit_expires_at: Date | null;
  moderation_since: Date | null;
  resubmissions: number;
  moderation_reason: RejectionReason | null;
  moderation_message: string | null;
  moderated_at: Date | null;
  thresholds: number[];
  zone: string;
  opened_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  final_count: number | null;
  voters_erased_at: Date | null;
  answered_at: Date | null;
  created_at: Date;
  updated_at: Date;
  mail_link_sealed: Buffer | null;
  moderation_overdue_at: Date | null;
}

export interface PetitionKeyRow {
  tenant_id: string;
  petition_id: string;
  sealed_key: Buffer | null;
  created_at: Date;
  destroyed_at: Date | null;
}

export interface PetitionVoteDayRow {
  day: string;
  votes: number;
}

export interface ThresholdCrossingRow {
  threshold: number;
  votes: number;
  crossed_at: Date;
  signalled_at: Date | null;
}

export interface PetitionEventRow {
  id: string;
  petition_id: string;
  kind: PetitionEventKind;
  text: string;
  attachment_type: string | null;
  attachment_name: string | null;
  attachment_bytes: number | null;
  posted_at: Date;
}

/** Every column but the generated search vector. */
const COLUMNS = `id, tenant_id, status, form_definition_id, form_version, content, title, summary, original_content, corrected_at,
  proposer_name_sealed, proposer_email_sealed, proposer_email_hash, proposer_erased_at, confirm_token_hash, confirm_expires_at, confirmed_at,
  edit_token_hash, edit_expires_at, moderation_since, resubmissions, moderation_reason, moderation_message, moderated_at, thresholds, zone,
  opened_at, closes_at, closed_at, final_count, voters_erased_at, answered_at, created_at, updated_at, mail_link_sealed, moderation_overdue_at`;

export function select<T extends object>(db: Database, tx: Transaction, sql: string, bind: unknown[] = []): Promise<T[]> {
  return db.sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT, transaction: tx });
}

export async function execute(db: Database, tx: Transaction, sql: string, bind: unknown[] = []): Promise<number> {
  const [, meta] = await db.sequelize.query(sql, { bind, transaction: tx });
  return (meta as { rowCount?: number } | undefined)?.rowCount ?? 0;
}

/** The petition, or NotFoundError (a malformed id, another tenant's id and a missing one alike). */
export async function findPetition(db: Database, tx: Transaction, id: string, opts: { lock?: boolean } = {}): Promise<PetitionRow> {
  foundUuid(id);
  const [row] = await select<PetitionRow>(db, tx, `SELECT ${COLUMNS} FROM petitions WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) throw new NotFoundError();
  return row;
}

/** The petition a token leads to (by the token's hash), locked; undefined when no petition has it. */
export async function petitionByToken(db: Database, tx: Transaction, column: 'confirm_token_hash' | 'edit_token_hash', tokenHash: string): Promise<PetitionRow | undefined> {
  const [row] = await select<PetitionRow>(db, tx, `SELECT ${COLUMNS} FROM petitions WHERE ${column} = $1 FOR UPDATE`, [tokenHash]);
  return row;
}

/** The running count: the sum of the counter's rows while voters are kept, the final count after. */
export async function voteCount(db: Database, tx: Transaction, petition: Pick<PetitionRow, 'id' | 'final_count'>): Promise<number> {
  if (petition.final_count !== null) return petition.final_count;
  const [row] = await select<{ votes: string }>(db, tx, 'SELECT coalesce(sum(votes), 0) AS votes FROM petition_vote_counts WHERE petition_id = $1', [petition.id]);
  return Number(row?.votes ?? 0);
}

/** The thresholds reached so far, lowest first. */
export function thresholdCrossings(db: Database, tx: Transaction, petitionId: string): Promise<ThresholdCrossingRow[]> {
  return select<ThresholdCrossingRow>(db, tx, 'SELECT threshold, votes, crossed_at, signalled_at FROM petition_threshold_crossings WHERE petition_id = $1 ORDER BY threshold', [petitionId]);
}

/** Votes per day: kept in petition_vote_days once the voters are erased, counted from the votes before. */
export function voteDays(db: Database, tx: Transaction, petition: Pick<PetitionRow, 'id' | 'voters_erased_at'>): Promise<PetitionVoteDayRow[]> {
  return select<PetitionVoteDayRow>(
    db,
    tx,
    petition.voters_erased_at
      ? "SELECT to_char(day, 'YYYY-MM-DD') AS day, votes FROM petition_vote_days WHERE petition_id = $1 ORDER BY day"
      : "SELECT to_char(cast_on, 'YYYY-MM-DD') AS day, count(*)::integer AS votes FROM petition_votes WHERE petition_id = $1 GROUP BY cast_on ORDER BY cast_on",
    [petition.id],
  );
}

/** The municipality's posts, oldest first, without the attachments' bytes. */
export function petitionEvents(db: Database, tx: Transaction, petitionId: string): Promise<PetitionEventRow[]> {
  return select<PetitionEventRow>(
    db,
    tx,
    'SELECT id, petition_id, kind, text, attachment_type, attachment_name, octet_length(attachment) AS attachment_bytes, posted_at FROM petition_events WHERE petition_id = $1 ORDER BY posted_at, id',
    [petitionId],
  );
}

/**
 * The petition form a proposal is made with: the given one if it is a published petition form, else the tenant's
 * oldest published one; with its newest version's schema. Undefined when there is none.
 */
export async function publishedPetitionForm(db: Database, tx: Transaction, formId?: string): Promise<{ id: string; version: number; schema: object; content_hash: string } | undefined> {
  const [form] = await select<{ id: string; version: number; schema: object; content_hash: string }>(
    db,
    tx,
    `SELECT d.id, v.version, v.definition->'schema' AS schema, v.content_hash
       FROM form_definitions d JOIN form_versions v ON v.definition_id = d.id AND v.version = d.latest_version
      WHERE d.kind = 'petitionForm' AND d.latest_version > 0 AND ($1::uuid IS NULL OR d.id = $1::uuid)
      ORDER BY d.created_at, d.id LIMIT 1`,
    [formId ?? null],
  );
  return form;
}
