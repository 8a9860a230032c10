/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowList {
  flows: FlowSummary[];
}
export interface FlowSummary {
  id: string;
  key: string;
  module: string;
  name: Localized | null;
  latestVersion: number;
  builtin: string | null;
  updatedAt: string;
  running: number;
  forms: string[];
}
export interface Localized {
  da?: string;
  sv?: string;
  en?: string;
}
