/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A proposal made without logging in: the petition form's answers. Rate-limited per client address and per e-mail address (429 with Retry-After).
 */
export interface PetitionProposal {
  /**
   * The petition form; without it, the tenant's published petition form.
   */
  formId?: string;
  /**
   * The answers to the tenant's published petition form (kind petitionForm), including the proposer's name (proposerName) and e-mail (proposerEmail); checked against that form version.
   */
  answers: {
    [k: string]: unknown;
  };
}
