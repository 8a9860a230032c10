/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The tenant's latest registry refreshes, newest first (up to 20).
 */
export interface ElectionRegistryRefreshList {
  /**
   * @maxItems 20
   */
  items: ElectionRegistryRefresh[];
}
/**
 * One run of the registry refresh, read from its record (the page polls it while it runs): counts only, the reasons of those taken off their tasks by their codes (codes.election.*), never who.
 */
export interface ElectionRegistryRefresh {
  id: string;
  /**
   * null: every active election.
   */
  electionId: string | null;
  reason: "weekly" | "activation" | "manual";
  status: "running" | "done" | "failed";
  /**
   * Participants holding a task of the scope.
   */
  total: number;
  /**
   * Of them read from the registry so far.
   */
  done: number;
  /**
   * Whose name, address, municipality or standing changed.
   */
  updated: number;
  /**
   * Taken off their tasks because they no longer qualify (told with the 'removed by validation' message).
   */
  unassigned: number;
  /**
   * Not known to the registry (left as they are).
   */
  notFound: number;
  /**
   * Tasks taken off by the first failing rule's code (election.deceased, election.notResident, election.disenfranchised, election.notCitizen, election.under18).
   */
  unassignedReasons: {
    [k: string]: number;
  };
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
