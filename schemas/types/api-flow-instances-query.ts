/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowInstancesQuery {
  flow?: string;
  version?: number;
  status?: string;
  state?: "running" | "ended" | "all";
  page?: number;
  pageSize?: number;
}
