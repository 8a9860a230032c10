/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The counts of the cells to change (cells not named keep their slots). Only vacant slots never offered to anyone are added or removed.
 */
export interface SlotDistributionUpdate {
  /**
   * @maxItems 2000
   */
  cells: SlotDistributionUpdateCell[];
}
export interface SlotDistributionUpdateCell {
  teamId: string;
  taskTypeId: string;
  date: string;
  count: number;
}
