/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The application a task is about: the form submission its flow instance runs on, with the form version answered (for the field labels) and the receipt's reference.
 */
export interface TaskSubject {
  id: string;
  formId: string;
  version: number;
  reference: string;
  submittedAt: string;
  /**
   * null once erased (see erasedAt).
   */
  answers: {
    [k: string]: unknown;
  } | null;
  erasedAt: string | null;
}
