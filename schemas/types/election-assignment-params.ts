/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An election and one of its task slots. A slot of another election or tenant names nothing: 404.
 */
export interface ElectionSlotParams {
  /**
   * The election.
   */
  id: string;
  /**
   * The task slot.
   */
  slotId: string;
}
