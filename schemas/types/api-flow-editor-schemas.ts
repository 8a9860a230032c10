/* Generated from the JSON Schema by `npm run gen:types`. Do not edit: change the schema instead. */

export interface FlowEditorSchemas {
  /**
   * Each action's config schema, self-contained.
   */
  actions: {
    [k: string]: {};
  };
  /**
   * The shape of a rule's `when`, self-contained.
   */
  when: {};
}
