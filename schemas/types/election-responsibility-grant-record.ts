/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A participant's responsibility for a team or a work location, as given by an administrator.
 */
export interface ElectionResponsibilityGrant {
  id: string;
  userId: string;
  kind: "teamResponsible" | "workLocationResponsible";
  scopeId: string;
  grantedAt: string;
}
