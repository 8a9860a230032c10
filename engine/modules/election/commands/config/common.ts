// What the configuration's commands share: an administrator's change in one transaction of the tenant (the
// audit row in it too), input checked against its schema before anything is read, unique names (409
// election.nameTaken naming the field), references to the tenant's own rows (400 naming the field), and the
// refusal to delete what is in use (409 election.inUse, nothing deleted).
import type { Transaction } from 'sequelize';
import type { CommandContext } from '../../../../audit/record';
import type { Database } from '../../../../db/database';
import { select, type ElectionDeps } from '../../db';
import { electionConflict, electionInvalid } from '../../errors';
import { authorize } from '../../policies';
import { validate } from '../../../../validation';

/** Checks `input` (a copy: defaults are filled in) against schemas/election/<schema>. */
export const checked = <T>(schema: string, input: unknown): T => validate<T>(`election/${schema}.schema.json`, structuredClone(input));

/** PostgreSQL's SQLSTATE of a failed statement, when it is one. */
function sqlState(err: unknown): string | undefined {
  const e = err as { parent?: { code?: unknown }; original?: { code?: unknown } } | undefined;
  const code = e?.parent?.code ?? e?.original?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A configuration change: authorized for the tenant, run in its transaction. The checks below find what the
 * constraints would refuse first; should a concurrent change slip between a check and the write, the
 * constraint's refusal still becomes the same 409 (a unique name: election.nameTaken on `nameField`; a row still
 * referenced: election.inUse), never a 500, and the transaction rolls back whole.
 */
export async function writeConfig<T>(deps: ElectionDeps, ctx: CommandContext, nameField: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  authorize(ctx.actor, 'election.config.manage', { tenantId: ctx.tenantId });
  try {
    return await deps.db.withTenant(ctx.tenantId, fn);
  } catch (err) {
    const state = sqlState(err);
    if (state === '23505') throw nameTaken(nameField);
    if (state === '23503') throw electionConflict('election.inUse', 'it is in use', {});
    throw err;
  }
}

export const nameTaken = (field: string) => electionConflict('election.nameTaken', `${field.slice(1)} is already used by another`, { field: field.slice(1) }, field);

/**
 * Refuses a name (compared without case, spaces around it dropped) another row of the table already has.
 * Creating and renaming in one table of the tenant take turns (a transaction lock), so two requests with the
 * same new name cannot both pass.
 */
export async function assertNameFree(db: Database, tx: Transaction, tenantId: string, table: string, column: string, value: string, field: string, exceptId?: string): Promise<void> {
  await select(db, tx, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`election.config.${table}:${tenantId}`]);
  const [taken] = await select(db, tx, `SELECT 1 FROM ${table} WHERE lower(${column}) = lower($1) AND id IS DISTINCT FROM $2::uuid LIMIT 1`, [value, exceptId ?? null]);
  if (taken) throw nameTaken(field);
}

/** Refuses ids that are not rows of the tenant's `table` (400 naming each: `/taskTypeIds/2`); locks the rest (FOR KEY SHARE) until commit. */
export async function assertKnownIds(db: Database, tx: Transaction, table: string, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await select<{ id: string }>(db, tx, `SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) FOR KEY SHARE`, [ids])).map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw electionInvalid(`${field}/${missing}`, 'election.unknownId', 'is not one of this municipality’s', {});
}

/** Refuses a form id that is not a form of `kind` of this tenant (400 naming the field). */
export async function assertFormKind(db: Database, tx: Transaction, formId: string | null | undefined, kind: string, field: string): Promise<void> {
  if (!formId) return;
  const [form] = await select<{ kind: string }>(db, tx, 'SELECT kind FROM form_definitions WHERE id = $1 FOR KEY SHARE', [formId]);
  if (form?.kind !== kind) throw electionInvalid(field, 'election.wrongFormKind', `must be a form of kind ${kind}`, { kind });
}

/**
 * Refuses to delete a row that something still uses: each check is a name for the answer (e.g. `workLocations`)
 * and a query for `$1` = the row's id that finds a row when it is used. The answer names what uses it, never
 * what or who exactly.
 */
export async function assertUnused(db: Database, tx: Transaction, id: string, checks: Record<string, string>): Promise<void> {
  const usedBy: string[] = [];
  for (const [name, sql] of Object.entries(checks)) if ((await select(db, tx, sql, [id])).length) usedBy.push(name);
  if (usedBy.length) throw electionConflict('election.inUse', `it is in use (${usedBy.join(', ')})`, { usedBy: usedBy.join(', ') });
}

/** JSON with every object's keys sorted: jsonb hands objects back in its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The names of the fields of `after` whose values differ from `before`'s (as the API names them, for the audit summary: which fields, never their values). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after)
    .filter((k) => canonical(before[k]) !== canonical(after[k]))
    .map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
}
