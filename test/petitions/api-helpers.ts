// What the petitions' HTTP suites share: a citizen's public-site session made by the real login code
// (completeLogin, as after a verified SAML assertion: the user row with the sealed personal number, the session,
// the `session.loggedIn` audit row with the level of assurance), links' tokens planted as the e-mail would carry
// them, and a platform whose petition routes have limits of the test's choosing.
import { randomBytes } from 'node:crypto';
import { parsePersonalNumber } from '../../forms/formats/personal-number';
import type { Identity } from '../../engine/identity';
import { completeLogin } from '../../engine/identity/login';
import type { Assurance } from '../../engine/identity/service-providers';
import { csrfTokenFor } from '../../engine/identity/sessions';
import { cookieName } from '../../engine/http/session-cookie';
import { MODULES } from '../../engine/modules';
import type { Module } from '../../engine/modules/module';
import { createPetitionRoutes, type PetitionRouteOptions } from '../../engine/modules/petitions/routes';
import { newToken } from '../../engine/modules/petitions/tokens';
import { ownerDb } from '../helpers/factories';
import { request, type TestResponse } from '../helpers/http';
import { checkResidency } from '../../engine/identity/residency';
import type { AuditedRegistry } from '../../engine/registry/audited';

export interface CitizenSession {
  headers: Record<string, string>;
}

/**
 * A citizen logged in on the public site with e-ID: `personalNumber` as the IdP sends it (10 digits DK, 12 SE).
 * With the platform's registry, residency is asked at login as the SAML route does (engine/identity/residency.ts).
 */
export async function startCitizenSession(identity: Identity, tenantId: string, personalNumber: string, assurance: Assurance = 'substantial', displayName = 'Test Borger', registry?: AuditedRegistry): Promise<CitizenSession> {
  const pn = parsePersonalNumber(personalNumber.length === 12 ? 'SE' : 'DK', personalNumber);
  if (!pn) throw new Error(`not a personal number: ${personalNumber}`);
  const { db, users, sessions, keyring } = identity;
  const started = await db.withTenant(tenantId, (tx) =>
    completeLogin({ db, users, sessions, keyring }, tx, {
      tenantId,
      site: 'public',
      now: new Date(),
      login: { identity: { kind: 'citizen', displayName, assurance, personalNumber: pn, roles: [] }, issuer: 'test-idp', nameId: `citizen-${randomBytes(6).toString('hex')}`, relayState: null },
    }),
  );
  if (registry) await checkResidency({ db, registry }, { kind: 'user', tenantId, id: started.userId, displayName, roles: ['participant'] }, started.sessionId, pn.canonical);
  return { headers: { cookie: `${cookieName('public')}=${started.token}`, 'x-csrf-token': csrfTokenFor(started.token) } };
}

/** The link's token the proposer would get by e-mail: a fresh one, its hash planted on the petition. */
export async function plantToken(petitionId: string, link: 'confirm' | 'edit'): Promise<string> {
  const { token, hash } = newToken();
  const column = link === 'confirm' ? 'confirm_token_hash' : 'edit_token_hash';
  await ownerDb().query(`UPDATE petitions SET ${column} = $2 WHERE id = $1`, { bind: [petitionId, hash] });
  return token;
}

/** The installed modules with the petitions' routes made with `options` (e.g. lower rate limits). */
export function modulesWith(options: PetitionRouteOptions): Module[] {
  return MODULES.map((m) => (m.name === 'petitions' ? { ...m, routes: (deps) => createPetitionRoutes(deps, options) } : m));
}

/** A request from a chosen loopback address (127.0.0.x), to stand for different clients. */
export function requestFrom(localAddress: string, port: number, host: string, method: string, path: string, json?: unknown): Promise<TestResponse> {
  return request(port, host, method, path, { localAddress, ...(json === undefined ? {} : { json }) });
}
