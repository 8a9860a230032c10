/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One page of the filtered participants, with the total. Special-category fields only when included.
 */
export interface ElectionParticipantList {
  items: ElectionParticipantListItem[];
  total: number;
  page: number;
  pageSize: number;
}
export interface ElectionParticipantListItem {
  id: string;
  personalNumberMasked: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  address: ElectionParticipantAddress | null;
  protectedAddress: boolean;
  municipalityCode: string;
  citizenship: string;
  registryStatus: "ok" | "deceased" | "disenfranchised" | "movedAway";
  registryCheckedAt: string;
  phone: string | null;
  email: string | null;
  digitalPostExempt: boolean;
  createdAt: string;
  name: string;
  teams: ElectionParticipantTeamRef[];
  tasks: number;
  diets?: ElectionParticipantDiets;
  partyMembership?: ElectionParticipantTeamRef1[];
}
export interface ElectionParticipantAddress {
  street: string;
  postalCode: string;
  city: string;
}
export interface ElectionParticipantTeamRef {
  id: string;
  name: string;
  shortName: string;
}
export interface ElectionParticipantDiets {
  dietIds: string[];
  names: string[];
  note: string | null;
}
export interface ElectionParticipantTeamRef1 {
  id: string;
  name: string;
  shortName: string;
}
