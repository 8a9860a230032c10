/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One task link of an election. Ids that are not UUIDs name nothing: 404.
 */
export interface ElectionLinkParams {
  id: string;
  linkId: string;
}
