/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * One thing the logged-in person sent: the form's questions with their answers (labels and answers in each language the form offers), the reference and where its flow stands. Answered only to the person who sent it.
 */
export interface MySubmissionDetail {
  id: string;
  formId: string;
  formTitle: LocalizedText;
  version: number;
  reference: string;
  submittedAt: string;
  status: string | null;
  statusLabel: LocalizedText | null;
  endedAt: string | null;
  /**
   * The answers were deleted (the flow's retention rule); the receipt stays.
   */
  erased: boolean;
  /**
   * The form's fields in its own order, each with the answer given (empty text when none).
   */
  questions: MySubmissionQuestion[];
}
/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
export interface MySubmissionQuestion {
  key: string;
  label: LocalizedText;
  answer: LocalizedText;
}
