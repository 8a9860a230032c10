// Turns a verified SAML login into a user and a session, audited in the same transaction.
import type { Transaction } from 'sequelize';
import { recordAudit } from '../audit/record';
import { seal } from '../crypto/aead';
import type { Keyring } from '../crypto/keyring';
import type { Database, Site } from '../db/database';
import type { VerifiedLogin } from './saml/service-provider';
import type { Sessions, StartedSession } from './sessions';
import type { Users } from './users';

export class NoPrivilegeError extends Error {
  override name = 'NoPrivilegeError';
}

export const NAME_ID_PURPOSE = 'saml.nameId';

export async function completeLogin(deps: { db: Database; users: Users; sessions: Sessions; keyring: Keyring }, tx: Transaction, opts: { tenantId: string; site: Site; login: VerifiedLogin; now: Date; requestId?: string }): Promise<StartedSession & { userId: string }> {
  const { identity } = opts.login;
  let userId: string;
  if (identity.kind === 'citizen') {
    if (opts.site !== 'public') throw new NoPrivilegeError('a citizen e-ID does not open the admin site');
    userId = await deps.users.citizen(tx, opts.tenantId, identity.personalNumber!, identity.displayName);
  } else {
    if (identity.roles.length === 0) throw new NoPrivilegeError('the employee has no Tingvalla privilege');
    userId = await deps.users.employee(tx, opts.tenantId, opts.login.nameId, identity.displayName, identity.roles);
  }
  // What single logout will need: the IdP's NameID (sealed: it can be a personal identifier) and SessionIndex.
  const nameIdKey = await deps.keyring.dataKey(tx, opts.tenantId, NAME_ID_PURPOSE);
  const session = await deps.sessions.start(tx, {
    tenantId: opts.tenantId,
    userId,
    site: opts.site,
    now: opts.now,
    assurance: identity.assurance,
    idpNameIdSealed: seal(nameIdKey, Buffer.from(opts.login.nameId), opts.tenantId),
    ...(opts.login.sessionIndex ? { idpSessionIndex: opts.login.sessionIndex } : {}),
  });
  await recordAudit(deps.db, tx, { tenantId: opts.tenantId, actor: { kind: 'user', tenantId: opts.tenantId, id: userId, displayName: identity.displayName, roles: identity.roles }, ...(opts.requestId ? { requestId: opts.requestId } : {}) }, {
    action: 'session.loggedIn',
    entityType: 'user',
    entityId: userId,
    // Never the name or the personal number: who it was is the user id.
    summary: { site: opts.site, kind: identity.kind, assurance: identity.assurance, roles: identity.roles },
  });
  return { ...session, userId };
}
