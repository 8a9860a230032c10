/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type KeepWhatThePersonConsentedToKeep = boolean;

/**
 * Asks the subject type to delete the instance's personal data (for a form submission: the answers). What the person consented to keep is kept when keepWithConsent is set.
 */
export interface DeletePersonalDataConfig {
  keepWithConsent?: KeepWhatThePersonConsentedToKeep;
}
