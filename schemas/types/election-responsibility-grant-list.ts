/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Every team and work-location responsibility of the tenant, the oldest first.
 */
export interface ElectionResponsibilityGrantList {
  grants: ElectionResponsibilityGrant[];
}
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
