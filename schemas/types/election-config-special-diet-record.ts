/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A special diet.
 */
export interface ElectionSpecialDiet {
  id: string;
  name: string;
}
