// The seam between group messages and the module's participant messages (../messages/: composed from the
// election's or the task type's template of an event, or from a free text, with the participant's merge fields,
// and delivered by the platform on the channels in order with fallback, once per idempotency key).
export { composeParticipantMessage, type ComposedMessage, type ParticipantMessageInput } from '../messages/compose';
export { sendParticipantMessage, type SendParticipantMessageDeps as MessagingDeps } from '../messages/send';

export interface FreeText {
  subject: string;
  body: string;
  sms?: string;
}
