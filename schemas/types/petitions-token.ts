/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The token of a link the proposer was sent by e-mail.
 */
export interface PetitionToken {
  /**
   * The token from the link the proposer was sent by e-mail (43 characters, base64url). An unknown or malformed token answers 404.
   */
  token: string;
}
