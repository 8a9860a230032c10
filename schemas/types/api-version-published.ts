/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface VersionPublished {
  version: number;
  /**
   * SHA-256 of the version's canonical JSON
   */
  contentHash: string;
}
