/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A team (a party, Borgerservice, volunteers…): created with POST, replaced whole with PUT. Its members and responsible are managed with the participants and responsibilities.
 */
export interface ElectionTeamInput {
  /**
   * Unique in the tenant (case-insensitive; spaces around it are dropped).
   */
  name: string;
  /**
   * Unique in the tenant (case-insensitive).
   */
  shortName: string;
  description?: string;
  /**
   * A political party: membership of the team is then special-category data (political opinion), shown only to administrators, the person and the team's responsible.
   */
  politicalParty?: boolean;
}
