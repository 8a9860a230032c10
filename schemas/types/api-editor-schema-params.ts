/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An editor schema by name: an action, or `when`.
 */
export interface EditorSchemaParams {
  name: string;
}
