/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One person as the Danish CPR lookup answers (a JSON rendering of CPR's person record, as the registry simulator serves it). Read by engine/registry/cpr-client.ts, which checks every answer against this schema before it maps it.
 */
export interface CprPerson {
  /**
   * The person's CPR number, 10 digits
   */
  CPR: string;
  /**
   * CPR status code: 01 resident in Denmark, 80 emigrated, 90 deceased (others exist)
   */
  status: string;
  navn: {
    /**
     * First and middle names
     */
    fornavn: string;
    efternavn: string;
    [k: string]: unknown;
  };
  foedselsdato: string;
  /**
   * Municipality code, zero-padded to 4 digits (0101 København)
   */
  kommunekode: string;
  /**
   * Left out when the address is protected (adressebeskyttelse)
   */
  adresse?: {
    vejadresse: string;
    postnummer?: string;
    postdistrikt?: string;
    [k: string]: unknown;
  };
  /**
   * Navne- og adressebeskyttelse
   */
  adressebeskyttelse: boolean;
  statsborgerskab: {
    /**
     * ISO 3166-1 alpha-2
     */
    landekode: string;
    [k: string]: unknown;
  };
  /**
   * Deprived of legal capacity (frakendt den retlige handleevne), which takes away the right to vote
   */
  umyndiggjort: boolean;
  [k: string]: unknown;
}
