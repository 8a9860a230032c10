/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A bulk deletion recorded and under way: follow it at GET /api/election/participant-deletions/{id}.
 */
export interface ElectionParticipantDeletionStarted {
  id: string;
  /**
   * How many participants it deletes (each id once).
   */
  total: number;
}
