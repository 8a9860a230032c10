/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Who could take a slot: participants found by name (every word in the given or family name), by whole personal number, or by its first six digits (the birth date, as the masked number shows it).
 */
export interface ElectionCandidatesQuery {
  q: string;
}
