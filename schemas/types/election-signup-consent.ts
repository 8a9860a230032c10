/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Whether the logged-in citizen's consent to keep their details for the next election (the site's consent statement) is on record. false: the site does not ask for consent.
 */
export interface ElectionSignupConsent {
  consentRecorded: boolean;
}
