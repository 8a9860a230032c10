/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * An administrator makes a participant responsible for a team or a work location (POST /api/responsibility-grants).
 */
export interface ResponsibilityGrantInput {
  /**
   * The participant (a citizen user of this tenant).
   */
  userId: string;
  kind: "teamResponsible" | "workLocationResponsible";
  /**
   * The team's or work location's id.
   */
  scopeId: string;
}
