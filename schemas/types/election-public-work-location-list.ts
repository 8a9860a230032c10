/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The work locations (polling stations) the logged-in person is responsible for, by name.
 */
export interface ElectionPublicWorkLocationList {
  items: {
    id: string;
    name: string;
    address: string;
    postalCode: string;
    city: string;
    districtNumber: string;
  }[];
}
