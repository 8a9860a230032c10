/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task link's token (43 characters of base64url). Anything else names no link: 404, like an unknown, revoked or expired one.
 */
export interface ElectionLinkTokenParams {
  token: string;
}
