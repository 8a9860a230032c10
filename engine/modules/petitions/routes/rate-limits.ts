// Proposals without login are limited per client address and per e-mail address, before anything is stored
// (rate-limiter-flexible's RateLimiterPostgres, shared by every process on the database). Its table
// (migrations/0011) is under row-level security like every table: the limiter's queries run through a store
// client that puts each one in a withTenant transaction of the tenant the limiter belongs to (one limiter per
// tenant and kind). Keys are keyed hashes (HMAC with the tenant's key) of the address, never the address.
// Over the limit: 429 with Retry-After, and nothing is written but the limiter's own counter.
// The command itself also refuses a sixth proposal a day from one e-mail (petition.tooManyProposals, 409).
import { createHmac } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Keyring } from '../../../crypto/keyring';
import type { Database } from '../../../db/database';
import { TooManyRequestsError } from '../../../errors';
import { fieldError } from '../../../../forms/validation';
import { normalEmail } from '../proposer';

export const RATE_LIMIT_TABLE = 'petition_rate_limits';
const KEY_PURPOSE = 'petitions.rateLimit';

export interface Limit {
  /** Proposals allowed … */
  points: number;
  /** … per this many seconds. */
  seconds: number;
}

export interface ProposalLimits {
  perClient: Limit;
  perEmail: Limit;
}

/** A busy office behind one address may propose a few an hour; one e-mail address a few a day (the command: 5). */
export const DEFAULT_PROPOSAL_LIMITS: ProposalLimits = {
  perClient: { points: 10, seconds: 3600 },
  perEmail: { points: 3, seconds: 3600 },
};

type Kind = keyof ProposalLimits;

/** The limiter's store client: each query in its own transaction with the tenant set (RLS). */
function tenantStore(db: Database, tenantId: string) {
  return {
    async query(q: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number }> {
      return db.withTenant(tenantId, async (tx) => {
        const rows = await db.sequelize.query<Record<string, unknown>>(q.text, { ...(q.values ? { bind: q.values } : {}), type: QueryTypes.SELECT, transaction: tx });
        // bigint arrives as text; the library does arithmetic with `expire`.
        const typed = rows.map((r) => ('expire' in r && r.expire !== null ? { ...r, expire: Number(r.expire) } : r));
        return { rows: typed, rowCount: typed.length };
      });
    },
  };
}

export class ProposalRateLimits {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(
    private readonly deps: { db: Database; keyring: Keyring },
    private readonly limits: ProposalLimits = DEFAULT_PROPOSAL_LIMITS,
  ) {}

  private limiter(tenantId: string, kind: Kind): RateLimiterPostgres {
    const name = `${tenantId}:${kind}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const { points, seconds } = this.limits[kind];
      limiter = new RateLimiterPostgres({
        storeClient: tenantStore(this.deps.db, tenantId),
        storeType: 'client',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: `${tenantId}:${kind}`,
        points,
        duration: seconds,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  private async keys(tenantId: string, client: string, email: string | undefined): Promise<{ client: string; email?: string }> {
    const key = await this.deps.db.withTenant(tenantId, (tx) => this.deps.keyring.dataKey(tx, tenantId, KEY_PURPOSE));
    const hash = (value: string) => createHmac('sha256', key).update(value).digest('hex');
    return { client: hash(`client:${client}`), ...(email ? { email: hash(`email:${normalEmail(email)}`) } : {}) };
  }

  private async consume(tenantId: string, kind: Kind, key: string, field: string): Promise<void> {
    try {
      await this.limiter(tenantId, kind).consume(key, 1);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      const message = kind === 'perClient' ? 'too many proposals from this address; try again later' : 'too many proposals from this e-mail address; try again later';
      throw new TooManyRequestsError(seconds, message, [fieldError(field, 'petition.tooManyProposals', { limit: this.limits[kind].points }, message)]);
    }
  }

  /** Counts one proposal from `client` (its IP address) and `email`; TooManyRequestsError when either is over. */
  async proposal(tenantId: string, client: string, email: string | undefined): Promise<void> {
    const keys = await this.keys(tenantId, client, email);
    await this.consume(tenantId, 'perClient', keys.client, '/');
    if (keys.email) await this.consume(tenantId, 'perEmail', keys.email, '/proposerEmail');
  }
}
