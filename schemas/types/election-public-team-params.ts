/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A team the logged-in person is responsible for. Ids that are not UUIDs name nothing: 404.
 */
export interface ElectionPublicTeamParams {
  teamId: string;
}
