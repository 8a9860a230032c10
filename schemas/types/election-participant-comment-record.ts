/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A comment as stored.
 */
export interface ElectionParticipantCommentRecord {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}
