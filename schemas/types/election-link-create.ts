/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A new task link of the election: `task` offers one vacant slot (slotId), `tasks` the vacant slots matching the filters (each filter a list; an empty or absent one matches everything; trusted task types are never offered), `team` the team's vacant slots (teamId). Fields of another kind are refused.
 */
export type ElectionLinkCreate = {
  kind: "task" | "tasks" | "team";
  /**
   * kind task: a vacant slot of this election.
   */
  slotId?: string;
  /**
   * kind team: a team of the tenant.
   */
  teamId?: string;
  filters?: ElectionLinkFilters;
};

/**
 * What a `tasks` link offers: vacant slots whose team, date, area, work location and task type are each in its list (a list that is empty or absent matches all).
 */
export interface ElectionLinkFilters {
  /**
   * @maxItems 100
   */
  teamIds?: string[];
  /**
   * @maxItems 100
   */
  dates?: string[];
  /**
   * @maxItems 100
   */
  areaIds?: string[];
  /**
   * @maxItems 100
   */
  workLocationIds?: string[];
  /**
   * @maxItems 100
   */
  taskTypeIds?: string[];
}
