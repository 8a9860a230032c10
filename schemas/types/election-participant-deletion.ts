/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A bulk deletion's progress, read from its record (the page polls it while it runs).
 */
export interface ElectionParticipantDeletion {
  id: string;
  total: number;
  /**
   * How many of them are gone so far.
   */
  deleted: number;
  /**
   * failed: the database refused a deletion for good (a participant still referenced); the rest stay.
   */
  status: "running" | "done" | "failed";
  requestedAt: string;
  finishedAt: string | null;
}
