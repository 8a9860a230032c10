// The admin site's side of the registry refresh: "run now" (the request recorded, then its workflow started; a
// start that fails leaves it to the resumer) and the runs with their progress and outcome, read from the rows
// (the page polls them while one runs; the workflow's progress query is for operators). Counts and reason codes
// only, never who.
import type { Actor } from '../../../actors';
import type { CommandContext } from '../../../audit/record';
import type { Database } from '../../../db/database';
import type { FlowTemporal } from '../../../flows/workflows';
import { NotFoundError } from '../../../errors';
import { foundUuid } from '../../../ids';
import { validate } from '../../../validation';
import type { ElectionRegistryRefresh } from '../../../../schemas/types/election-registry-refresh';
import type { ElectionRegistryRefreshList } from '../../../../schemas/types/election-registry-refresh-list';
import type { ElectionRegistryRefreshStart } from '../../../../schemas/types/election-registry-refresh-start';
import { select } from '../db';
import { electionInvalid } from '../errors';
import { authorize } from '../policies';
import { requestRegistryRefresh } from './request';
import { startRegistryRefreshWorkflow } from './workflows';
import { startAfterRequest } from '../start-module-workflow';

interface RefreshRow {
  id: string;
  election_id: string | null;
  reason: ElectionRegistryRefresh['reason'];
  status: ElectionRegistryRefresh['status'];
  total: number;
  done: number;
  updated: number;
  unassigned: number;
  not_found: number;
  unassigned_reasons: Record<string, number>;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = 'id, election_id, reason, status, total, done, updated, unassigned, not_found, unassigned_reasons, requested_at, started_at, finished_at';

export function presentRegistryRefresh(row: RefreshRow): ElectionRegistryRefresh {
  return {
    id: row.id,
    electionId: row.election_id,
    reason: row.reason,
    status: row.status,
    total: row.total,
    done: row.done,
    updated: row.updated,
    unassigned: row.unassigned,
    notFound: row.not_found,
    unassignedReasons: row.unassigned_reasons,
    requestedAt: row.requested_at.toISOString(),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** Records the request (or finds the running one of the same scope) and starts its workflow. */
export async function runRegistryRefreshNow(deps: { db: Database; flows: FlowTemporal }, ctx: CommandContext, input: unknown): Promise<{ refresh: ElectionRegistryRefresh; created: boolean }> {
  authorize(ctx.actor, 'election.registryRefresh.run', { tenantId: ctx.tenantId });
  const body = validate<ElectionRegistryRefreshStart>('election/registry-refresh-start.schema.json', input ?? {});
  const electionId = body.electionId?.toLowerCase() ?? null;
  const { db } = deps;
  const { id, created, row } = await db.withTenant(ctx.tenantId, async (tx) => {
    if (electionId) {
      const [election] = await select<{ id: string }>(db, tx, 'SELECT id FROM elections WHERE id = $1', [electionId]);
      if (!election) throw electionInvalid('/electionId', 'election.unknownId', 'no such election');
    }
    const asked = await requestRegistryRefresh(db, tx, { tenantId: ctx.tenantId, electionId, reason: 'manual' }, ctx);
    const [row] = await select<RefreshRow>(db, tx, `SELECT ${COLUMNS} FROM registry_refreshes WHERE id = $1`, [asked.id]);
    return { ...asked, row: row! };
  });
  await startAfterRequest(deps.flows, () => startRegistryRefreshWorkflow(deps.flows, ctx.tenantId, id));
  return { refresh: presentRegistryRefresh(row), created };
}

export async function registryRefreshes(deps: { db: Database }, actor: Actor): Promise<ElectionRegistryRefreshList> {
  authorize(actor, 'election.registryRefresh.view', { tenantId: actor.tenantId });
  const { db } = deps;
  const rows = await db.withTenant(actor.tenantId, (tx) => select<RefreshRow>(db, tx, `SELECT ${COLUMNS} FROM registry_refreshes ORDER BY requested_at DESC, id LIMIT 20`));
  return { items: rows.map(presentRegistryRefresh) };
}

export async function registryRefresh(deps: { db: Database }, actor: Actor, id: string): Promise<ElectionRegistryRefresh> {
  authorize(actor, 'election.registryRefresh.view', { tenantId: actor.tenantId });
  foundUuid(id);
  const { db } = deps;
  const [row] = await db.withTenant(actor.tenantId, (tx) => select<RefreshRow>(db, tx, `SELECT ${COLUMNS} FROM registry_refreshes WHERE id = $1`, [id]));
  if (!row) throw new NotFoundError();
  return presentRegistryRefresh(row);
}
