/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * The stricter shape a draft must have to be published: a title, an object schema with at least one field, and texts in at least one language. What JSON Schema cannot say well is checked in engine/forms/publishable.ts: the form's schema compiles, every field is bounded (strings by maxLength, enum or a known format; arrays by maxItems) and nested at most three levels, every field and option has its text in every language the definition offers.
 */
export type FormDefinitionPublishable = FormDefinitionDraft & {
  title: {};
  translations: {};
  schema: {
    type: "object";
    properties: {};
  };
};

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
