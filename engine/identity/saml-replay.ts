// The service provider's memory of its own AuthnRequests and of assertions already accepted.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database, Site } from '../db/database';

/** How long an AuthnRequest may wait for its Response (a person picking an e-ID and approving it). */
export const REQUEST_LIFETIME_MS = 10 * 60_000;

export type InResponseToProblem = 'unknown' | 'used' | 'expired' | 'other site';

export class SamlReplayGuard {
  constructor(private readonly db: Database) {}

  async rememberRequest(tx: Transaction, opts: { tenantId: string; site: Site; requestId: string; relayState?: string; now: Date }): Promise<void> {
    await this.db.sequelize.query('INSERT INTO saml_requests (request_id, tenant_id, site, relay_state, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', {
      bind: [opts.requestId, opts.tenantId, opts.site, opts.relayState ?? null, opts.now, new Date(opts.now.getTime() + REQUEST_LIFETIME_MS)],
      transaction: tx,
    });
  }

  /** Marks the request used, once; returns its relay state, or why the InResponseTo is not acceptable. */
  async consumeRequest(tx: Transaction, opts: { site: Site; requestId: string; now: Date }): Promise<{ ok: true; relayState: string | null } | { ok: false; problem: InResponseToProblem }> {
    const [row] = await this.db.sequelize.query<{ site: Site; relay_state: string | null; expires_at: Date; used_at: Date | null }>(
      'SELECT site, relay_state, expires_at, used_at FROM saml_requests WHERE request_id = $1 FOR UPDATE',
      { bind: [opts.requestId], type: QueryTypes.SELECT, transaction: tx },
    );
    if (!row) return { ok: false, problem: 'unknown' };
    if (row.used_at) return { ok: false, problem: 'used' };
    if (new Date(row.expires_at) <= opts.now) return { ok: false, problem: 'expired' };
    if (row.site !== opts.site) return { ok: false, problem: 'other site' };
    await this.db.sequelize.query('UPDATE saml_requests SET used_at = $2 WHERE request_id = $1', { bind: [opts.requestId, opts.now], transaction: tx });
    return { ok: true, relayState: row.relay_state };
  }

  /** Records an accepted assertion id; false if it was seen before (a replay). */
  async firstSighting(tx: Transaction, opts: { tenantId: string; issuer: string; assertionId: string; keepUntil: Date }): Promise<boolean> {
    const inserted = await this.db.sequelize.query(
      'INSERT INTO saml_assertions_seen (tenant_id, issuer, assertion_id, keep_until) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING assertion_id',
      { bind: [opts.tenantId, opts.issuer, opts.assertionId, opts.keepUntil], type: QueryTypes.SELECT, transaction: tx },
    );
    return inserted.length === 1;
  }

  /** Housekeeping: requests past their expiry and assertion ids past the time their assertion was valid. */
  async purgeExpired(tx: Transaction, now: Date): Promise<number> {
    const requests = await this.db.sequelize.query('DELETE FROM saml_requests WHERE expires_at <= $1 RETURNING request_id', { bind: [now], type: QueryTypes.SELECT, transaction: tx });
    const seen = await this.db.sequelize.query('DELETE FROM saml_assertions_seen WHERE keep_until <= $1 RETURNING assertion_id', { bind: [now], type: QueryTypes.SELECT, transaction: tx });
    return requests.length + seen.length;
  }
}
