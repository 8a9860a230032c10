/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The whole personal number (the reveal is audited).
 */
export interface ElectionParticipantPersonalNumber {
  personalNumber: string;
}
