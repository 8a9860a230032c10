/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The tenant's teams, by name in the tenant's language's alphabetical order.
 */
export interface ElectionTeamList {
  items: ElectionTeam[];
}
/**
 * A team (its fields only: nothing of its members or responsible).
 */
export interface ElectionTeam {
  id: string;
  name: string;
  shortName: string;
  description: string;
  politicalParty: boolean;
}
