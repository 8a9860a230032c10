/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A polling station's task slots in an election per team × task type × date (the distribute grid). Cells without slots are left out (count 0).
 */
export interface ElectionSlotDistribution {
  /**
   * The election's task dates, first to last (none while they are not set).
   */
  dates: string[];
  /**
   * The station's teams, and any other with slots there, in alphabetical order.
   */
  teams: ElectionSlotDistributionTeam[];
  /**
   * The station's task types, and any other with slots there, by start time.
   */
  taskTypes: ElectionSlotDistributionTaskType[];
  cells: ElectionSlotDistributionCell[];
}
export interface ElectionSlotDistributionTeam {
  id: string;
  name: string;
}
export interface ElectionSlotDistributionTaskType {
  id: string;
  title: string;
  shortName: string;
  trusted: boolean;
}
export interface ElectionSlotDistributionCell {
  teamId: string;
  taskTypeId: string;
  date: string;
  count: number;
  /**
   * Slots that stay: held (invited, accepted) or once offered to someone. The least the count may become.
   */
  filled: number;
}
