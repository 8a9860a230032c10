/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What the sign-up wizard offers to choose (GET /api/election/public/signup-options, anyone): the tenant's special diets, and whether the site asks for consent to keep a person's details for the next election.
 */
export interface ElectionSignupOptions {
  /**
   * @maxItems 200
   */
  diets: {
    id: string;
    name: string;
  }[];
  consentAsked: boolean;
}
