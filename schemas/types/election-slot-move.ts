/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Vacant task slots never offered to anyone, to move to another team.
 */
export interface SlotMove {
  /**
   * @minItems 1
   * @maxItems 500
   */
  slotIds: [string, ...string[]];
  teamId: string;
}
