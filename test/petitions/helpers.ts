// What the petitions suites share: the module's deps on the suite's database, actors, personal numbers and a
// petition brought to a given state through the commands.
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { systemActor, type Actor } from '../../engine/actors';
import type { CommandContext } from '../../engine/audit/record';
import { Keyring } from '../../engine/crypto/keyring';
import { parseKeySpec } from '../../engine/crypto/key-spec';
import type { Database } from '../../engine/db/database';
import type { PetitionDeps } from '../../engine/modules/petitions/db';
import { proposePetition } from '../../engine/modules/petitions/commands/propose-petition';
import { confirmPetitionEmail } from '../../engine/modules/petitions/commands/confirm-petition-email';
import { approvePetition, type ApproveOptions } from '../../engine/modules/petitions/commands/moderate-petition';
import { testAdministrator } from '../helpers/sessions';
import { ownerDb } from '../helpers/factories';
import { syntheticCpr } from '../../engine/simulators/synthetic-personal-numbers';

export function petitionDeps(db: Database): PetitionDeps {
  return { db, keyring: new Keyring(db, parseKeySpec(process.env.DATA_MASTER_KEYS!)) };
}

export const anonymous = (tenantId: string): CommandContext => ({ tenantId, actor: { kind: 'anonymous', tenantId }, requestId: `req-${randomUUID()}` });
export const moderator = (tenantId: string): CommandContext => ({ tenantId, actor: testAdministrator(tenantId), requestId: `req-${randomUUID()}` });
export const flow = (tenantId: string): CommandContext => ({ tenantId, actor: systemActor(tenantId, 'flow') });

export function citizen(tenantId: string): CommandContext & { actor: Extract<Actor, { kind: 'user' }> } {
  return { tenantId, actor: { kind: 'user', tenantId, id: randomUUID(), displayName: 'Borger', roles: ['participant'] }, requestId: `req-${randomUUID()}` };
}

/** The i-th synthetic CPR number (engine/simulators/synthetic-personal-numbers.ts). */
export const cpr = syntheticCpr;

export const answers = (overrides: Record<string, unknown> = {}) => ({
  title: 'Flere bænke i byparken',
  proposal: 'Kommunen opstiller ti nye bænke langs stierne i byparken, så ældre kan hvile sig.',
  background: 'Der er langt mellem bænkene i dag.',
  proposerName: 'Karen Madsen',
  proposerEmail: 'karen.madsen@example.dk',
  ...overrides,
});

/** A petition proposed, confirmed and approved: open for votes. */
export async function openPetition(deps: PetitionDeps, tenantId: string, options: ApproveOptions = {}, overrides: Record<string, unknown> = {}): Promise<string> {
  const proposed = await proposePetition(deps, anonymous(tenantId), { answers: answers({ proposerEmail: `p-${randomUUID().slice(0, 8)}@example.dk`, ...overrides }) });
  await confirmPetitionEmail(deps, anonymous(tenantId), proposed.confirmToken);
  await approvePetition(deps, moderator(tenantId), proposed.id, options);
  return proposed.id;
}

/** Rows of a table as the owner sees them (no RLS): for checking what a command left behind. */
export function ownerRows<T extends object>(sql: string, bind: unknown[] = []): Promise<T[]> {
  return ownerDb().query<T>(sql, { bind, type: QueryTypes.SELECT });
}

/** How many rows each of the module's tables holds for a tenant (to check that refused input wrote nothing). */
export async function tableCounts(tenantId: string): Promise<Record<string, number>> {
  const tables = ['petitions', 'petition_keys', 'petition_votes', 'petition_vote_counts', 'petition_vote_days', 'petition_threshold_crossings', 'petition_events', 'audit_log', 'flow_outbox'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await ownerRows<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    counts[table] = row!.n;
  }
  return counts;
}

/** The columns (table.column) of every table holding any of the needles: text as it is, bytea also as the hex it encodes. */
export async function tablesHolding(needles: string[]): Promise<string[]> {
  const columns = await ownerRows<{ table_name: string; column_name: string; data_type: string }>(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED') ORDER BY table_name, column_name",
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const c of columns) {
    const col = `"${c.column_name}"`;
    const sql =
      c.data_type === 'bytea'
        ? `SELECT count(*)::integer AS n FROM "${c.table_name}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE position(convert_to(n, 'UTF8') in ${col}) > 0 OR (n ~ '^[0-9a-f]{64}$' AND position(decode(n, 'hex') in ${col}) > 0))`
        : `SELECT count(*)::integer AS n FROM "${c.table_name}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE strpos(${col}::text, n) > 0)`;
    const [hit] = await ownerRows<{ n: number }>(sql, [needles]);
    if (hit!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

/** Every payload of a history (inputs, results, signals, updates, queries answered), as the codec sealed them. */
export function collectPayloads(history: unknown): { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }[] {
  const out: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && o.data instanceof Uint8Array) {
      out.push(o as { metadata: Record<string, Uint8Array>; data: Uint8Array });
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(history);
  return out;
}
