/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * PATCH /api/election/participants/{id}: the entered fields to change (teams and signup fields as a whole; diets and the note each keep the other).
 */
export interface ElectionParticipantUpdate {
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
