/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * PATCH /api/election/public/me: the participant's own contact details and diets (each as given; diets and the note each keep the other).
 */
export interface ElectionPublicMeUpdate {
  phone?: string | null;
  email?: string | null;
  /**
   * @maxItems 20
   */
  dietIds?: string[];
  dietNote?: string | null;
}
