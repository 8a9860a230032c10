/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * GET /api/election/public/me: the logged-in participant's profile: the registry's data (read-only; a protected address is not shown), the editable contact details and diets, and whether the profile may be deleted now.
 */
export interface ElectionPublicMeProfile {
  registry: {
    givenName: string;
    familyName: string;
    personalNumber: string;
    birthDate: string;
    protectedAddress: boolean;
    address: string | null;
    postalCode: string | null;
    city: string | null;
    municipalityCode: string;
    citizenship: string;
    checkedAt: string;
  };
  phone: string | null;
  email: string | null;
  /**
   * @maxItems 50
   */
  dietIds: string[];
  dietNote: string | null;
  /**
   * @maxItems 200
   */
  diets: {
    id: string;
    name: string;
  }[];
  deletion: {
    allowed: boolean;
    reason?: "lockPeriod" | "taskWorked";
    ends?: string;
  };
}
