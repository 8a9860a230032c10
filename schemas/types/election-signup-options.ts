/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * What the sign-up wizard offers to choose (GET /api/election/public/signup-options, anyone): the tenant's special diets, and whether the site asks for consent to keep a person's details for the next election.
 */
export interface ElectionSignupOptions {
  /**
   * @maxItems 200
   */
  diets: {
    id: string;
    name: string;
  }[];
  consentAsked: boolean;
  /**
   * The signup template's extra fields as the wizard asks them: its newest published definition without the fields the wizard asks itself (name, contact, diets, party); null when it has none. Browser validator: GET /api/election/public/signup-fields/validator.js.
   */
  signupFields: Form | null;
  /**
   * Each task type with an extra-fields form: its newest published version (browser validator: GET /api/forms/:id/versions/:version/validator.js). Answers go in the sign-up's taskFields.
   *
   * @maxItems 200
   */
  taskTypeFields: {
    taskTypeId: string;
    form: Form;
  }[];
}
export interface Form {
  id: string;
  version: number;
  definition: FormDefinitionDraft;
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
