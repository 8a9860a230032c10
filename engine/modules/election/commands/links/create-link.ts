// Creates a task link of an election (kind task, tasks or team: see schemas/election/link-create.schema.json) as
// an administrator: what it names must be the tenant's — the slot one of this election's and vacant (409
// election.linkSlotNotVacant), the team, areas and task types the tenant's, the work locations this election's,
// the dates inside its task dates — else 400 naming the field and nothing written. It expires at the end of the
// day after election day in the tenant's time zone; an election already past that gets no new link (409
// election.linkElectionOver). The token is new and unguessable; the table keeps its hash and the token sealed
// (link-tokens.ts). Audited election.linkCreated with ids only.
import { randomUUID } from 'node:crypto';
import type { ElectionLinkCreate } from '../../../../../schemas/types/election-link-create';
import type { ElectionLinkFilters } from '../../../../../schemas/types/election-link-filters';
import { actorColumns, recordAudit, type CommandContext } from '../../../../audit/record';
import { zoneOf } from '../../../../flows/tenant-rules';
import { validate } from '../../../../validation';
import { execute, select, tenantFacts, type ElectionDeps } from '../../db';
import { electionConflict, electionInvalid } from '../../errors';
import { authorize } from '../../policies';
import { assertKnownIds } from '../config/common';
import { findElection } from '../elections/shared';
import { hashLinkToken, linkTokenKey, newLinkToken, sealLinkToken } from './link-tokens';

export interface CreatedLink {
  id: string;
  /** Shown to the administrator (the link's URL and QR code); never logged or audited. */
  token: string;
}

const FILTER_KEYS = ['teamIds', 'dates', 'areaIds', 'workLocationIds', 'taskTypeIds'] as const;

/** The filters without empty lists (an empty list matches everything, like an absent one). */
function normalized(filters: ElectionLinkFilters | undefined): ElectionLinkFilters {
  const out: ElectionLinkFilters = {};
  for (const key of FILTER_KEYS) if (filters?.[key]?.length) out[key] = [...filters[key]];
  return out;
}

export async function createLink(deps: ElectionDeps, ctx: CommandContext, electionId: string, input: unknown): Promise<CreatedLink> {
  authorize(ctx.actor, 'election.links.manage', { tenantId: ctx.tenantId });
  const body = validate<ElectionLinkCreate>('election/link-create.schema.json', structuredClone(input));
  const { db } = deps;
  return db.withTenant(ctx.tenantId, async (tx) => {
    const election = await findElection(deps, tx, electionId);
    const { country } = await tenantFacts(db, tx, ctx.tenantId);
    const [when] = await select<{ expires_at: Date; over: boolean }>(db, tx, 'SELECT x AS expires_at, x <= now() AS over FROM (SELECT (($1::date + 2)::timestamp AT TIME ZONE $2) AS x) t', [election.election_day, zoneOf(country)]);
    if (when!.over) throw electionConflict('election.linkElectionOver', 'the election is over', {});

    const filters = body.kind === 'tasks' ? normalized(body.filters) : {};
    if (body.kind === 'task') {
      const [slot] = await select<{ state: string }>(db, tx, 'SELECT state FROM task_slots WHERE id = $1 AND election_id = $2 FOR KEY SHARE', [body.slotId, election.id]);
      if (!slot) throw electionInvalid('/slotId', 'election.unknownId', 'is not a task of this election', {});
      if (slot.state !== 'vacant') throw electionConflict('election.linkSlotNotVacant', 'the task is not vacant', {}, '/slotId');
    } else if (body.kind === 'team') {
      const [team] = await select(db, tx, 'SELECT 1 FROM teams WHERE id = $1 FOR KEY SHARE', [body.teamId]);
      if (!team) throw electionInvalid('/teamId', 'election.unknownTeam', 'is not one of this municipality’s teams', {});
    } else {
      await assertKnownIds(db, tx, 'teams', filters.teamIds ?? [], '/filters/teamIds');
      await assertKnownIds(db, tx, 'election_areas', filters.areaIds ?? [], '/filters/areaIds');
      await assertKnownIds(db, tx, 'task_types', filters.taskTypeIds ?? [], '/filters/taskTypeIds');
      const wanted = filters.workLocationIds ?? [];
      if (wanted.length) {
        const used = new Set((await select<{ id: string }>(db, tx, 'SELECT work_location_id AS id FROM election_work_locations WHERE election_id = $1 AND work_location_id = ANY($2::uuid[])', [election.id, wanted])).map((r) => r.id));
        const missing = wanted.findIndex((id) => !used.has(id));
        if (missing >= 0) throw electionInvalid(`/filters/workLocationIds/${missing}`, 'election.unknownWorkLocation', 'is not a work location of this election', {});
      }
      const outside = (filters.dates ?? []).findIndex((d) => (election.first_task_date !== null && d < election.first_task_date) || (election.last_task_date !== null && d > election.last_task_date));
      if (outside >= 0) throw electionInvalid(`/filters/dates/${outside}`, 'election.linkDateOutside', 'is outside the election’s task dates', { first: election.first_task_date ?? '', last: election.last_task_date ?? '' });
    }

    const id = randomUUID();
    const token = newLinkToken();
    const sealed = sealLinkToken(await linkTokenKey(deps.keyring, tx, ctx.tenantId), ctx.tenantId, id, token);
    await execute(
      db,
      tx,
      `INSERT INTO task_links (id, tenant_id, election_id, kind, slot_id, team_id, filters, token_hash, token_sealed, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, ctx.tenantId, election.id, body.kind, body.kind === 'task' ? body.slotId : null, body.kind === 'team' ? body.teamId : null, JSON.stringify(filters), hashLinkToken(token), sealed, when!.expires_at, actorColumns(ctx.actor).actorId],
    );
    await recordAudit(db, tx, ctx, {
      action: 'election.linkCreated',
      entityType: 'electionTaskLink',
      entityId: id,
      summary: { electionId: election.id, kind: body.kind, ...(body.kind === 'task' ? { slotId: body.slotId } : {}), ...(body.kind === 'team' ? { teamId: body.teamId } : {}), ...(body.kind === 'tasks' ? { filters } : {}) },
    });
    return { id, token };
  });
}
