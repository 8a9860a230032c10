/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FormSummary {
  id: string;
  kind: string;
  name: string;
  builtin: string | null;
  latestVersion: number;
  updatedAt: string;
  flowId?: string | null;
}
