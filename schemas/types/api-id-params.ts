/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A path naming one row by its id. An id that is not a UUID names nothing: 404.
 */
export interface IdParams {
  id: string;
}
