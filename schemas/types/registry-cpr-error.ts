/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The body of a refused CPR lookup (4xx). A 404 is 'no such person' only when it carries fejlkode PNR_UKENDT; any other 404 is a wrong address, not an answer.
 */
export interface CprError {
  fejlkode: string;
  fejltekst?: string;
  [k: string]: unknown;
}
