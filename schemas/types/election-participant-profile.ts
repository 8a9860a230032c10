/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A participant's profile: details (personal number masked, a protected address left out), registry status, teams, diets (special-category: only to those allowed), responsibilities, comments, tasks per election and the communication log.
 */
export interface ElectionParticipantProfile {
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
  country: "DK" | "SE";
  deceased: boolean;
  disenfranchised: boolean;
  signupFields: {
    [k: string]: unknown;
  };
  userId: string | null;
  updatedAt: string;
  /**
   * Whether party teams and diets are shown (the actor may see special-category data).
   */
  specialCategory: boolean;
  teams: ElectionParticipantTeam[];
  diets: ElectionParticipantDiets | null;
  responsibilities: ElectionParticipantResponsibility[];
  comments: ElectionParticipantCommentItem[];
  tasks: ElectionParticipantElectionTasks[];
  communicationLog: ElectionParticipantMessage[];
}
export interface ElectionParticipantAddress {
  street: string;
  postalCode: string;
  city: string;
}
export interface ElectionParticipantTeam {
  id: string;
  name: string;
  shortName: string;
  politicalParty: boolean;
  joinedAt: string;
}
export interface ElectionParticipantDiets {
  dietIds: string[];
  names: string[];
  note: string | null;
}
export interface ElectionParticipantResponsibility {
  kind: string;
  scopeId: string;
  name: string | null;
  grantedAt: string;
}
export interface ElectionParticipantCommentItem {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}
export interface ElectionParticipantElectionTasks {
  electionId: string;
  title: string;
  electionDay: string;
  tasks: ElectionParticipantTask[];
}
export interface ElectionParticipantTask {
  id: string;
  date: string;
  state: "invited" | "accepted" | "rejected";
  workLocation: {
    id: string;
    name: string;
  };
  taskType: {
    id: string;
    title: string;
    startTime: string;
    endTime: string;
  };
  team: {
    id: string;
    name: string;
  } | null;
}
export interface ElectionParticipantMessage {
  id: string;
  at: string;
  sentAt: string | null;
  channel: string;
  templateKey: string;
  status: string;
}
