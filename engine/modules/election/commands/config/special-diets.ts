// Special diets: create, rename, delete. A participant's chosen diets are sealed with the participant (they may
// reveal religion or health), so nothing here can see who chose a diet, and nothing refuses its deletion: a
// deleted diet is no longer offered, and a participant's choice of it is no longer shown (the participants'
// presenters show only the diets that exist). Each change audited with ids only.
import type { ElectionSpecialDietInput } from '../../../../../schemas/types/election-config-special-diet';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { findSpecialDiet, type SpecialDietRow } from '../../queries/config/special-diets';
import { assertNameFree, checked, writeConfig } from './common';

export async function createSpecialDiet(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<SpecialDietRow> {
  const name = checked<ElectionSpecialDietInput>('config-special-diet', input).name.trim();
  return writeConfig(deps, ctx, '/name', async (tx) => {
    await assertNameFree(deps.db, tx, ctx.tenantId, 'special_diets', 'name', name, '/name');
    const [row] = await select<SpecialDietRow>(deps.db, tx, 'INSERT INTO special_diets (tenant_id, name) VALUES ($1, $2) RETURNING id, name', [ctx.tenantId, name]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.specialDietCreated', entityType: 'electionSpecialDiet', entityId: row!.id });
    return row!;
  });
}

export async function updateSpecialDiet(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<SpecialDietRow> {
  const name = checked<ElectionSpecialDietInput>('config-special-diet', input).name.trim();
  return writeConfig(deps, ctx, '/name', async (tx) => {
    const before = await findSpecialDiet(deps.db, tx, id, true);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'special_diets', 'name', name, '/name', before.id);
    await execute(deps.db, tx, 'UPDATE special_diets SET name = $2 WHERE id = $1', [before.id, name]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.specialDietUpdated', entityType: 'electionSpecialDiet', entityId: before.id, summary: { changed: before.name === name ? [] : ['name'] } });
    return { id: before.id, name };
  });
}

export async function deleteSpecialDiet(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  await writeConfig(deps, ctx, '/name', async (tx) => {
    const row = await findSpecialDiet(deps.db, tx, id, true);
    await execute(deps.db, tx, 'DELETE FROM special_diets WHERE id = $1', [row.id]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.specialDietDeleted', entityType: 'electionSpecialDiet', entityId: row.id });
  });
}
