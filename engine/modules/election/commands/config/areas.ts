// Areas: create, rename, delete (refused while work locations are in it). Each change audited with ids only.
import type { ElectionAreaInput } from '../../../../../schemas/types/election-config-area';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { findArea, type AreaRow } from '../../queries/config/areas';
import { assertNameFree, assertUnused, checked, writeConfig } from './common';

export async function createArea(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<AreaRow> {
  const body = checked<ElectionAreaInput>('config-area', input);
  const name = body.name.trim();
  return writeConfig(deps, ctx, '/name', async (tx) => {
    await assertNameFree(deps.db, tx, ctx.tenantId, 'election_areas', 'name', name, '/name');
    const [row] = await select<{ id: string }>(deps.db, tx, 'INSERT INTO election_areas (tenant_id, name) VALUES ($1, $2) RETURNING id', [ctx.tenantId, name]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.areaCreated', entityType: 'electionArea', entityId: row!.id });
    return findArea(deps.db, tx, row!.id);
  });
}

export async function updateArea(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<AreaRow> {
  const body = checked<ElectionAreaInput>('config-area', input);
  const name = body.name.trim();
  return writeConfig(deps, ctx, '/name', async (tx) => {
    const before = await findArea(deps.db, tx, id, true);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'election_areas', 'name', name, '/name', before.id);
    await execute(deps.db, tx, 'UPDATE election_areas SET name = $2 WHERE id = $1', [before.id, name]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.areaUpdated', entityType: 'electionArea', entityId: before.id, summary: { changed: before.name === name ? [] : ['name'] } });
    return findArea(deps.db, tx, before.id);
  });
}

/** Refused (409 election.inUse) while any work location is in the area: move or delete those first. */
export async function deleteArea(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  await writeConfig(deps, ctx, '/name', async (tx) => {
    const row = await findArea(deps.db, tx, id, true);
    await assertUnused(deps.db, tx, row.id, { workLocations: 'SELECT 1 FROM work_locations WHERE area_id = $1 LIMIT 1' });
    await execute(deps.db, tx, 'DELETE FROM election_areas WHERE id = $1', [row.id]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.areaDeleted', entityType: 'electionArea', entityId: row.id });
  });
}
