/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A suggested preview scenario: its id and name, and what flow-preview's scenario takes.
 */
export interface FlowScenario {
  id: string;
  name: string;
}
