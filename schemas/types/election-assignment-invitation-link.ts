/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A new invitation link of an invited slot; the link given before stops working.
 */
export interface ElectionInvitationLink {
  url: string;
}
