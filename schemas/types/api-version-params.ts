/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A form or flow and one of its numbered versions. Anything else names nothing: 404.
 */
export interface VersionParams {
  id: string;
  version: number;
}
