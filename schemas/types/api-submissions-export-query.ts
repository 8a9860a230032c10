/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Settings of GET /api/forms/{id}/submissions.csv: which version, the language of the header and option labels (the administrator's; else the tenant's default), and keys=true for the field keys and raw values instead (for machines).
 */
export interface SubmissionsExportQuery {
  version?: number;
  locale?: "da" | "sv" | "en";
  keys?: boolean;
}
