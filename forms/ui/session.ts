// Login and logout for both sites: login is a full-page trip through the SAML IdP; logout ends the
// server-side session (with its CSRF token) and then leaves the page.
import { sendJson } from './problem';

export function loginUrl(returnTo: string): string {
  return `/saml/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export async function logout(then: string): Promise<void> {
  await sendJson<unknown>('POST', '/api/session/logout', {}).catch(() => undefined);
  window.location.assign(then);
}
