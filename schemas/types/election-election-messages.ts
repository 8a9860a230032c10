/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The setup's messages step: the election's template of each event, and optionally task types' overrides (the whole override of each task type named; task types not named keep theirs).
 */
export interface ElectionMessages {
  templates: ElectionEventTemplates;
  /**
   * Task type id → its templates, which replace the election's for that task type's tasks.
   */
  taskTypeOverrides?: {
    [k: string]: ElectionEventTemplates;
  };
}
/**
 * The message template (its key among the tenant's message templates) of each event that sends a participant a message. An event left out sends nothing.
 */
export interface ElectionEventTemplates {
  /**
   * Confirmation of a registration for a task.
   */
  registrationConfirmed?: string;
  /**
   * Confirmation of a cancellation (unregistering).
   */
  cancellationConfirmed?: string;
  /**
   * An invitation to a task.
   */
  invitation?: string;
  /**
   * A reminder of an unanswered invitation.
   */
  invitationReminder?: string;
  /**
   * A reminder some days before the task.
   */
  taskReminder?: string;
  /**
   * An invitation withdrawn by the municipality.
   */
  invitationRetracted?: string;
  /**
   * Removed from a task by an administrator.
   */
  removedFromTask?: string;
  /**
   * Removed from a task because the civil registry check no longer allows it.
   */
  removedByValidation?: string;
}
