// Election types: create, change, delete (refused while an election is of the type). The rules are chosen from
// the list in election-type-rules.ts, each at most once. Each change audited with ids and rule names only.
import type { ElectionTypeInput } from '../../../../../schemas/types/election-config-election-type';
import { recordAudit, type CommandContext } from '../../../../audit/record';
import { execute, select, type ElectionDeps } from '../../db';
import { validateElectionTypeRules } from '../../election-type-rules';
import { findElectionType, type ElectionTypeRow } from '../../queries/config/election-types';
import { assertNameFree, assertUnused, changedFields, checked, writeConfig } from './common';

function fields(input: unknown) {
  const body = checked<ElectionTypeInput>('config-election-type', input);
  return { name: body.name.trim(), rules: validateElectionTypeRules(body.rules, '/rules') };
}

export async function createElectionType(deps: ElectionDeps, ctx: CommandContext, input: unknown): Promise<ElectionTypeRow> {
  const type = fields(input);
  return writeConfig(deps, ctx, '/name', async (tx) => {
    await assertNameFree(deps.db, tx, ctx.tenantId, 'election_types', 'name', type.name, '/name');
    const [row] = await select<ElectionTypeRow>(deps.db, tx, 'INSERT INTO election_types (tenant_id, name, rules) VALUES ($1, $2, $3::jsonb) RETURNING id, name, rules', [ctx.tenantId, type.name, JSON.stringify(type.rules)]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.electionTypeCreated', entityType: 'electionType', entityId: row!.id, summary: { rules: type.rules.map((r) => r.rule) } });
    return row!;
  });
}

export async function updateElectionType(deps: ElectionDeps, ctx: CommandContext, id: string, input: unknown): Promise<ElectionTypeRow> {
  const type = fields(input);
  return writeConfig(deps, ctx, '/name', async (tx) => {
    const before = await findElectionType(deps.db, tx, id, true);
    await assertNameFree(deps.db, tx, ctx.tenantId, 'election_types', 'name', type.name, '/name', before.id);
    const [row] = await select<ElectionTypeRow>(deps.db, tx, 'UPDATE election_types SET name = $2, rules = $3::jsonb, updated_at = now() WHERE id = $1 RETURNING id, name, rules', [before.id, type.name, JSON.stringify(type.rules)]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.electionTypeUpdated', entityType: 'electionType', entityId: before.id, summary: { changed: changedFields({ ...before }, type), rules: type.rules.map((r) => r.rule) } });
    return row!;
  });
}

export async function deleteElectionType(deps: ElectionDeps, ctx: CommandContext, id: string): Promise<void> {
  await writeConfig(deps, ctx, '/name', async (tx) => {
    const row = await findElectionType(deps.db, tx, id, true);
    await assertUnused(deps.db, tx, row.id, { elections: 'SELECT 1 FROM elections WHERE election_type_id = $1 LIMIT 1' });
    await execute(deps.db, tx, 'DELETE FROM election_types WHERE id = $1', [row.id]);
    await recordAudit(deps.db, tx, ctx, { action: 'election.electionTypeDeleted', entityType: 'electionType', entityId: row.id });
  });
}
