// The events of election staffing that send a participant a message. Each election names the message template
// (the platform's message_templates, by key) for each event; a task type may override the template of an event
// for its own tasks (task_types.templates). An event without a template sends nothing.
import type { MessageEvent } from '../../../schemas/election/message-events';

export { MESSAGE_EVENTS, type MessageEvent } from '../../../schemas/election/message-events';

/** Event → template key. */
export type EventTemplates = Partial<Record<MessageEvent, string>>;
