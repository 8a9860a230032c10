/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The changed answers of a returned proposal, with the edit link's token. The proposer's name and e-mail stay as they were unless given.
 */
export interface PetitionResubmission {
  /**
   * The token from the link the proposer was sent by e-mail (43 characters, base64url). An unknown or malformed token answers 404.
   */
  token: string;
  /**
   * The answers to the tenant's published petition form (kind petitionForm), including the proposer's name (proposerName) and e-mail (proposerEmail); checked against that form version.
   */
  answers: {
    [k: string]: unknown;
  };
}
