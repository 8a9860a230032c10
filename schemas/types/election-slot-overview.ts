/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An election's staffing: every area and polling station of the election with its task slots' fill status (of the filter), and the totals. Areas and stations in alphabetical order.
 */
export interface ElectionSlotOverview {
  totals: ElectionSlotTotals;
  areas: ElectionSlotOverviewArea[];
}
export interface ElectionSlotTotals {
  /**
   * Task slots (of the filter), any state.
   */
  slots: number;
  accepted: number;
  /**
   * Awaiting the invited person's answer.
   */
  invited: number;
  /**
   * No holder (a rejected invitation makes the slot vacant again).
   */
  vacant: number;
}
export interface ElectionSlotOverviewArea {
  id: string;
  name: string;
  totals: ElectionSlotTotals;
  workLocations: ElectionSlotOverviewWorkLocation[];
}
export interface ElectionSlotOverviewWorkLocation {
  id: string;
  name: string;
  districtNumber: string;
  totals: ElectionSlotTotals;
}
