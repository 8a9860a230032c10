/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface SlotMoved {
  /**
   * Slots whose team changed (those already in the team are counted out).
   */
  moved: number;
}
