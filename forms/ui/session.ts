// Login and logout for both sites: login is a full-page trip through the SAML IdP; logout ends the
// server-side session (with its CSRF token) and then leaves the page.
import { apiSend } from './api';

export function loginUrl(returnTo: string): string {
  return `/saml/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Ends the session; where the IdP offers single logout, the browser goes there and comes back to `then`'s site. */
export async function logout(then: string): Promise<void> {
  const answer = await apiSend<{ redirectTo?: string } | undefined>('POST', '/api/session/logout', {}).catch(() => undefined);
  window.location.assign(answer?.redirectTo ?? then);
}
