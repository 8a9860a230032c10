/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface TemplatePreviewQuery {
  locale: "da" | "sv" | "en";
  /**
   * Preview with a real row of this module (its templatePreview) instead of sample data.
   */
  module?: string;
  /**
   * The module's row (e.g. a person).
   */
  subjectId?: string;
  /**
   * One of its details (e.g. one of the person's tasks).
   */
  detailId?: string;
}
