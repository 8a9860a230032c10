/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters of the public list of petitions.
 */
export interface PetitionListQuery {
  /**
   * open: open for votes; handling: closed and awaiting or in handling; answered; all: every published petition.
   */
  state?: "open" | "handling" | "answered" | "all";
  /**
   * Words to find in the title and summary.
   */
  q?: string;
  /**
   * newest published first; most votes first; closing soonest first (open ones first).
   */
  sort?: "newest" | "votes" | "closing";
  page?: number;
  limit?: number;
}
