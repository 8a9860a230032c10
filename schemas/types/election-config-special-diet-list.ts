/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The tenant's special diets, by name in the tenant's language's alphabetical order.
 */
export interface ElectionSpecialDietList {
  items: ElectionSpecialDiet[];
}
/**
 * A special diet.
 */
export interface ElectionSpecialDiet {
  id: string;
  name: string;
}
