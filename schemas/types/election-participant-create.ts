/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * POST /api/election/participants: the personal number to look up in the civil registry and what an administrator enters; the rest comes from the registry.
 */
export interface ElectionParticipantCreate {
  /**
   * The person's CPR number (DK, DDMMYY-SSSS) or personnummer (SE, YYYYMMDD-NNNN), as written; a number of the tenant's country.
   */
  personalNumber: string;
  phone?: string | null;
  email?: string | null;
  /**
   * Special diets of the tenant (special-category data: stored sealed).
   *
   * @maxItems 20
   */
  dietIds?: string[];
  dietNote?: string | null;
  /**
   * The teams the person is a member of (all of them).
   *
   * @maxItems 50
   */
  teamIds?: string[];
  /**
   * Answers to the extra fields of the tenant's signup template (not its contact, diet or party fields).
   */
  signupFields?: {
    [k: string]: unknown;
  };
  digitalPostExempt?: boolean;
}
