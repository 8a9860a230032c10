/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
