/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface MessageTemplateList {
  templates: MessageTemplate[];
}
export interface MessageTemplate {
  key: string;
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
