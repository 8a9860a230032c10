// Each petition's vote key (see migrations/0002): created when the petition opens, sealed with the tenant's
// key, used to hash voters' personal numbers, destroyed when the vote closes. The opened key is kept in this
// process for a minute at most, so a vote needs no key lookup in the database; destroying the key forgets it
// here, and another process's copy is useless once the petition is closed (the vote function refuses).
import { createHmac, randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { ParsedPersonalNumber } from '../../../forms/formats/personal-number';
import { open, seal } from '../../crypto/aead';
import type { Keyring } from '../../crypto/keyring';
import type { Database } from '../../db/database';
import { TtlLru } from '../../cache/ttl-lru';
import { execute, select } from './db';

const PURPOSE = 'petitions.voteKeys';
const CACHE_MS = 60_000;
const KEYS_KEPT = 10_000;

const aad = (tenantId: string, petitionId: string) => `${tenantId}:petition:${petitionId}:voteKey`;

const cache = new TtlLru<Buffer>(KEYS_KEPT, CACHE_MS);
const cacheKey = (tenantId: string, petitionId: string) => `${tenantId}:${petitionId}`;

/** A new random key for the petition, sealed; in the caller's transaction (the one that opens the petition). */
export async function createVoteKey(db: Database, keyring: Keyring, tx: Transaction, tenantId: string, petitionId: string): Promise<void> {
  const tenantKey = await keyring.dataKey(tx, tenantId, PURPOSE);
  await execute(db, tx, 'INSERT INTO petition_keys (tenant_id, petition_id, sealed_key) VALUES ($1, $2, $3)', [tenantId, petitionId, seal(tenantKey, randomBytes(32), aad(tenantId, petitionId))]);
}

/** The petition's key, opened; undefined when it has none or it was destroyed. */
export async function openVoteKey(db: Database, keyring: Keyring, tx: Transaction, tenantId: string, petitionId: string): Promise<Buffer | undefined> {
  const [row] = await select<{ sealed_key: Buffer | null }>(db, tx, 'SELECT sealed_key FROM petition_keys WHERE petition_id = $1', [petitionId]);
  if (!row?.sealed_key) return undefined;
  return open(await keyring.dataKey(tx, tenantId, PURPOSE), row.sealed_key, aad(tenantId, petitionId));
}

/** The key from this process's memory, else opened in a transaction of its own and remembered for a minute. */
export async function cachedVoteKey(db: Database, keyring: Keyring, tenantId: string, petitionId: string): Promise<Buffer | undefined> {
  const id = cacheKey(tenantId, petitionId);
  const hit = cache.get(id);
  if (hit) return hit;
  const key = await db.withTenant(tenantId, (tx) => openVoteKey(db, keyring, tx, tenantId, petitionId));
  if (key) cache.set(id, key);
  return key;
}

export function forgetVoteKey(tenantId: string, petitionId: string): void {
  cache.delete(cacheKey(tenantId, petitionId))?.fill(0);
}

/** Destroys the key for good (crypto-shredding); false when there was none left. The caller audits it. */
export async function destroyVoteKey(db: Database, tx: Transaction, tenantId: string, petitionId: string): Promise<boolean> {
  forgetVoteKey(tenantId, petitionId);
  return (await execute(db, tx, 'UPDATE petition_keys SET sealed_key = NULL, destroyed_at = now() WHERE petition_id = $1 AND sealed_key IS NOT NULL', [petitionId])) > 0;
}

/** The voter as the votes table knows them: HMAC-SHA-256 of the personal number under the petition's key. */
export function voterHash(key: Buffer, pn: Pick<ParsedPersonalNumber, 'country' | 'canonical'>): string {
  return createHmac('sha256', key).update(`${pn.country}:${pn.canonical}`).digest('hex');
}
