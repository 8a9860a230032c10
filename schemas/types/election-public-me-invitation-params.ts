/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An invitation link's token (43 characters of base64url). Anything else names no invitation: 404.
 */
export interface ElectionPublicMeInvitationParams {
  token: string;
}
