/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export type TaskKey = string;
export type AssigneeRole = string;
/**
 * @minItems 1
 * @maxItems 6
 */
export type Decisions = [
  {
    key: string;
    label: Localized;
  },
  ...{
    key: string;
    label: Localized;
  }[]
];
export type FormToFillIdOfAPublishedForm = string;

/**
 * Opens a task in the task inbox of everyone with the role; one of its decisions completes it (event taskCompleted).
 */
export interface CreateTaskConfig {
  task: TaskKey;
  role: AssigneeRole;
  title: Title;
  decisions: Decisions;
  form?: FormToFillIdOfAPublishedForm;
}
export interface Title {
  da?: string;
  sv?: string;
  en?: string;
}
export interface Localized {
  da?: string;
  sv?: string;
  en?: string;
}
