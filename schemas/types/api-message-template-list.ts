/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface MessageTemplateList {
  /**
   * @maxItems 500
   */
  templates: MessageTemplate[];
  /**
   * Every merge field a template may use: the platform's and the installed modules'.
   *
   * @maxItems 200
   */
  mergeFields: string[];
  /**
   * The modules whose real rows a template may be previewed with (GET /message-template-preview-choices).
   *
   * @maxItems 50
   */
  previewModules: string[];
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
  sms: {
    da?: string;
    sv?: string;
    en?: string;
  };
  /**
   * The channels in the order tried: the next is used when a person cannot receive on one.
   *
   * @maxItems 3
   */
  channels: ("digitalPost" | "email" | "sms")[];
}
