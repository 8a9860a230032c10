/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A message template's subject and body per language; {{merge fields}} are filled in when it is sent.
 */
export interface MessageTemplateInput {
  subject: {
    da?: string;
    sv?: string;
    en?: string;
  };
  body: {
    da?: string;
    sv?: string;
    en?: string;
  };
}
