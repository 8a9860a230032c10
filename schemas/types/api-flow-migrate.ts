/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Move the running instances of an older version to the latest one; statuses the new version lacks are mapped.
 */
export interface FlowMigrateRequest {
  fromVersion: number;
  statusMap: {
    [k: string]: string;
  };
}
