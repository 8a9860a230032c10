/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type Message =
  | "registrationConfirmed"
  | "cancellationConfirmed"
  | "invitation"
  | "invitationReminder"
  | "taskReminder"
  | "invitationRetracted"
  | "removedFromTask"
  | "removedByValidation";

/**
 * Sends the task's participant the election's message for an event (the task type's template for it, else the election's; none: nothing is sent), on the template's channels in order.
 */
export interface SendParticipantMessageConfig {
  event: Message;
}
