/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The teams the logged-in person is responsible for, by name, each with how many members it has.
 */
export interface ElectionPublicTeamList {
  items: {
    id: string;
    name: string;
    shortName: string;
    members: number;
  }[];
}
