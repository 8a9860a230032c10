/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Synthetic people for development and tests: the local SAML IdP offers them at login and the civil-registry simulator answers with the same records. Never real people.
 */
export interface TestPeople {
  /**
   * @minItems 1
   * @maxItems 200
   */
  citizens: [Citizen, ...Citizen[]];
  /**
   * @minItems 1
   * @maxItems 50
   */
  employees: [Employee, ...Employee[]];
}
export interface Citizen {
  id: string;
  country: "DK" | "SE";
  /**
   * CPR (10 digits) or personnummer (12 digits), canonical form
   */
  personalNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  /**
   * Danish kommunekode (3 digits) or Swedish kommunkod (4 digits)
   */
  municipalityCode: string;
  /**
   * Shown only when the address is not protected
   */
  address: string;
  citizenship: string;
  protectedAddress: boolean;
  deceased: boolean;
  disenfranchised: boolean;
  email?: string;
  phone?: string;
  /**
   * Why this person is in the list (what it lets a tester try)
   */
  about: string;
}
export interface Employee {
  id: string;
  /**
   * Slug of the municipality employing the person
   */
  tenant: string;
  email: string;
  givenName: string;
  familyName: string;
  roles: ("administrator" | "operator")[];
  about: string;
}
