/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The events that send a participant a message, and the tenant's message templates any of them can use.
 */
export interface ElectionMessageEvents {
  events: (
    | "registrationConfirmed"
    | "cancellationConfirmed"
    | "invitation"
    | "invitationReminder"
    | "taskReminder"
    | "invitationRetracted"
    | "removedFromTask"
    | "removedByValidation"
  )[];
  /**
   * The keys of the tenant's message templates.
   */
  templates: string[];
}
