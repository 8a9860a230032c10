/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A group message sent on (POST …/:id/send): its recipients are fixed; the workflow sends in batches.
 */
export interface ElectionGroupMessageStarted {
  id: string;
  total: number;
}
