/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The answers to a form version, checked against that version's own schema (a closed copy: fields it does not ask are refused).
 */
export interface FormAnswers {}
