// The public list of published petitions: open for votes, in handling (closed, awaiting or in handling) or
// answered; searched in the title and summary; newest, most votes or closing soon first; a page at a time.
import { fieldError } from '../../../../forms/validation';
import type { Actor } from '../../../actors';
import { ValidationError } from '../../../errors';
import { select, type PetitionDeps, type PetitionStatus } from '../db';
import { authorize } from '../policies';

export const LIST_STATES = ['open', 'inHandling', 'answered', 'all'] as const;
export const LIST_SORTS = ['newest', 'mostVotes', 'closingSoon'] as const;

export interface ListPetitionsInput {
  state?: (typeof LIST_STATES)[number];
  q?: string;
  sort?: (typeof LIST_SORTS)[number];
  limit?: number;
  offset?: number;
}

export interface PetitionListItem {
  id: string;
  status: PetitionStatus;
  title: string;
  summary: string;
  votes: number;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  answeredAt: Date | null;
}

const STATUSES_OF: Record<(typeof LIST_STATES)[number], PetitionStatus[]> = {
  open: ['open'],
  inHandling: ['closed', 'inHandling'],
  answered: ['answered'],
  all: ['open', 'closed', 'inHandling', 'answered'],
};

const ORDER_OF: Record<(typeof LIST_SORTS)[number], string> = {
  newest: 'p.opened_at DESC, p.id',
  mostVotes: 'votes DESC, p.opened_at DESC, p.id',
  // Open ones by their closing, the others after them, newest first.
  closingSoon: "(p.status <> 'open'), p.closes_at ASC, p.id",
};

function checked(input: ListPetitionsInput) {
  const errors = [];
  const state = input.state ?? 'all';
  const sort = input.sort ?? 'newest';
  const limit = input.limit ?? 20;
  const offset = input.offset ?? 0;
  const q = (input.q ?? '').trim();
  if (!LIST_STATES.includes(state)) errors.push(fieldError('/state', 'schema.enum', { allowedValues: LIST_STATES }, `must be one of ${LIST_STATES.join(', ')}`));
  if (!LIST_SORTS.includes(sort)) errors.push(fieldError('/sort', 'schema.enum', { allowedValues: LIST_SORTS }, `must be one of ${LIST_SORTS.join(', ')}`));
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.push(fieldError('/limit', 'schema.maximum', { limit: 100 }, 'must be a whole number from 1 to 100'));
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) errors.push(fieldError('/offset', 'schema.minimum', { limit: 0 }, 'must be a whole number from 0'));
  if (q.length > 200) errors.push(fieldError('/q', 'schema.maxLength', { limit: 200 }, 'must be at most 200 characters'));
  if (errors.length) throw new ValidationError(errors);
  return { statuses: STATUSES_OF[state], order: ORDER_OF[sort], limit, offset, q };
}

/** The running count while voters are kept (the counter's rows), the final count after. */
export const VOTES_SQL = 'coalesce(p.final_count, (SELECT sum(c.votes) FROM petition_vote_counts c WHERE c.petition_id = p.id), 0)::integer';

export async function listPublicPetitions(deps: Pick<PetitionDeps, 'db'>, actor: Actor, input: ListPetitionsInput = {}): Promise<{ total: number; items: PetitionListItem[] }> {
  authorize(actor, 'petitions.petition.view', { tenantId: actor.tenantId });
  const { statuses, order, limit, offset, q } = checked(input ?? {});
  const { db } = deps;
  return db.withTenant(actor.tenantId, async (tx) => {
    const where = "p.status = ANY($1::text[]) AND ($2 = '' OR p.search @@ websearch_to_tsquery('simple', $2) OR p.title ILIKE '%' || $3 || '%')";
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const [count] = await select<{ n: number }>(db, tx, `SELECT count(*)::integer AS n FROM petitions p WHERE ${where}`, [statuses, q, like]);
    const items = await select<PetitionListItem>(
      db,
      tx,
      `SELECT p.id, p.status, p.title, p.summary, ${VOTES_SQL} AS votes, p.opened_at AS "openedAt", p.closes_at AS "closesAt",
              p.closed_at AS "closedAt", p.answered_at AS "answeredAt"
         FROM petitions p WHERE ${where} ORDER BY ${order} LIMIT $4 OFFSET $5`,
      [statuses, q, like, limit, offset],
    );
    return { total: count?.n ?? 0, items };
  });
}
