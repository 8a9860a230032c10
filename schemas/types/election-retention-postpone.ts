/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Postpone an election's deletion once: the new date and a reason (no personal data).
 */
export interface ElectionRetentionPostpone {
  until: string;
  reason: string;
}
