// Actors and sessions for tests that are not about logging in: a user row and a live session made through
// the real Users/Sessions code, sent back as the cookie and CSRF header a browser would send.
import { randomBytes } from 'node:crypto';
import type { Actor, Role } from '../../engine/actors';
import type { Identity } from '../../engine/identity';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';

/** An administrator actor for calling commands directly (no HTTP, no session). */
export function testAdministrator(tenantId: string): Actor {
  return { kind: 'user', tenantId, id: 'test-administrator', displayName: 'Test administrator', roles: ['administrator'] };
}

export interface TestSession {
  token: string;
  userId: string;
  /** Cookie and X-CSRF-Token, as the site's own pages send them. */
  headers: Record<string, string>;
}

export async function startEmployeeSession(identity: Pick<Identity, 'db' | 'users' | 'sessions'>, tenantId: string, roles: Role[], displayName = 'Lauritz Jensen'): Promise<TestSession> {
  return identity.db.withTenant(tenantId, async (tx) => {
    const userId = await identity.users.employee(tx, tenantId, `employee-${randomBytes(4).toString('hex')}@test.example`, displayName, roles);
    const { token } = await identity.sessions.start(tx, { tenantId, userId, site: 'admin', now: new Date() });
    return { token, userId, headers: { cookie: `${cookieName('admin')}=${token}`, 'x-csrf-token': csrfTokenFor(token) } };
  });
}
