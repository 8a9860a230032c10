// The events of election staffing that send a participant a message. Each election names the message template
// (the platform's message_templates, by key) for each event; a task type may override the template of an event
// for its own tasks (task_types.templates). An event without a template sends nothing.
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

/** Event → template key. */
export type EventTemplates = Partial<Record<MessageEvent, string>>;
