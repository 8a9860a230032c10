/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What the logged-in person has sent and where its flow stands, newest first.
 */
export interface MySubmissions {
  submissions: MySubmission[];
}
export interface MySubmission {
  id: string;
  formId: string;
  formTitle: LocalizedText;
  submittedAt: string;
  status: string | null;
  statusLabel: LocalizedText | null;
  endedAt: string | null;
  reference: string;
}
/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
