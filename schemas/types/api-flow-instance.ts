/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowInstance {
  id: string;
  flowId: string;
  flowKey: string;
  version: number;
  status: string;
  subjectType: string;
  startedAt: string;
  endedAt: string | null;
  migratedFrom: number | null;
}
