/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The session has ended here; the IdP offers single logout, so the browser goes on to end it there.
 */
export interface LogoutRedirect {
  redirectTo: string;
}
