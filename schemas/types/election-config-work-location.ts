/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A work location (polling station): created with POST, replaced whole with PUT. taskTypeIds and teamIds are the task types and teams it uses, replaced as a set (omitted: none); an id that is not one of the tenant's answers 400 naming it.
 */
export interface ElectionWorkLocationInput {
  areaId: string;
  /**
   * Unique in the tenant (case-insensitive; spaces around it are dropped).
   */
  name: string;
  address?: string;
  postalCode?: string;
  city?: string;
  /**
   * The polling district's number.
   */
  districtNumber?: string;
  /**
   * The task types used here.
   *
   * @maxItems 100
   */
  taskTypeIds?: string[];
  /**
   * The teams that staff it.
   *
   * @maxItems 100
   */
  teamIds?: string[];
}
