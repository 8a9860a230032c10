// The tenant's elections with how far each is staffed (polling stations, task slots, accepted slots), the
// latest election day first; one election in full; and the election the admin site opens on when the user has
// not chosen one ("change election" is the admin site's: it remembers the choice itself).
import type { Transaction } from 'sequelize';
import type { Actor } from '../../../../actors';
import { NotFoundError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { electionColumns, type ElectionRow } from '../../commands/elections/shared';
import { select, tenantFacts, type ElectionDeps } from '../../db';
import type { EventTemplates } from '../../message-events';
import { authorize } from '../../policies';

export interface ElectionSummaryRow extends ElectionRow {
  election_type_name: string;
  work_locations: number;
  slots: number;
  filled_slots: number;
}

export interface ElectionDetailRow extends ElectionSummaryRow {
  work_location_ids: string[];
  /** Task type id → its overrides of the election's templates (every task type that has any). */
  task_type_overrides: Record<string, EventTemplates>;
  /** Inactive, and no task slot has a participant. */
  can_delete: boolean;
}

function summaries(deps: ElectionDeps, tx: Transaction, where: string, bind: unknown[]): Promise<ElectionSummaryRow[]> {
  return select<ElectionSummaryRow>(
    deps.db,
    tx,
    `SELECT ${electionColumns('e')}, t.name AS election_type_name,
            (SELECT count(*) FROM election_work_locations w WHERE w.election_id = e.id)::integer AS work_locations,
            (SELECT count(*) FROM task_slots s WHERE s.election_id = e.id)::integer AS slots,
            (SELECT count(*) FROM task_slots s WHERE s.election_id = e.id AND s.state = 'accepted')::integer AS filled_slots
       FROM elections e JOIN election_types t ON t.id = e.election_type_id
      WHERE ${where}
      ORDER BY e.election_day DESC, e.created_at DESC, e.id`,
    bind,
  );
}

export async function listElections(deps: ElectionDeps, actor: Actor, filter: { active?: boolean } = {}): Promise<ElectionSummaryRow[]> {
  authorize(actor, 'election.elections.manage', { tenantId: actor.tenantId });
  return deps.db.withTenant(actor.tenantId, (tx) => summaries(deps, tx, '$1::boolean IS NULL OR e.active = $1', [filter.active ?? null]));
}

async function detailIn(deps: ElectionDeps, tx: Transaction, id: string): Promise<ElectionDetailRow> {
  const [row] = await summaries(deps, tx, 'e.id = $1', [id]);
  if (!row) throw new NotFoundError();
  const locations = await select<{ work_location_id: string }>(deps.db, tx, 'SELECT work_location_id FROM election_work_locations WHERE election_id = $1 ORDER BY work_location_id', [id]);
  const overrides = await select<{ id: string; templates: EventTemplates }>(deps.db, tx, "SELECT id, templates FROM task_types WHERE templates <> '{}'::jsonb ORDER BY id");
  const [held] = await select<{ n: number }>(deps.db, tx, 'SELECT count(*)::integer AS n FROM task_slots WHERE election_id = $1 AND participant_id IS NOT NULL', [id]);
  return {
    ...row,
    work_location_ids: locations.map((l) => l.work_location_id),
    task_type_overrides: Object.fromEntries(overrides.map((o) => [o.id, o.templates])),
    can_delete: !row.active && held!.n === 0,
  };
}

export async function electionDetail(deps: ElectionDeps, actor: Actor, id: string): Promise<ElectionDetailRow> {
  authorize(actor, 'election.elections.manage', { tenantId: actor.tenantId });
  return deps.db.withTenant(actor.tenantId, (tx) => detailIn(deps, tx, id));
}

/**
 * The most relevant election: the next active one whose election day is today or later (in the tenant's time
 * zone), else the one with the latest election day. 404 when the tenant has none.
 */
export async function currentElection(deps: ElectionDeps, actor: Actor): Promise<ElectionDetailRow> {
  authorize(actor, 'election.elections.manage', { tenantId: actor.tenantId });
  return deps.db.withTenant(actor.tenantId, async (tx) => {
    const { country } = await tenantFacts(deps.db, tx, actor.tenantId);
    const [upcoming] = await select<{ id: string }>(
      deps.db,
      tx,
      'SELECT id FROM elections WHERE active AND election_day >= (now() AT TIME ZONE $1)::date ORDER BY election_day, created_at, id LIMIT 1',
      [zoneOf(country)],
    );
    const [latest] = upcoming ? [upcoming] : await select<{ id: string }>(deps.db, tx, 'SELECT id FROM elections ORDER BY election_day DESC, created_at DESC, id LIMIT 1');
    if (!latest) throw new NotFoundError();
    return detailIn(deps, tx, latest.id);
  });
}

/** The events and the keys of the tenant's message templates (what the messages step chooses from). */
export async function messageEventTemplates(deps: ElectionDeps, actor: Actor): Promise<string[]> {
  authorize(actor, 'election.elections.manage', { tenantId: actor.tenantId });
  return deps.db.withTenant(actor.tenantId, async (tx) => (await select<{ key: string }>(deps.db, tx, 'SELECT key FROM message_templates ORDER BY key')).map((r) => r.key));
}
