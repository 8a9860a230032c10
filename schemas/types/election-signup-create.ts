/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * POST /api/election/public/signups: a citizen logged in with e-ID signs up for one task a task link offers. The person comes from the login's personal number (and the civil registry); the body brings the link, the chosen group (or a task link's slot) and what the person enters.
 */
export interface ElectionSignupCreate {
  /**
   * The task link's token.
   */
  linkToken: string;
  /**
   * The offered group (work location, task type, team and date) or, for a task link, its slot.
   */
  choice:
    | {
        workLocationId: string;
        taskTypeId: string;
        teamId: string;
        date: string;
      }
    | {
        slotId: string;
      };
  phone?: string | null;
  email?: string | null;
  /**
   * Special diets of the tenant (stored sealed).
   *
   * @maxItems 20
   */
  dietIds?: string[];
  dietNote?: string | null;
  /**
   * Answers to the extra fields of the tenant's signup template.
   */
  fields?: {
    [k: string]: unknown;
  };
  /**
   * Answers to the chosen task type's extra fields (its published form of kind taskTypeFields), checked against the form's newest version and kept with the slot.
   */
  taskFields?: {
    [k: string]: unknown;
  };
  /**
   * Keep my details for the next election (the site's consent statement, recorded with its version). false or absent: nothing recorded; the sign-up goes on.
   */
  consent?: boolean;
}
