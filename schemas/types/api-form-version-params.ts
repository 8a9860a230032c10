/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A form and one of its versions (or `latest`). Anything else names nothing: 404.
 */
export interface FormVersionParams {
  id: string;
  /**
   * A version number, or `latest` for the newest.
   */
  version: number | "latest";
}
