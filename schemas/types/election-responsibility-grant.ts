/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An administrator makes a participant responsible for a team or a work location (POST /api/election/responsibility-grants).
 */
export interface ElectionResponsibilityGrantInput {
  /**
   * The participant: a citizen user of this tenant (logged in on the public site at least once).
   */
  userId: string;
  /**
   * teamResponsible: scopeId is a team; workLocationResponsible: a work location.
   */
  kind: "teamResponsible" | "workLocationResponsible";
  /**
   * The team's or work location's id.
   */
  scopeId: string;
}
