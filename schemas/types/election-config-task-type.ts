/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A task type: created with POST, replaced whole with PUT (its files are kept; they have their own routes). The task ends the day it starts: startTime before endTime.
 */
export interface ElectionTaskTypeInput {
  /**
   * Unique in the tenant (case-insensitive; spaces around it are dropped).
   */
  title: string;
  /**
   * Unique in the tenant (case-insensitive): the task type's column in the distribution grid.
   */
  shortName: string;
  description?: string;
  /**
   * HH:MM, 24-hour clock.
   */
  startTime: string;
  /**
   * HH:MM, after startTime.
   */
  endTime: string;
  /**
   * In kroner with at most 2 decimals. 0 or null: no payment, and then none is shown (the answer says null).
   */
  payment?: number | null;
  /**
   * Trusted tasks are never offered on public task links.
   */
  trusted?: boolean;
  /**
   * Whether the task reminder is sent before the task.
   */
  reminders?: boolean;
  /**
   * The extra fields asked of a person taking the task: a form of kind taskTypeFields of this tenant (designed in the form designer), or null.
   */
  fieldsFormId?: string | null;
}
