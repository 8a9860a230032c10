/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * Rows of a module the template editor may preview with, each with its details.
 */
export interface TemplatePreviewChoices {
  /**
   * @maxItems 20
   */
  choices: {
    id: string;
    label: string;
    /**
     * @maxItems 50
     */
    details: {
      id: string;
      label: string;
    }[];
  }[];
}
