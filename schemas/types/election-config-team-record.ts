/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

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
