/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface ValidatorQuery {
  /**
   * The language of the validation messages.
   */
  locale: "da" | "sv" | "en";
  /**
   * Ignored: a cache-buster (the designer adds its draft's revision so a saved change is fetched anew).
   */
  rev?: string;
}
