/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The showcase form has one version: 1, or `latest`.
 */
export interface ShowcaseVersionParams {
  version: 1 | "latest";
}
