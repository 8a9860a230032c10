/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task slot the logged-in citizen holds. Anyone else's slot, or no slot, is a missing one (404).
 */
export interface ElectionSignupSlotParams {
  slotId: string;
}
