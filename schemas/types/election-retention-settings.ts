/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The tenant's deletion after the election: how many months after election day the participants who did not consent are deleted (at most 12), and how long a consent to be kept lasts (at most 60 months).
 */
export interface ElectionRetentionSettings {
  monthsAfterElection: number;
  consentMonths: number;
}
