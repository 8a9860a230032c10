/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The consents the logged-in person has given, newest first, withdrawn ones included (GET /api/me/consents).
 */
export interface MyConsents {
  consents: ConsentView[];
}
export interface ConsentView {
  id: string;
  /**
   * The form's name in the admin site.
   */
  form: string;
  definitionId: string;
  version: number;
  title: LocalizedText;
  consents: {
    [k: string]: boolean;
  };
  givenAt: string;
  withdrawnAt: string | null;
}
/**
 * A text per language code (da, sv, en).
 */
export interface LocalizedText {
  [k: string]: string;
}
