/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Open (or recently decided) tasks for the roles the actor holds, at most 200.
 */
export interface TaskList {
  tasks: Task[];
}
export interface Task {
  id: string;
  instanceId: string;
  taskKey: string;
  role: string;
  title: LocalizedText;
  decisions: {
    key: string;
    label: LocalizedText;
  }[];
  formId: string | null;
  openedAt: string;
  decision: string | null;
  decidedAt: string | null;
  flowKey: string;
  flowName: LocalizedText | null;
  subjectType: string;
  subjectId: string;
  reference: string;
}
/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
