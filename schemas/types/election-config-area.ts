/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An area (a part of the municipality its polling stations are grouped by): created with POST, replaced with PUT.
 */
export interface ElectionAreaInput {
  /**
   * Unique in the tenant (case-insensitive; spaces around it are dropped).
   */
  name: string;
}
