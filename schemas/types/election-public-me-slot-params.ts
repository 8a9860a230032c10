/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One of the logged-in participant's task slots.
 */
export interface ElectionPublicMeSlotParams {
  slotId: string;
}
