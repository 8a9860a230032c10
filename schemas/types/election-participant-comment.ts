/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * POST /api/election/participants/{id}/comments: an administrator's comment.
 */
export interface ElectionParticipantComment {
  body: string;
}
