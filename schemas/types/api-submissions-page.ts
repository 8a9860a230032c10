/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface SubmissionsPage {
  total: number;
  page: number;
  pageSize: number;
  submissions: SubmissionView[];
}
export interface SubmissionView {
  id: string;
  version: number;
  submittedAt: string;
  /**
   * null once erased (see erasedAt).
   */
  answers: {
    [k: string]: unknown;
  } | null;
  erasedAt: string | null;
}
