// The events of election staffing that send a participant a message, the one list the server
// (engine/modules/election/message-events.ts) and the admin site's election pages both read, in the order pages show
// them; election-message-events.schema.json and election-event-templates.schema.json name the same events
// (test/election/elections-api.test.ts checks it).
export const MESSAGE_EVENTS = [
  'registrationConfirmed',
  'cancellationConfirmed',
  'invitation',
  'invitationReminder',
  'taskReminder',
  'invitationRetracted',
  'removedFromTask',
  'removedByValidation',
] as const;

export type MessageEvent = (typeof MESSAGE_EVENTS)[number];
