/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A petition and one of its timeline posts.
 */
export interface PetitionAttachmentParams {
  id: string;
  eventId: string;
}
