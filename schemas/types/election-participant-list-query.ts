/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters, order and page of GET /api/election/participants.
 */
export interface ElectionParticipantListQuery {
  /**
   * Words of the name (each in the given or the family name).
   */
  q?: string;
  birthFrom?: string;
  birthTo?: string;
  /**
   * Member of any of these teams: repeated or comma-separated. A party's team needs election.specialCategory.view.
   */
  teamIds?: string | string[];
  digitalPostExempt?: boolean;
  /**
   * Holds (invited to or accepted) a task, or holds none.
   */
  hasTask?: boolean;
  taskTypeId?: string;
  workLocationId?: string;
  /**
   * The civil-registry status: deceased, disenfranchised, movedAway (registered in another municipality), else ok.
   */
  status?: "ok" | "deceased" | "disenfranchised" | "movedAway";
  /**
   * name: family then given name in the tenant's collation (Danish Æ Ø Å, Swedish Å Ä Ö).
   */
  sort?: "name" | "birthDate" | "createdAt";
  order?: "asc" | "desc";
  /**
   * Special-category fields to add (needs election.specialCategory.view): diets, partyMembership; repeated or comma-separated.
   */
  include?: string | ("diets" | "partyMembership")[];
  page?: number;
  pageSize?: number;
}
