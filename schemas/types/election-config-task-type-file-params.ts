/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task type and one of its files.
 */
export interface ElectionTaskTypeFileParams {
  id: string;
  fileId: string;
}
