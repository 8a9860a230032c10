/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An election and one of its polling stations.
 */
export interface ElectionSlotWorkLocationParams {
  id: string;
  workLocationId: string;
}
