/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The tenant's elections, the latest election day first, with how far each is staffed.
 */
export interface ElectionList {
  items: ElectionListItem[];
}
export interface ElectionListItem {
  id: string;
  title: string;
  electionTypeId: string;
  electionTypeName: string;
  electionDay: string;
  firstTaskDate: string | null;
  lastTaskDate: string | null;
  lockDays: number;
  active: boolean;
  /**
   * The next step of the setup to fill in; done when all are.
   */
  setupStep: "dates" | "workLocations" | "messages" | "done";
  /**
   * Polling stations the election uses.
   */
  workLocations: number;
  /**
   * Task slots, any state.
   */
  slots: number;
  /**
   * Task slots whose participant has accepted.
   */
  filledSlots: number;
}
