/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * POST /api/election/participants/lookup: a personal number to look up for the create form's preview.
 */
export interface ElectionParticipantLookup {
  /**
   * The person's CPR number (DK, DDMMYY-SSSS) or personnummer (SE, YYYYMMDD-NNNN), as written; a number of the tenant's country.
   */
  personalNumber: string;
}
