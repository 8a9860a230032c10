/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Filters, order, columns and language of GET /api/election/participants/export.csv and export.xlsx.
 */
export interface ElectionParticipantExportQuery {
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
   * The columns in their order, repeated or comma-separated; default every ordinary one. diets and partyMembership (special-category) only when named, and the audit row says so.
   */
  columns?:
    | string
    | (
        | "name"
        | "givenName"
        | "familyName"
        | "personalNumber"
        | "birthDate"
        | "address"
        | "postalCode"
        | "city"
        | "municipalityCode"
        | "citizenship"
        | "registryStatus"
        | "registryCheckedAt"
        | "phone"
        | "email"
        | "digitalPostExempt"
        | "teams"
        | "tasks"
        | "createdAt"
        | "diets"
        | "partyMembership"
      )[];
  /**
   * The header's language; else Accept-Language, else the tenant's.
   */
  lang?: "da" | "sv" | "en";
}
