/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A form with its draft and published versions, newest first.
 */
export interface FormDetail {
  id: string;
  kind: string;
  name: string;
  builtin: string | null;
  latestVersion: number;
  updatedAt: string;
  /**
   * The form's readable address on the public site (/forms/<slug>), given when it is first published; null before.
   */
  slug: string | null;
  draft: FormDefinitionDraft;
  versions: {
    version: number;
    contentHash: string;
    publishedAt: string;
  }[];
}
/**
 * A form as an administrator edits it: JSON Schema for the answers, a UI schema for order, widgets and help, and the texts per language. A draft may be incomplete (no fields yet, missing translations); publishing requires the stricter form-definition-publishable shape. Stored whole; at most 256 KB.
 */
export interface FormDefinitionDraft {
  /**
   * Version of this definition format (not of the form).
   */
  schemaVersion: 1;
  /**
   * What the form is for: the platform's kinds and each installed module's (engine/modules/builtins.ts formKinds; creating a form checks it).
   */
  kind: string;
  title?: Texts;
  description?: Texts;
  /**
   * JSON Schema (draft-07 subset) of the answers: an object whose properties are the fields. Conditional fields use if/then in allOf.
   */
  schema?: {};
  /**
   * react-jsonschema-form UI schema: ui:order, and per field ui:widget, ui:options.
   */
  uiSchema?: {};
  /**
   * Texts per language, per field path (e.g. `email`, `address.city`): label, help, option labels.
   */
  translations?: {
    [k: string]: {
      [k: string]: FieldTexts;
    };
  };
  /**
   * For consentStatement forms: the statement (markdown per language) that a required acknowledgement refers to, and optional consents the person may give or withhold.
   */
  consent?: {
    text?: LongTexts;
    /**
     * @maxItems 10
     */
    optionalConsents?: {
      key: string;
      label: Texts;
    }[];
  };
}
export interface Texts {
  da?: string;
  sv?: string;
  en?: string;
}
export interface FieldTexts {
  label?: string;
  help?: string;
  /**
   * @maxItems 100
   */
  options?: string[];
}
export interface LongTexts {
  da?: string;
  sv?: string;
  en?: string;
}
