// Server-side sessions behind an opaque cookie token. Only SHA-256 hashes of the session and CSRF tokens
// are stored. Lookups run inside the tenant resolved from the host, so a cookie of tenant A means nothing
// at tenant B, and a public-site session never opens the admin site.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import type { Grant, Role } from '../actors';
import type { Database, Site } from '../db/database';
import { GroupCommit } from '../db/group-commit';

export const SESSION_LIFETIMES: Record<Site, { idleMs: number; absoluteMs: number }> = {
  admin: { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 },
  public: { idleMs: 60 * 60_000, absoluteMs: 8 * 3_600_000 },
};

/** How often a session's idle expiry is moved on by its requests (a burst writes its row once). */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

export interface StartedSession {
  sessionId: string;
  token: string;
  absoluteExpiresAt: Date;
}

/** The CSRF token of a session: derived from its secret token, which a cross-site page cannot read. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('tingvalla-csrf').digest('base64url');
}

/** Constant-time check of the CSRF token sent with a state-changing request. */
export function csrfTokenMatches(sessionToken: string, sent: string | undefined): boolean {
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(sent ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ResumedSession {
  sessionId: string;
  userId: string;
  kind: 'citizen' | 'employee';
  displayName: string;
  /** Employees: the IdP's privileges; citizens: participant. */
  roles: Role[];
  /** Grants given in data (kinds the modules declare), read at every request so a revocation takes effect at once. */
  grants: Grant[];
  /** A citizen's login: its level of assurance, residency asked at login (null: unknown), the sealed personal number. */
  citizen?: { assurance: 'low' | 'substantial' | 'high' | null; resident: boolean | null; personalNumber: { country: 'DK' | 'SE'; sealed: Buffer } | null };
}


interface ResumeRequest {
  tenantId: string;
  site: Site;
  tokenHash: string;
  now: Date;
}

/** A row of resume_sessions (migration 0035). */
interface ResumedRow {
  session_id: string;
  session_user_id: string;
  user_kind: 'citizen' | 'employee';
  user_display_name: string;
  user_roles: Role[];
  user_grants: Grant[];
  session_assurance: 'low' | 'substantial' | 'high' | null;
  session_resident: boolean | null;
  user_pn_country: 'DK' | 'SE' | null;
  user_pn_sealed: Buffer | null;
}

export class Sessions {
  private readonly resumes: GroupCommit<ResumeRequest, ResumedRow | undefined>;

  constructor(private readonly db: Database) {
    this.resumes = new GroupCommit((_lane, items) => this.resumeBatch(items));
  }

  async start(tx: Transaction, opts: { tenantId: string; userId: string; site: Site; now: Date; assurance?: 'low' | 'substantial' | 'high'; idpSessionIndex?: string; idpNameIdSealed?: Buffer }): Promise<StartedSession> {
    const token = newToken();
    const life = SESSION_LIFETIMES[opts.site];
    const absoluteExpiresAt = new Date(opts.now.getTime() + life.absoluteMs);
    const [row] = await this.db.sequelize.query<{ id: string }>(
      `INSERT INTO sessions (tenant_id, user_id, site, token_hash, created_at, last_seen_at, idle_expires_at, absolute_expires_at, idp_session_index, idp_name_id_sealed, assurance)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10) RETURNING id`,
      {
        type: QueryTypes.SELECT,
        bind: [opts.tenantId, opts.userId, opts.site, hashToken(token), opts.now, new Date(opts.now.getTime() + life.idleMs), absoluteExpiresAt, opts.idpSessionIndex ?? null, opts.idpNameIdSealed ?? null, opts.assurance ?? null],
        transaction: tx,
      },
    );
    return { sessionId: row!.id, token, absoluteExpiresAt };
  }

  /**
   * The live session of this token on this tenant and site, its idle expiry pushed on; else undefined. One
   * round trip shared with the other requests resuming at the same moment (group commit, resume_sessions,
   * migration 0035): under load, one query and one commit serve many requests. The idle expiry moves at most
   * once a minute, so a session ends between 0 and 1 minute later than its idle time after its last request.
   */
  async resume(tenantId: string, site: Site, token: string, now: Date): Promise<ResumedSession | undefined> {
    const row = await this.resumes.submit('sessions', { tenantId, site, tokenHash: hashToken(token), now });
    if (!row) return undefined;
    const citizen = row.user_kind === 'citizen';
    const roles: Role[] = citizen ? ['participant'] : row.user_roles;
    return {
      sessionId: row.session_id,
      userId: row.session_user_id,
      kind: row.user_kind,
      displayName: row.user_display_name,
      roles,
      grants: row.user_grants,
      ...(citizen
        ? { citizen: { assurance: row.session_assurance, resident: row.session_resident, personalNumber: row.user_pn_country && row.user_pn_sealed ? { country: row.user_pn_country, sealed: row.user_pn_sealed } : null } }
        : {}),
    };
  }

  private async resumeBatch(items: ResumeRequest[]): Promise<(ResumedRow | undefined)[]> {
    const rows = await this.db.rawQuery<ResumedRow & { ord: number }>('SELECT * FROM resume_sessions($1, $2, $3, $4, $5, $6)', [
      items.map((r) => r.tenantId),
      items.map((r) => r.site),
      items.map((r) => r.tokenHash),
      items.map((r) => r.now),
      items.map((r) => SESSION_LIFETIMES[r.site].idleMs),
      TOUCH_EVERY_MS,
    ]);
    const byOrd = new Map(rows.map((r) => [r.ord, r]));
    return items.map((_, i) => byOrd.get(i + 1));
  }

  /** What the IdP knows the session by (for single logout), if it came from a SAML login. */
  async idpSession(tx: Transaction, sessionId: string): Promise<{ nameIdSealed: Buffer; sessionIndex: string | null } | undefined> {
    const [row] = await this.db.sequelize.query<{ idp_name_id_sealed: Buffer | null; idp_session_index: string | null }>('SELECT idp_name_id_sealed, idp_session_index FROM sessions WHERE id = $1', {
      bind: [sessionId],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    return row?.idp_name_id_sealed ? { nameIdSealed: row.idp_name_id_sealed, sessionIndex: row.idp_session_index } : undefined;
  }

  async end(tx: Transaction, sessionId: string, now: Date): Promise<boolean> {
    const [, count] = await this.db.sequelize.query('UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', {
      bind: [sessionId, now],
      type: QueryTypes.UPDATE,
      transaction: tx,
    });
    return count > 0;
  }

  /** Deletes the tenant's sessions that expired or ended before `now` (the housekeeping workflow's clock). */
  async purgeExpired(tx: Transaction, now: Date): Promise<number> {
    const deleted = await this.db.sequelize.query('DELETE FROM sessions WHERE absolute_expires_at <= $1 OR idle_expires_at <= $1 OR ended_at <= $1 RETURNING id', {
      bind: [now],
      type: QueryTypes.SELECT,
      transaction: tx,
    });
    return deleted.length;
  }
}
