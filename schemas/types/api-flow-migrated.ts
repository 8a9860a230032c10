/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The version the instances moved to and how many moved.
 */
export interface FlowMigrated {
  version: number;
  moved: number;
}
