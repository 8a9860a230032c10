/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A page of the moderation queue.
 */
export interface PetitionModerationQuery {
  page?: number;
  limit?: number;
}
