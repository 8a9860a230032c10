/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

/**
 * A suggested preview scenario: its id and name, and what flow-preview's scenario takes.
 */
export interface FlowScenario {
  id: string;
  /**
   * In English, for API users; the pages show the translation of code
   */
  name: string;
  /**
   * Stable code (schema.<Ajv keyword>, form.*, flow.*, preview.*), which the pages translate
   */
  code: string;
  /**
   * What the code's text is filled with
   */
  params: {};
}
