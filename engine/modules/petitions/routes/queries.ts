// The reads the API needs beyond the module's queries/: the admin list (every status), a returned proposal for
// its edit page (by the edit link's token), and the entries of the Atom feed. Each authorizes like the others.
import type { Actor } from '../../../actors';
import type { CommandContext } from '../../../audit/record';
import { NotFoundError } from '../../../errors';
import { findPetition, petitionByToken, publishedPetitionForm, PUBLIC_STATUSES, select, type PetitionContent, type PetitionDeps, type PetitionStatus } from '../db';
import { petitionConflict } from '../errors';
import { authorize } from '../policies';
import { openProposer } from '../proposer';
import { PROPOSER_EMAIL, PROPOSER_NAME } from '../content';
import { tokenHashOf } from '../tokens';
import { VOTES_SQL } from '../queries/list-petitions';

export interface AdminListItem {
  id: string;
  status: PetitionStatus;
  title: string;
  createdAt: Date;
  confirmedAt: Date | null;
  moderatedAt: Date | null;
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  answeredAt: Date | null;
  votes: number;
  resubmissions: number;
}

/** Every petition of the tenant, any status, the newest proposal first: for moderators. */
export async function listAllPetitions(deps: Pick<PetitionDeps, 'db'>, actor: Actor, input: { status?: PetitionStatus; q?: string; limit: number; offset: number }): Promise<{ total: number; items: AdminListItem[] }> {
  authorize(actor, 'petitions.petition.viewUnpublished', { tenantId: actor.tenantId });
  const { db } = deps;
  const q = (input.q ?? '').trim();
  const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  // The public list's search (list-petitions.ts): the words, or a part of the title; `q` and `like` as the parameters named.
  const where = (qp: string, likep: string) => `($1::text IS NULL OR p.status = $1) AND (${qp} = '' OR p.search @@ websearch_to_tsquery('simple', ${qp}) OR p.title ILIKE '%' || ${likep} || '%')`;
  return db.withTenant(actor.tenantId, async (tx) => {
    const [count] = await select<{ n: number }>(db, tx, `SELECT count(*)::integer AS n FROM petitions p WHERE ${where('$2', '$3')}`, [input.status ?? null, q, like]);
    const items = await select<AdminListItem>(
      db,
      tx,
      `SELECT p.id, p.status, p.title, p.created_at AS "createdAt", p.confirmed_at AS "confirmedAt", p.moderated_at AS "moderatedAt", p.opened_at AS "openedAt",
              p.closes_at AS "closesAt", p.closed_at AS "closedAt", p.answered_at AS "answeredAt", ${VOTES_SQL} AS votes, p.resubmissions
         FROM petitions p WHERE ${where('$4', '$5')} ORDER BY p.created_at DESC, p.id LIMIT $2 OFFSET $3`,
      [input.status ?? null, input.limit, input.offset, q, like],
    );
    return { total: count?.n ?? 0, items };
  });
}

export interface ReturnedProposal {
  id: string;
  formId: string;
  formVersion: number;
  answers: PetitionContent;
  message: string | null;
  editExpiresAt: Date;
}

/** The returned proposal the edit link leads to (404 for any other token, 409 petition.tokenExpired once it has expired). */
export async function returnedProposal(deps: PetitionDeps, ctx: CommandContext, token: unknown): Promise<ReturnedProposal> {
  const { db, keyring } = deps;
  const hash = tokenHashOf(token);
  return db.withTenant(ctx.tenantId, async (tx) => {
    const row = await petitionByToken(db, tx, 'edit_token_hash', hash);
    if (!row || row.status !== 'returned') throw new NotFoundError();
    authorize(ctx.actor, 'petitions.petition.resubmit', { tenantId: row.tenant_id });
    if (!row.edit_expires_at || row.edit_expires_at.getTime() <= Date.now()) throw petitionConflict('petition.tokenExpired', 'the edit link has expired', {}, '/token');
    // The token came by e-mail to the proposer: their own name and e-mail fill the form again.
    const proposer = await openProposer(keyring, tx, row.tenant_id, row);
    return {
      id: row.id,
      formId: row.form_definition_id,
      formVersion: row.form_version,
      answers: { ...row.content, ...(proposer ? { [PROPOSER_NAME]: proposer.name, [PROPOSER_EMAIL]: proposer.email } : {}) },
      message: row.moderation_message,
      editExpiresAt: row.edit_expires_at,
    };
  });
}

export interface FeedEntry {
  id: string;
  kind: 'published' | 'answered';
  title: string;
  summary: string;
  at: Date;
}

/** The newest publications and answers, newest first. */
export async function feedEntries(deps: Pick<PetitionDeps, 'db'>, actor: Actor, limit = 50): Promise<FeedEntry[]> {
  authorize(actor, 'petitions.petition.view', { tenantId: actor.tenantId });
  const { db } = deps;
  return db.withTenant(actor.tenantId, (tx) =>
    select<FeedEntry>(
      db,
      tx,
      `SELECT * FROM (
         SELECT id, 'published' AS kind, title, summary, opened_at AS at FROM petitions WHERE status IN ('open', 'closed', 'inHandling', 'answered') AND opened_at IS NOT NULL
         UNION ALL
         SELECT id, 'answered' AS kind, title, summary, answered_at AS at FROM petitions WHERE status = 'answered' AND answered_at IS NOT NULL
       ) e ORDER BY at DESC, id, kind LIMIT $1`,
      [limit],
    ),
  );
}

/** 404 unless the petition is published (anyone may see it). */
export async function assertPublished(deps: Pick<PetitionDeps, 'db'>, actor: Actor, id: string): Promise<void> {
  const { db } = deps;
  const row = await db.withTenant(actor.tenantId, (tx) => findPetition(db, tx, id));
  authorize(actor, 'petitions.petition.view', { tenantId: row.tenant_id });
  if (!PUBLIC_STATUSES.includes(row.status)) throw new NotFoundError();
}

/** The tenant's petition form (the one a proposal is made with: db.ts publishedPetitionForm). */
export async function petitionFormId(deps: Pick<PetitionDeps, 'db'>, tenantId: string): Promise<string> {
  const { db } = deps;
  const form = await db.withTenant(tenantId, (tx) => publishedPetitionForm(db, tx));
  if (!form) throw new NotFoundError('There is no published petition form.');
  return form.id;
}
