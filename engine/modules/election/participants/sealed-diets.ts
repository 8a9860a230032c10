// A participant's special diets and the free-text diet note are special-category data (they may reveal religion
// or health): stored sealed like personal numbers (engine/identity/personal-numbers.ts) — AES-256-GCM with the
// tenant's own data key for this purpose, bound to the tenant and the participant, so a sealed blob cannot be
// moved to another person. Only the participant queries that are allowed to show them open them.
import type { Transaction } from 'sequelize';
import { open, seal } from '../../../crypto/aead';
import type { Keyring } from '../../../crypto/keyring';

const PURPOSE = 'election.participantDiets';

export interface DietChoice {
  /** Ids of the tenant's special_diets rows. */
  dietIds: string[];
  /** Free text (≤ 500), e.g. an allergy; null when none. */
  note: string | null;
}

export const NO_DIETS: DietChoice = { dietIds: [], note: null };

const aadOf = (tenantId: string, participantId: string): string => `${tenantId}:participant:${participantId}:diets`;

/** The tenant's key for diets; `tx` must be a withTenant transaction of that tenant. */
export function dietKey(keyring: Keyring, tx: Transaction, tenantId: string): Promise<Buffer> {
  return keyring.dataKey(tx, tenantId, PURPOSE);
}

/** The same outside a transaction (from memory when there), for an export that streams. */
export function dietKeyOf(keyring: Keyring, tenantId: string): Promise<Buffer> {
  return keyring.dataKeyOf(tenantId, PURPOSE);
}

/** Null for no diets and no note (nothing to keep), else the sealed choice. */
export function sealDiets(key: Buffer, tenantId: string, participantId: string, choice: DietChoice): Buffer | null {
  if (choice.dietIds.length === 0 && !choice.note) return null;
  return seal(key, Buffer.from(JSON.stringify({ dietIds: choice.dietIds, note: choice.note ?? null })), aadOf(tenantId, participantId));
}

export function openDiets(key: Buffer, tenantId: string, participantId: string, sealed: Buffer | null | undefined): DietChoice {
  if (!sealed) return NO_DIETS;
  const parsed = JSON.parse(open(key, sealed, aadOf(tenantId, participantId)).toString('utf8')) as Partial<DietChoice>;
  return { dietIds: Array.isArray(parsed.dietIds) ? parsed.dietIds.map(String) : [], note: typeof parsed.note === 'string' ? parsed.note : null };
}
