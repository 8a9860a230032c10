/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type FlowKey = string;

/**
 * Starts the latest published version of another flow of this tenant on the same subject.
 */
export interface StartChildFlowConfig {
  flow: FlowKey;
}
