/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One election with everything its setup steps set, the task types' template overrides and whether it can be deleted (inactive, no task slot with a participant).
 */
export interface ElectionDetail {
  id: string;
  title: string;
  electionTypeId: string;
  electionTypeName: string;
  electionDay: string;
  firstTaskDate: string | null;
  lastTaskDate: string | null;
  lockDays: number;
  active: boolean;
  /**
   * The next step of the setup to fill in; done when all are.
   */
  setupStep: "dates" | "workLocations" | "messages" | "done";
  /**
   * Polling stations the election uses.
   */
  workLocations: number;
  /**
   * Task slots, any state.
   */
  slots: number;
  /**
   * Task slots whose participant has accepted.
   */
  filledSlots: number;
  templates: ElectionEventTemplates;
  /**
   * Task type id → the templates that replace the election's for its tasks (every task type that has any).
   */
  taskTypeOverrides: {
    [k: string]: ElectionEventTemplates;
  };
  workLocationIds: string[];
  canDelete: boolean;
  createdAt: string;
  updatedAt: string;
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
