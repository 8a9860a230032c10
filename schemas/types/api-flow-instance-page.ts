/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowInstancePage {
  rows: FlowInstanceRow[];
  total: number;
  page: number;
  pageSize: number;
}
export interface FlowInstanceRow {
  id: string;
  flowId: string;
  flowKey: string;
  version: number;
  status: string;
  subjectType: string;
  startedAt: string;
  endedAt: string | null;
  migratedFrom: number | null;
  /**
   * The instance's workflow in the Temporal Web UI (operators).
   */
  webUiPath: string;
}
