/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What the civil registry says about a personal number (a protected address left out), and the participant the person already is, if any.
 */
export interface ElectionParticipantPreview {
  personalNumberMasked: string;
  participantId: string | null;
  registryStatus: "ok" | "deceased" | "disenfranchised" | "movedAway";
  person: ElectionRegistryPerson;
}
export interface ElectionRegistryPerson {
  country: "DK" | "SE";
  givenName: string;
  familyName: string;
  birthDate: string;
  address?: string;
  postalCode?: string;
  city?: string;
  municipalityCode: string;
  citizenship: string;
  protectedAddress: boolean;
  deceased: boolean;
  disenfranchised: boolean;
}
