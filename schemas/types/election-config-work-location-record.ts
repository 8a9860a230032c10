/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A work location (polling station) with the ids of the task types and teams it uses.
 */
export interface ElectionWorkLocation {
  id: string;
  areaId: string;
  areaName: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  districtNumber: string;
  taskTypeIds: string[];
  teamIds: string[];
}
