/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface SubmissionReceipt {
  id: string;
  version: number;
  /**
   * A short reference a person can read out.
   */
  reference: string;
  /**
   * The status of the flow the submission started, when the form has one.
   */
  status?: string;
}
