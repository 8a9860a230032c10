/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface ElectionRetentionPostponed {
  deletionDate: string;
}
