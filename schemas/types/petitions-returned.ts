/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A proposal the moderator returned for changes, for its edit page: the answers as stored (with the proposer's name and e-mail, since the token holder is the proposer) and the moderator's message.
 */
export interface PetitionReturned {
  id: string;
  status: "returned";
  formId: string;
  formVersion: number;
  answers: {};
  message: string | null;
  editExpiresAt: string;
}
