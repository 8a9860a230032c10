// Per-tenant data keys, one per purpose, created on first use: 32 random bytes wrapped (AES-256-GCM, bound
// to tenant and purpose) by the active master key, stored in tenant_keys under RLS. Master keys rotate by
// listing a new one first: keys wrapped by an older one still unwrap, and `rewrap` moves them over.
import { randomBytes } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { open, seal } from './aead';
import type { NamedKey } from './key-spec';
import { TtlLru } from '../cache/ttl-lru';

export class KeyDestroyedError extends Error {
  override name = 'KeyDestroyedError';
}

interface KeyRow {
  master_key_id: string;
  wrapped_key: Buffer | null;
}

/** How long an unwrapped data key is kept in memory (a destroyed key stops working in other processes within it). */
const KEY_CACHE_MS = 60_000;
const KEYS_KEPT = 10_000;

export class Keyring {
  private readonly masters: Map<string, Buffer>;
  /** Unwrapped data keys by tenant and purpose: a request that seals or opens does not read tenant_keys each time. */
  private readonly cache = new TtlLru<Buffer>(KEYS_KEPT, KEY_CACHE_MS);

  constructor(
    private readonly db: Database,
    private readonly masterKeys: NamedKey[],
  ) {
    if (!masterKeys[0]) throw new Error('Keyring needs at least one master key');
    this.masters = new Map(masterKeys.map((k) => [k.id, k.key]));
  }

  private get active(): NamedKey {
    return this.masterKeys[0]!;
  }

  private select(tx: Transaction, tenantId: string, purpose: string): Promise<KeyRow[]> {
    return this.db.sequelize.query<KeyRow>('SELECT master_key_id, wrapped_key FROM tenant_keys WHERE tenant_id = $1 AND purpose = $2', {
      bind: [tenantId, purpose],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
  }

  private unwrap(row: KeyRow, tenantId: string, purpose: string): Buffer {
    if (!row.wrapped_key) throw new KeyDestroyedError(`the ${purpose} key of this tenant was destroyed`);
    const master = this.masters.get(row.master_key_id);
    if (!master) throw new Error(`master key "${row.master_key_id}" is not configured (DATA_MASTER_KEYS)`);
    return open(master, row.wrapped_key, `${tenantId}:${purpose}`);
  }

  /** The tenant's key for `purpose`; `tx` must be a withTenant transaction of that tenant. */
  async dataKey(tx: Transaction, tenantId: string, purpose: string): Promise<Buffer> {
    const cacheKey = `${tenantId}:${purpose}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const key = await this.readKey(tx, tenantId, purpose);
    this.cache.set(cacheKey, key);
    return key;
  }

  /** The same, for a caller without a transaction (one of the tenant's own when the key is not in memory). */
  async dataKeyOf(tenantId: string, purpose: string): Promise<Buffer> {
    return this.cache.get(`${tenantId}:${purpose}`) ?? this.db.withTenant(tenantId, (tx) => this.dataKey(tx, tenantId, purpose));
  }

  private async readKey(tx: Transaction, tenantId: string, purpose: string): Promise<Buffer> {
    let [row] = await this.select(tx, tenantId, purpose);
    if (!row) {
      const wrapped = seal(this.active.key, randomBytes(32), `${tenantId}:${purpose}`);
      // Two first uses at once: the second insert waits for the first and then does nothing.
      await this.db.sequelize.query(
        'INSERT INTO tenant_keys (tenant_id, purpose, master_key_id, wrapped_key) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, purpose) DO NOTHING',
        { bind: [tenantId, purpose, this.active.id, wrapped], transaction: tx },
      );
      [row] = await this.select(tx, tenantId, purpose);
    }
    return this.unwrap(row!, tenantId, purpose);
  }

  /** Destroys the key for good; returns false when there was none. The caller audits it. */
  async destroy(tx: Transaction, tenantId: string, purpose: string): Promise<boolean> {
    this.cache.delete(`${tenantId}:${purpose}`);
    const [, count] = await this.db.sequelize.query(
      'UPDATE tenant_keys SET wrapped_key = NULL, destroyed_at = now() WHERE tenant_id = $1 AND purpose = $2 AND wrapped_key IS NOT NULL',
      { bind: [tenantId, purpose], transaction: tx, type: QueryTypes.UPDATE },
    );
    return count > 0;
  }

  /** Re-wraps the tenant's keys under the active master key (after a rotation); returns how many moved. */
  async rewrap(tx: Transaction, tenantId: string): Promise<number> {
    const rows = await this.db.sequelize.query<KeyRow & { purpose: string }>(
      'SELECT purpose, master_key_id, wrapped_key FROM tenant_keys WHERE tenant_id = $1 AND wrapped_key IS NOT NULL AND master_key_id <> $2 FOR UPDATE',
      { bind: [tenantId, this.active.id], type: QueryTypes.SELECT, transaction: tx },
    );
    for (const row of rows) {
      const key = this.unwrap(row, tenantId, row.purpose);
      await this.db.sequelize.query('UPDATE tenant_keys SET master_key_id = $3, wrapped_key = $4 WHERE tenant_id = $1 AND purpose = $2', {
        bind: [tenantId, row.purpose, this.active.id, seal(this.active.key, key, `${tenantId}:${row.purpose}`)],
        transaction: tx,
      });
    }
    return rows.length;
  }
}
