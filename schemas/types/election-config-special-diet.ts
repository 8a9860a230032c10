/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A special diet participants may choose: created with POST, renamed with PUT. Deleting one is always allowed: the participants' choices are sealed with them, and a choice of a deleted diet is simply no longer shown.
 */
export interface ElectionSpecialDietInput {
  /**
   * Unique in the tenant (case-insensitive).
   */
  name: string;
}
