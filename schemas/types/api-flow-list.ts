/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowList {
  flows: FlowSummary[];
}
export interface FlowSummary {
  id: string;
  key: string;
  module: string;
  name: LocalizedText | null;
  latestVersion: number;
  builtin: string | null;
  updatedAt: string;
  running: number;
  forms: string[];
}
/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
