/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type Status = string;

/**
 * Moves the instance to another status (its FlowStatus search attribute follows).
 */
export interface SetStatusConfig {
  status: Status;
}
