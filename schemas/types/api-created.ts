/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The id of what was created.
 */
export interface Created {
  id: string;
}
