/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The edit link's token, in the query string (which the server does not log, unlike the path).
 */
export interface PetitionEditQuery {
  /**
   * The token from the link the proposer was sent by e-mail (43 characters, base64url). An unknown or malformed token answers 404.
   */
  token: string;
}
