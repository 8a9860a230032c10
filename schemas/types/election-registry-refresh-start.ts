/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An administrator runs the registry refresh now (POST /api/election/registry-refreshes): of one election's participants, or without electionId of every active election's. A refresh of the same scope still running is the answer (200) instead of a second one.
 */
export interface ElectionRegistryRefreshStart {
  /**
   * One election of this tenant; absent or null: every active election.
   */
  electionId?: string | null;
}
